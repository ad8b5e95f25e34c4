package dev.mlp.core.tune;

import java.util.List;

/** Renders rows of cells as left-aligned text columns. */
final class Tables {

    private Tables() {
    }

    static String render(List<String[]> rows) {
        int cols = 0;
        for (String[] r : rows) {
            cols = Math.max(cols, r.length);
        }
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                line.append(c == 0 ? "" : "  ").append(r[c]);
                if (c < r.length - 1) {
                    line.append(" ".repeat(width[c] - r[c].length()));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
