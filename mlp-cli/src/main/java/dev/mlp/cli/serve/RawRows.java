package dev.mlp.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlp.data.CsvReader;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Request rows for a model that takes its raw columns: cells as written (text categories,
 * numbers, missing cells), encoded and filled by the preprocessing stored in the model file, as
 * {@code mlp predict} does with a CSV file. A category not seen in training follows the stored
 * policy: encoded neutrally and counted, or refused (422) naming the row and column.
 *
 * <p>JSON rows are objects keyed by column name or arrays in the model's column order; a cell
 * is a string, a number or {@code null} (missing). CSV bodies have a header row naming the
 * columns, in any order.
 */
final class RawRows {

    /**
     * The encoded rows, the cells as the request wrote them (model column order, joined by
     * commas, for CSV answers) and the count of unseen categories per column.
     */
    record Encoded(double[][] inputs, List<String> written, Map<String, Integer> unseen) {
    }

    private RawRows() {
    }

    static Encoded fromCsv(String text, ServedModel m) {
        List<List<String>> lines = RequestRows.parseCsv(text);
        if (lines.isEmpty()) {
            throw new ApiException(RequestRows.MALFORMED, "empty CSV body: send a header row of "
                    + "column names and one line per row");
        }
        List<String> names = m.featureNames();
        List<String> header = new ArrayList<>();
        for (String h : lines.get(0)) {
            header.add(h.strip());
        }
        int[] at = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            at[c] = header.indexOf(names.get(c));
            if (at[c] < 0) {
                throw new ApiException(RequestRows.UNFIT, "CSV header: missing column '"
                        + names.get(c) + "'; the model takes " + String.join(", ", names));
            }
        }
        for (String h : header) {
            if (!names.contains(h)) {
                throw new ApiException(RequestRows.UNFIT, "CSV header: unknown column '" + h
                        + "'; the model takes " + String.join(", ", names));
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            List<String> fields = lines.get(r);
            if (fields.size() != header.size()) {
                throw new ApiException(RequestRows.MALFORMED, "CSV line " + (r + 1) + " has "
                        + fields.size() + " fields, the header has " + header.size());
            }
            String[] cells = new String[names.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = fields.get(at[c]).strip();
            }
            rows.add(cells);
        }
        return encode(rows, m, false);
    }

    static Encoded fromJson(JsonNode rows, ServedModel m) {
        List<String> names = m.featureNames();
        String missing = missingCell(m.preprocessing());
        List<String[]> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String[] cells = new String[names.size()];
            if (row.isArray()) {
                if (row.size() != cells.length) {
                    throw new ApiException(RequestRows.UNFIT, "row " + r + " has " + row.size()
                            + " values, but the model takes " + cells.length + ": "
                            + String.join(", ", names));
                }
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cell(row.get(c), r, names.get(c), missing);
                }
            } else if (row.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = row.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int c = names.indexOf(e.getKey());
                    if (c < 0) {
                        throw new ApiException(RequestRows.UNFIT, "row " + r + ": unknown "
                                + "column '" + e.getKey() + "'; the model takes "
                                + String.join(", ", names));
                    }
                    cells[c] = cell(e.getValue(), r, e.getKey(), missing);
                }
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] == null) {
                        throw new ApiException(RequestRows.UNFIT, "row " + r + ": missing "
                                + "column '" + names.get(c) + "' (send null for a missing "
                                + "cell); the model takes " + String.join(", ", names));
                    }
                }
            } else {
                throw new ApiException(RequestRows.UNFIT, "row " + r + " must be an object of "
                        + "column values or an array of them");
            }
            out.add(cells);
        }
        return encode(out, m, true);
    }

    private static String cell(JsonNode v, int row, String column, String missing) {
        if (v == null || v.isNull()) {
            return missing;
        }
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        throw new ApiException(RequestRows.UNFIT, "row " + row + ", column '" + column
                + "': expected a string, a number or null, found " + v.getNodeType()
                .name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The text of a missing cell: empty when empty cells are missing, else the first marker. */
    private static String missingCell(FittedPreprocessing p) {
        List<String> markers = p.missingMarkers();
        return markers.isEmpty() || markers.contains("") ? "" : markers.get(0);
    }

    /** Reads the cells as the model's CSV reader would, then encodes and fills them. */
    private static Encoded encode(List<String[]> rows, ServedModel m, boolean json) {
        FittedPreprocessing p = m.preprocessing();
        List<String> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        appendLine(csv, m.featureNames().toArray(new String[0]));
        for (String[] cells : rows) {
            appendLine(csv, cells);
            written.add(String.join(",", quoted(cells)));
        }
        if (rows.isEmpty()) {
            return new Encoded(new double[0][], written, Map.of());
        }
        RawTable raw;
        FittedPreprocessing.Encoded e;
        try {
            raw = p.configure(CsvReader.builder().noTarget()).build()
                    .readRaw(new StringReader(csv.toString()), "the request");
            e = p.apply(raw);
        } catch (IllegalArgumentException ex) {
            throw new ApiException(RequestRows.UNFIT, ex.getMessage()
                    + (json ? " (line n is JSON row n - 2)" : ""));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        int width = e.table().inputs();
        double[] flat = e.table().features();
        double[][] x = new double[e.table().rows()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return new Encoded(x, written, e.unseen());
    }

    private static void appendLine(StringBuilder sb, String[] cells) {
        sb.append(String.join(",", quoted(cells))).append('\n');
    }

    private static List<String> quoted(String[] cells) {
        List<String> q = new ArrayList<>(cells.length);
        for (String c : cells) {
            q.add(CsvReader.quoteCell(c));
        }
        return q;
    }
}
