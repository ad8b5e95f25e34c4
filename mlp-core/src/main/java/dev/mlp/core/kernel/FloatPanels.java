package dev.mlp.core.kernel;

/**
 * {@link Panels} in {@code float}: the inner kernel of {@link FloatGemm}, with the same fixed
 * reduction order (set by {@code n} and {@link #BLOCK} alone), so any split of the output among
 * threads gives the same bits. HotSpot vectorizes its {@code float} loops twice as wide as the
 * {@code double} ones.
 */
final class FloatPanels {

    /** Rows of {@code b} per cache block (a multiple of 4). */
    static final int BLOCK = 64;

    private FloatPanels() {
    }

    /**
     * Computes the output rows {@code [i0, i1)} and columns {@code [c0, c1)}.
     *
     * @param s the scalars
     * @param si stride of {@code s} between output rows
     * @param sj stride of {@code s} between rows of {@code b}
     * @param n rows of {@code b} to sum over
     * @param b the right operand, one array per row, each at least {@code c1} long
     * @param out the output, row-major with {@code ldo} columns
     * @param ldo columns of {@code out}
     * @param init values each output row starts from, or {@code null} for zeros
     * @param scale factor applied to the finished sums
     * @param acc scratch of at least {@code c1} entries
     */
    static void compute(float[] s, int si, int sj, int n, float[][] b, float[] out, int ldo,
                        float[] init, float scale, float[] acc,
                        int i0, int i1, int c0, int c1) {
        if (c1 <= c0) {
            return;
        }
        for (int j0 = 0; j0 < n || j0 == 0; j0 += BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            boolean first = j0 == 0;
            boolean last = j1 >= n;
            for (int i = i0; i < i1; i++) {
                int o = i * ldo;
                if (first) {
                    if (init != null) {
                        System.arraycopy(init, c0, acc, c0, c1 - c0);
                    } else {
                        java.util.Arrays.fill(acc, c0, c1, 0.0f);
                    }
                } else {
                    System.arraycopy(out, o + c0, acc, c0, c1 - c0);
                }
                int sb = i * si;
                int j = j0;
                for (; j + 4 <= j1; j += 4) {
                    int p = sb + j * sj;
                    row4(s[p], s[p + sj], s[p + 2 * sj], s[p + 3 * sj],
                            b[j], b[j + 1], b[j + 2], b[j + 3], acc, c0, c1);
                }
                for (; j < j1; j++) {
                    row1(s[sb + j * sj], b[j], acc, c0, c1);
                }
                if (last && scale != 1.0f) {
                    for (int c = c0; c < c1; c++) {
                        acc[c] *= scale;
                    }
                }
                System.arraycopy(acc, c0, out, o + c0, c1 - c0);
            }
        }
    }

    private static void row4(float x0, float x1, float x2, float x3, float[] r0,
                             float[] r1, float[] r2, float[] r3, float[] acc, int c0,
                             int c1) {
        for (int c = c0; c < c1; c++) {
            float v = acc[c];
            v = Math.fma(x0, r0[c], v);
            v = Math.fma(x1, r1[c], v);
            v = Math.fma(x2, r2[c], v);
            v = Math.fma(x3, r3[c], v);
            acc[c] = v;
        }
    }

    private static void row1(float x, float[] r, float[] acc, int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            acc[c] = Math.fma(x, r[c], acc[c]);
        }
    }
}
