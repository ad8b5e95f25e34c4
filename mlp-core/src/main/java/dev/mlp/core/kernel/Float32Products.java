package dev.mlp.core.kernel;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.FloatProducts;
import dev.mlp.api.kernel.MatrixProducts;

/**
 * The {@code float32} precision's engine: the {@code double} products of {@link MatrixProducts}
 * computed by a {@link FloatProducts} engine. Each product rounds its operands to {@code float}
 * into buffers this engine keeps, multiplies and sums in {@code float}, and widens the result
 * back into the caller's {@code double} output, so weights, optimizers and element-wise math
 * stay in {@code double}. The rounding costs {@code O(rows x inner + inner x cols + rows x
 * cols)} per product against the product's {@code O(rows x inner x cols)}.
 *
 * <p>One instance per thread of control; the buffers grow to the largest product seen and are
 * reused, so nothing is allocated per call once warm.
 */
public final class Float32Products implements MatrixProducts {

    private final FloatProducts products;
    private final boolean singleThreaded;
    private float[] left = new float[0];
    private float[] right = new float[0];
    private float[] bias = new float[0];
    private float[] result = new float[0];

    /**
     * @param products the float engine
     * @param singleThreaded whether engines made with one thread run each product on the calling
     *                       thread alone ({@link MatrixProducts#singleThreaded()})
     */
    public Float32Products(FloatProducts products, boolean singleThreaded) {
        this.products = java.util.Objects.requireNonNull(products, "products");
        this.singleThreaded = singleThreaded;
    }

    /**
     * A backend whose engines multiply in {@code float}: its own float products
     * ({@link ComputeBackend#floatProducts}), or {@link FloatGemm} when it has none. Its name is
     * the backend's.
     *
     * @param backend the backend
     * @return the float32 form of the backend
     */
    public static ComputeBackend backend(ComputeBackend backend) {
        if (backend instanceof Float32Backend) {
            return backend;
        }
        return new Float32Backend(backend);
    }

    /**
     * @param backend a backend
     * @return whether it multiplies in {@code float} ({@link #backend(ComputeBackend)})
     */
    public static boolean isFloat32(ComputeBackend backend) {
        return backend instanceof Float32Backend;
    }

    @Override
    public int threads() {
        return products.threads();
    }

    @Override
    public boolean singleThreaded() {
        return singleThreaded && products.threads() == 1;
    }

    @Override
    public void multiply(double[] a, int rows, int inner, double[] w, int cols, double[] b,
                         double[] out) {
        float[] fa = narrow(a, rows * inner, left);
        left = fa;
        float[] fw = narrow(w, inner * cols, right);
        right = fw;
        multiply(fa, rows, inner, fw, cols, b, out);
    }

