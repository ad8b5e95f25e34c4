package dev.mlp.core;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import dev.mlp.core.train.TrainingOptions;

/** Runs a model's network forward on many scaled rows, on the compute backend of its runs. */
final class Inference {

    /** Rows per forward pass: bounds the workspace of a prediction. */
    private static final int CHUNK = 1024;

    private Inference() {
    }

    /**
     * @param network the network
     * @param options the training options naming the backend and thread count
     * @param inputs scaled rows, row-major
     * @param rows number of rows
     * @return the outputs, row-major
     */
    static double[] forward(Network network, TrainingOptions options, double[] inputs,
                            int rows) {
        int chunk = Math.max(1, Math.min(rows, CHUNK));
        Workspace ws = new Workspace(network, chunk, products(options));
        int in = network.inputSize();
        int k = network.outputSize();
        double[] out = new double[rows * k];
        double[] part = new double[chunk * in];
        for (int from = 0; from < rows; from += chunk) {
            int n = Math.min(chunk, rows - from);
            System.arraycopy(inputs, from * in, part, 0, n * in);
            double[] a = network.forward(ws, part, n);
            System.arraycopy(a, 0, out, from * k, n * k);
        }
        return out;
    }

    /** @return the compute backend the options choose, or the default one */
    static ComputeBackend backend(TrainingOptions options) {
        ComputeBackend b = options.backend();
        return MatrixBackends.withPrecision(b != null ? b : MatrixBackends.standard(),
                options.precision());
    }

    /** @return the matrix products of that backend, on the options' thread count */
    static MatrixProducts products(TrainingOptions options) {
        int threads = options.threads();
        return MatrixBackends.engine(backend(options), threads > 0 ? threads
                : Gemm.defaultThreads());
    }
}
