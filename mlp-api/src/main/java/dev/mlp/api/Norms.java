package dev.mlp.api;

/**
 * The Euclidean norm of a vector stored as several flat blocks, computed without spurious
 * overflow or underflow, as normalized-gradient optimizers and norm-clipping gradient
 * transforms need it.
 *
 * <p>A plain sum of squares is used when the largest component is in {@code [2^-480, 2^480]};
 * otherwise the components are first multiplied by a power of two (exactly) that brings the
 * largest near 1, as in LAPACK's {@code dnrm2}. Callers that go on to divide by the norm should
 * stay in the scaled space ({@link #scale(double)}, {@link #scaledNorm}), so that a subnormal
 * norm loses no precision.
 *
 * <p>Only the first {@code sizes[b]} entries of block {@code b} are read; a block index list
 * ({@code int[] which}) selects a subset of the blocks.
 */
public final class Norms {

    private Norms() {
    }

    /**
     * The largest absolute entry over the selected blocks.
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @param which the indices of the blocks to read
     * @return the maximum of {@code |x_i|}; {@code NaN} if any entry is {@code NaN}
     */
    public static double maxAbs(int[] sizes, double[][] blocks, int[] which) {
        double max = 0.0;
        for (int b : which) {
            double[] g = blocks[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double abs = Math.abs(g[i]);
                if (!(abs <= max)) { // true for a larger value and for NaN; NaN then sticks
                    max = abs;
                }
            }
        }
        return max;
    }

    /**
     * The power-of-two scale that brings the largest entry {@code max} near 1 when squaring it
     * could overflow or underflow: {@code 1} when {@code max} is in {@code [2^-480, 2^480]}
     * (squares up to {@code 2^960}, whose sum over any array count stays finite, and the largest
     * squares far from underflow), otherwise {@code 2^-e} with {@code e} the exponent of
     * {@code max}. Multiplying by a power of two is exact (bar entries negligible next to
     * {@code max}).
     *
     * @param max the largest absolute entry, finite and {@code > 0}
     * @return the scale
     */
    public static double scale(double max) {
        if (max >= 0x1p-480 && max <= 0x1p480) {
            return 1.0;
        }
        return Math.scalb(1.0, -Math.getExponent(max));
    }

    /**
     * The Euclidean norm of the scaled entries {@code scale * x_i} over the selected blocks.
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @param which the indices of the blocks to read
     * @param scale from {@link #scale(double)}
     * @return {@code sqrt(sum_i (scale x_i)^2)}
     */
    public static double scaledNorm(int[] sizes, double[][] blocks, int[] which, double scale) {
        double sum = 0.0;
        for (int b : which) {
            double[] g = blocks[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double x = g[i] * scale;
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * The Euclidean norm of the concatenation of all blocks.
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @return the norm; {@code 0} if every entry is zero; {@code NaN} or infinity if an entry is
     */
    public static double norm(int[] sizes, double[][] blocks) {
        return norm(sizes, blocks, all(sizes.length));
    }

    /**
     * The Euclidean norm of the concatenation of the selected blocks.
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @param which the indices of the blocks to read
     * @return the norm; {@code 0} if every entry is zero; {@code NaN} or infinity if an entry is
     */
    public static double norm(int[] sizes, double[][] blocks, int[] which) {
        double max = maxAbs(sizes, blocks, which);
        if (max == 0.0 || !Double.isFinite(max)) {
            return max;
        }
        double scale = scale(max);
        return scaledNorm(sizes, blocks, which, scale) / scale;
    }

    /**
     * @param count a number of blocks
     * @return {@code {0, 1, ..., count - 1}}
     */
    public static int[] all(int count) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        return all;
    }
}
