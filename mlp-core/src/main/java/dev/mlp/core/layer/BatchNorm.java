package dev.mlp.core.layer;

import dev.mlp.api.Layer;

/**
 * Batch normalization (Ioffe and Szegedy, 2015): each column is centred and scaled by the
 * batch's mean and variance in training, by running estimates in inference, then multiplied by
 * a learned scale {@code gamma} and shifted by a learned {@code beta}:
 * {@code y = gamma · (x - mean) / sqrt(var + epsilon) + beta}.
 *
 * <p>Running estimates follow {@code running = momentum · running + (1 - momentum) · batch}
 * after each training batch (the variance with Bessel's correction, as PyTorch and ONNX do);
 * they start at mean 0 and variance 1. Parameters: {@code gamma} (starts at 1), {@code beta}
 * (starts at 0). State: running means, then running variances.
 */
final class BatchNorm implements Layer {

    static final String NAME = "batch-norm";

    private final double momentum;
    private final double epsilon;

    BatchNorm(double momentum, double epsilon) {
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    double momentum() {
        return momentum;
    }

    double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] parameterSizes(int width) {
        return new int[] {width, width};
    }

    @Override
    public void initialize(double[][] parameters, int width) {
        java.util.Arrays.fill(parameters[0], 1.0);
        java.util.Arrays.fill(parameters[1], 0.0);
    }

    @Override
    public int stateSize(int width) {
        return 2 * width;
    }

    @Override
    public void initializeState(double[] state, int width) {
        java.util.Arrays.fill(state, 0, width, 0.0);
        java.util.Arrays.fill(state, width, 2 * width, 1.0);
    }

    /** Normalized inputs, then one inverse deviation per column, then the mode (1 = training). */
    @Override
    public int scratchSize(int rows, int width) {
        return rows * width + width + 1;
    }

    @Override
    public boolean rowWise() {
        return false;
    }

    @Override
    public void forward(Forward p) {
        p.requireSizes(this);
        int rows = p.rows();
        int w = p.width();
        double[] x = p.input();
        double[] y = p.output();
        double[] gamma = p.parameters()[0];
        double[] beta = p.parameters()[1];
        double[] state = p.state();
        double[] s = p.scratch();
        int inv = rows * w;
        boolean batch = p.training() && rows > 0;
        s[inv + w] = batch ? 1.0 : 0.0;
        for (int c = 0; c < w; c++) {
            double mean;
            double var;
            if (batch) {
                double sum = 0.0;
                for (int r = 0; r < rows; r++) {
                    sum += x[r * w + c];
                }
                mean = sum / rows;
                double sq = 0.0;
                for (int r = 0; r < rows; r++) {
                    double d = x[r * w + c] - mean;
                    sq += d * d;
                }
                var = sq / rows;
                double unbiased = rows > 1 ? sq / (rows - 1) : var;
                state[c] = momentum * state[c] + (1 - momentum) * mean;
                state[w + c] = momentum * state[w + c] + (1 - momentum) * unbiased;
            } else {
                mean = state[c];
                var = state[w + c];
            }
            double is = 1.0 / Math.sqrt(var + epsilon);
            s[inv + c] = is;
            for (int r = 0; r < rows; r++) {
                int i = r * w + c;
                double h = (x[i] - mean) * is;
                s[i] = h;
                y[i] = gamma[c] * h + beta[c];
            }
        }
    }

    @Override
    public void backward(Backward p) {
        p.requireSizes(this);
        int rows = p.rows();
        int w = p.width();
        double[] dy = p.outputGradient();
        double[] dx = p.inputGradient();
        double[] gamma = p.parameters()[0];
        double[] dGamma = p.gradients()[0];
        double[] dBeta = p.gradients()[1];
        double[] s = p.scratch();
        int inv = rows * w;
        boolean batch = s[inv + w] == 1.0;
        for (int c = 0; c < w; c++) {
            double sumDy = 0.0;
            double sumDyH = 0.0;
            for (int r = 0; r < rows; r++) {
                int i = r * w + c;
                sumDy += dy[i];
                sumDyH += dy[i] * s[i];
            }
            dGamma[c] = p.scale() * sumDyH;
            dBeta[c] = p.scale() * sumDy;
            double g = gamma[c] * s[inv + c];
            for (int r = 0; r < rows; r++) {
                int i = r * w + c;
                dx[i] = batch ? g * (dy[i] - sumDy / rows - s[i] * sumDyH / rows) : g * dy[i];
            }
        }
    }
}
