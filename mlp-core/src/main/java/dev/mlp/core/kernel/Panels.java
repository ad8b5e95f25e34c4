package dev.mlp.core.kernel;

/**
 * The one inner kernel behind every matrix product: each output row is a sum of scaled rows of
 * a right-hand matrix,
 * {@code out[i, c] = scale · (init[c] + Σ_j s[i·si + j·sj] · b[j][c])}.
 *
 * <p>With {@code s = a, si = inner, sj = 1} this is {@code A·W}; with {@code s = a, si = 1,
 * sj = inner} it is {@code Aᵀ·δ}, so the left operand is never transposed. The right operand
 * arrives packed as one array per row; the output row is built in an accumulator array. All
 * arrays in the innermost loop are then indexed by the same {@code c}, which is what HotSpot's C2
 * (JDK 17) needs to vectorize a loop that reads one array and writes another: with offsets such
 * as {@code out[o + c] += x * b[bo + c]} it cannot rule out that the two overlap and leaves the
 * loop scalar, about 3x slower here. The innermost loop takes four rows of {@code b} at once, a
 * chain of {@link Math#fma} calls that becomes vector FMA instructions.
 *
 * <p>The reduction order of every output entry is fixed by {@code n} and {@link #BLOCK} alone:
 * the caller may split the output's rows and columns among threads in any way and get the same
 * bits.
 */
final class Panels {

    /** Rows of {@code b} per cache block (a multiple of 4). */
    static final int BLOCK = 64;

    private Panels() {
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
    static void compute(double[] s, int si, int sj, int n, double[][] b, double[] out, int ldo,
                        double[] init, double scale, double[] acc,
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
                        java.util.Arrays.fill(acc, c0, c1, 0.0);
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
                if (last && scale != 1.0) {
                    for (int c = c0; c < c1; c++) {
                        acc[c] *= scale;
                    }
                }
                System.arraycopy(acc, c0, out, o + c0, c1 - c0);
            }
        }
    }

    private static void row4(double x0, double x1, double x2, double x3, double[] r0,
                             double[] r1, double[] r2, double[] r3, double[] acc, int c0,
                             int c1) {
        for (int c = c0; c < c1; c++) {
            double v = acc[c];
            v = Math.fma(x0, r0[c], v);
            v = Math.fma(x1, r1[c], v);
            v = Math.fma(x2, r2[c], v);
            v = Math.fma(x3, r3[c], v);
            acc[c] = v;
        }
    }

    private static void row1(double x, double[] r, double[] acc, int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            acc[c] = Math.fma(x, r[c], acc[c]);
        }
    }
}
