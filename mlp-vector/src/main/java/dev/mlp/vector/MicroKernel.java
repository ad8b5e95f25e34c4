package dev.mlp.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled inner kernel and the packing routines behind every product of
 * {@link VectorProducts}: {@code C = L·B} where the left operand {@code L} is read through two
 * strides (so that {@code A}, {@code Aᵀ} and {@code δ} need no transposed copy) and the right
 * operand {@code B} is packed.
 *
 * <p>A tile of {@value #MR} output rows by {@link #PANEL} columns (two vectors of the preferred
 * species: 8 doubles each with AVX-512, so 16 columns) is held in sixteen {@link DoubleVector}
 * accumulators, which HotSpot's C2 keeps in vector registers. Every step {@code k} loads two
 * vectors of the packed right panel, broadcasts each of the tile's {@value #MR} left entries and
 * issues sixteen fused multiply-adds: 32 FLOP per 2 vector loads and 8 scalar loads, where the
 * pure-Java kernel loads and stores the output row on every step.
 *
 * <p>Packed layouts: a left block is a sequence of tiles, each {@code kc} groups of
 * {@value #MR} consecutive entries (row {@code r} of step {@code k} at {@code k·MR + r}), rows
 * past the end padded with zeros; a right panel is {@code kc} rows of {@link #PANEL} entries,
 * columns past the end padded with zeros. Every output entry is the chain
 * {@code fma(L[i,k], B[k,j], ...)} over {@code k} in increasing order starting from its initial
 * value, then multiplied by the scale: the same operations, in the same order, as the pure-Java
 * {@code Gemm}, whatever the tile, the block or the thread.
 */
final class MicroKernel {

    /** The vector shape: the widest the CPU and the JVM support. */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector. */
    static final int LANES = SPECIES.length();

    /** Rows of a tile. */
    static final int MR = 8;

    /** Columns of a tile and of a packed right panel: two vectors. */
    static final int PANEL = 2 * LANES;

    private MicroKernel() {
    }

    /** @return the width of the vectors the kernels use, in bits */
    static int vectorBits() {
        return SPECIES.vectorBitSize();
    }

    /**
     * One full tile: {@code dst[r, j] = scale · chain(src[r, j]; ap, bp)} for {@code r <}
     * {@value #MR} and {@code j <} {@link #PANEL}.
     *
     * @param ap packed left block
     * @param apo offset of the tile in {@code ap}
     * @param kc steps to run
     * @param bp packed right panels
     * @param bpo offset of the panel, {@code kc x PANEL}, in {@code bp}
     * @param src initial values, row {@code r} at {@code so + r·sld} ({@code sld = 0} repeats
     *            one row, as for a bias)
     * @param so offset in {@code src}
     * @param sld row stride of {@code src}
     * @param dst receives the tile, row {@code r} at {@code dof + r·dld}; may be {@code src}
     * @param dof offset in {@code dst}
     * @param dld row stride of {@code dst}
     * @param scale factor applied to the finished sums (1 leaves them as they are)
     */
    static void tile(double[] ap, int apo, int kc, double[] bp, int bpo, double[] src, int so,
                     int sld,
                     double[] dst, int dof, int dld, double scale) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, src, so);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, src, so + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, src, so + sld);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, src, so + sld + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, src, so + 2 * sld);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, src, so + 2 * sld + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, src, so + 3 * sld);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, src, so + 3 * sld + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, src, so + 4 * sld);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, src, so + 4 * sld + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, src, so + 5 * sld);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, src, so + 5 * sld + LANES);
        DoubleVector c60 = DoubleVector.fromArray(SPECIES, src, so + 6 * sld);
        DoubleVector c61 = DoubleVector.fromArray(SPECIES, src, so + 6 * sld + LANES);
        DoubleVector c70 = DoubleVector.fromArray(SPECIES, src, so + 7 * sld);
        DoubleVector c71 = DoubleVector.fromArray(SPECIES, src, so + 7 * sld + LANES);
        for (int k = 0; k < kc; k++) {
            int pb = bpo + k * PANEL;
            int pa = apo + k * MR;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, bp, pb);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, bp, pb + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, ap[pa]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(SPECIES, ap[pa + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // always scaled (by 1 it changes nothing): a branch here would merge two vectors
        // per accumulator before the stores, and the JIT, depending on the profile it
        // compiles with, may then fail to keep them in registers and store them through
        // its slow generic path
        c00 = c00.mul(scale);
        c01 = c01.mul(scale);
        c10 = c10.mul(scale);
        c11 = c11.mul(scale);
        c20 = c20.mul(scale);
        c21 = c21.mul(scale);
        c30 = c30.mul(scale);
        c31 = c31.mul(scale);
        c40 = c40.mul(scale);
        c41 = c41.mul(scale);
        c50 = c50.mul(scale);
        c51 = c51.mul(scale);
        c60 = c60.mul(scale);
        c61 = c61.mul(scale);
        c70 = c70.mul(scale);
        c71 = c71.mul(scale);
        c00.intoArray(dst, dof);
        c01.intoArray(dst, dof + LANES);
        c10.intoArray(dst, dof + dld);
        c11.intoArray(dst, dof + dld + LANES);
        c20.intoArray(dst, dof + 2 * dld);
        c21.intoArray(dst, dof + 2 * dld + LANES);
        c30.intoArray(dst, dof + 3 * dld);
        c31.intoArray(dst, dof + 3 * dld + LANES);
        c40.intoArray(dst, dof + 4 * dld);
        c41.intoArray(dst, dof + 4 * dld + LANES);
        c50.intoArray(dst, dof + 5 * dld);
        c51.intoArray(dst, dof + 5 * dld + LANES);
        c60.intoArray(dst, dof + 6 * dld);
        c61.intoArray(dst, dof + 6 * dld + LANES);
        c70.intoArray(dst, dof + 7 * dld);
        c71.intoArray(dst, dof + 7 * dld + LANES);
    }

    /**
     * Packs rows {@code [i0, i1)} and steps {@code [k0, k0 + kc)} of the left operand
     * {@code L[i, k] = s[i·si + k·sk]} into tiles of {@value #MR} rows, the last one padded with
     * zeros.
     *
     * @param s the left operand
     * @param si stride between rows
     * @param sk stride between steps
     * @param i0 first row
     * @param i1 end of the rows
     * @param k0 first step
     * @param kc steps
     * @param ap receives {@code ceil((i1 - i0) / MR) · MR · kc} entries
     */
    static void packLeft(double[] s, int si, int sk, int i0, int i1, int k0, int kc,
                         double[] ap) {
        for (int i = i0, t = 0; i < i1; i += MR, t += MR * kc) {
            int h = Math.min(MR, i1 - i);
            if (sk == 1) {
                // rows are contiguous: read along each row
                for (int r = 0; r < h; r++) {
                    int from = (i + r) * si + k0;
                    for (int k = 0; k < kc; k++) {
                        ap[t + k * MR + r] = s[from + k];
                    }
                }
            } else {
                // columns are contiguous (si == 1 for Aᵀ): read MR neighbours per step
                for (int k = 0; k < kc; k++) {
                    int from = i * si + (k0 + k) * sk;
                    int to = t + k * MR;
                    for (int r = 0; r < h; r++) {
                        ap[to + r] = s[from + r * si];
                    }
                }
            }
            if (h < MR) {
                for (int k = 0; k < kc; k++) {
                    java.util.Arrays.fill(ap, t + k * MR + h, t + (k + 1) * MR, 0.0);
                }
            }
        }
    }

    /**
     * Packs steps {@code [k0, k0 + kc)} and columns {@code [c0, c0 + width)} of the right
     * operand {@code B[k, j] = b[k·bk + j·bj]} into one panel, columns past {@code width}
     * padded with zeros.
     *
     * @param b the right operand
     * @param bk stride between steps
     * @param bj stride between columns
     * @param k0 first step
     * @param kc steps
     * @param c0 first column
     * @param width columns, at most {@link #PANEL}
     * @param bp receives {@code kc · PANEL} entries
     * @param bpo where the panel starts in {@code bp}
     */
    static void packRight(double[] b, int bk, int bj, int k0, int kc, int c0, int width,
                          double[] bp, int bpo) {
        if (bj == 1 && width == PANEL) {
            // rows of the operand are contiguous: two vector copies per step
            for (int k = 0; k < kc; k++) {
                int from = (k0 + k) * bk + c0;
                int to = bpo + k * PANEL;
                DoubleVector.fromArray(SPECIES, b, from).intoArray(bp, to);
                DoubleVector.fromArray(SPECIES, b, from + LANES).intoArray(bp, to + LANES);
            }
            return;
        }
        if (bj == 1) {
            for (int k = 0; k < kc; k++) {
                System.arraycopy(b, (k0 + k) * bk + c0, bp, bpo + k * PANEL, width);
            }
        } else {
            // the transposed operand: read along each of its rows, write down the panel
            for (int j = 0; j < width; j++) {
                int from = (c0 + j) * bj + k0 * bk;
                for (int k = 0; k < kc; k++) {
                    bp[bpo + k * PANEL + j] = b[from + k * bk];
                }
            }
        }
        if (width < PANEL) {
            for (int k = 0; k < kc; k++) {
                int row = bpo + k * PANEL;
                java.util.Arrays.fill(bp, row + width, row + PANEL, 0.0);
            }
        }
    }
}