    @Override
    public void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d, int cols,
                                       double scale, double[] out) {
        float[] fa = narrow(a, rows * inner, left);
        left = fa;
        float[] fo = room(inner * cols);
        multiplyTransposedLeft(fa, rows, inner, d, cols, scale, fo);
        widen(fo, out, inner * cols);
    }

    @Override
    public void multiplyTransposedRight(double[] d, int rows, int cols, double[] w, int inner,
                                        double[] out) {
        float[] fw = narrow(w, inner * cols, right);
        right = fw;
        multiplyTransposedRight(d, rows, cols, fw, inner, out);
    }

    /**
     * {@code out = a · w (+ bias)} with both operands already in {@code float}: the same bits
     * as {@link #multiply(double[], int, int, double[], int, double[], double[])} when they
     * hold the rounded values.
     *
     * @param a left matrix in {@code float}, {@code rows x inner}
     * @param rows rows of {@code a}
     * @param inner columns of {@code a}, rows of {@code w}
     * @param w right matrix in {@code float}, {@code inner x cols}
     * @param cols columns of {@code w}
     * @param b {@code cols} values added to every row, or {@code null}
     * @param out receives the product, {@code rows x cols}
     */
    public void multiply(float[] a, int rows, int inner, float[] w, int cols, double[] b,
                         double[] out) {
        float[] fb = null;
        if (b != null) {
            fb = narrow(b, cols, bias);
            bias = fb;
        }
        float[] fo = room(rows * cols);
        products.multiply(a, rows, inner, w, cols, fb, fo);
        widen(fo, out, rows * cols);
    }

    /**
     * {@code out = scale · aᵀ · d} with {@code a} already in {@code float}, the result left in
     * {@code float}: the values of
     * {@link #multiplyTransposedLeft(double[], int, int, double[], int, double, double[])}, not
     * widened.
     *
     * @param a left matrix in {@code float}, {@code rows x inner}, used transposed
     * @param rows rows of {@code a} and {@code d}
     * @param inner columns of {@code a}
     * @param d right matrix, {@code rows x cols}
     * @param cols columns of {@code d}
     * @param scale factor applied to every entry
     * @param out receives the product in {@code float}, {@code inner x cols}
     */
    public void multiplyTransposedLeft(float[] a, int rows, int inner, double[] d, int cols,
                                       double scale, float[] out) {
        float[] fd = narrow(d, rows * cols, right);
        right = fd;
        products.multiplyTransposedLeft(a, rows, inner, fd, cols, (float) scale, out);
    }

    /**
     * {@link #multiplyTransposedRight(double[], int, int, double[], int, double[])} with
     * weights already rounded to {@code float}.
     *
     * @param d left matrix, {@code rows x cols}
     * @param rows rows of {@code d}
     * @param cols columns of {@code d} and {@code w}
     * @param w right matrix in {@code float}, {@code inner x cols}, used transposed
     * @param inner rows of {@code w}
     * @param out receives the product, {@code rows x inner}
     */
    public void multiplyTransposedRight(double[] d, int rows, int cols, float[] w, int inner,
                                        double[] out) {
        float[] fd = narrow(d, rows * cols, left);
        left = fd;
        float[] fo = room(rows * inner);
        products.multiplyTransposedRight(fd, rows, cols, w, inner, fo);
        widen(fo, out, rows * inner);
    }

    /**
     * Rounds values {@code [from, to)} to {@code float}, as every product of this engine rounds
     * its {@code double} operands.
     *
     * @param values the values
     * @param from the first index rounded
     * @param to one past the last
     * @param into receives them rounded, at the same indices
     */
    public static void round(double[] values, int from, int to, float[] into) {
        for (int i = from; i < to; i++) {
            into[i] = (float) values[i];
        }
    }

    @Override
    public String toString() {
        return "float32(" + products + ")";
    }

    private float[] room(int n) {
        if (result.length < n) {
            result = new float[n];
        }
        return result;
    }

    private static float[] narrow(double[] from, int n, float[] into) {
        float[] to = into.length >= n ? into : new float[n];
        round(from, 0, n, to);
        return to;
    }

    private static void widen(float[] from, double[] to, int n) {
        for (int i = 0; i < n; i++) {
            to[i] = from[i];
        }
    }

    /** A backend in {@code float32}: each engine is a {@link Float32Products}. */
    private static final class Float32Backend implements ComputeBackend {
        private final ComputeBackend backend;

        Float32Backend(ComputeBackend backend) {
            this.backend = java.util.Objects.requireNonNull(backend, "backend");
        }

        @Override
        public String name() {
            return backend.name();
        }

        @Override
        public MatrixProducts products(int threads, MatrixProducts reference) {
            boolean single = backend.products(1, new Gemm(1)).singleThreaded();
            return new Float32Products(backend.floatProducts(threads, new FloatGemm(threads)),
                    single);
        }

        @Override
        public FloatProducts floatProducts(int threads, FloatProducts reference) {
            return backend.floatProducts(threads, reference);
        }

        @Override
        public String toString() {
            return backend.name() + " float32";
        }
    }
}
