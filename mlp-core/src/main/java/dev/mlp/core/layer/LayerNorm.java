package dev.mlp.core.layer;

import dev.mlp.api.Layer;

/**
 * Layer normalization (Ba, Kiros and Hinton, 2016): each row is centred and scaled by its own
 * mean and variance over its values, then multiplied by a learned per-column scale
 * {@code gamma} (starts at 1) and shifted by {@code beta} (starts at 0):
 * {@code y = gamma · (x - mean_row) / sqrt(var_row + epsilon) + beta}. Training and inference
 * are the same; there is no state.
 */
final class LayerNorm implements Layer {

    static final String NAME = "layer-norm";

    private final double epsilon;

    LayerNorm(double epsilon) {
        this.epsilon = epsilon;
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

    /** Normalized inputs, then one inverse deviation per row. */
    @Override
    public int scratchSize(int rows, int width) {
        return rows * width + rows;
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
        double[] s = p.scratch();
        int inv = rows * w;
        for (int r = 0; r < rows; r++) {
            int at = r * w;
            double sum = 0.0;
            for (int c = 0; c < w; c++) {
                sum += x[at + c];
            }
            double mean = sum / w;
            double sq = 0.0;
            for (int c = 0; c < w; c++) {
                double d = x[at + c] - mean;
                sq += d * d;
            }
            double is = 1.0 / Math.sqrt(sq / w + epsilon);
            s[inv + r] = is;
            for (int c = 0; c < w; c++) {
                double h = (x[at + c] - mean) * is;
                s[at + c] = h;
                y[at + c] = gamma[c] * h + beta[c];
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
        java.util.Arrays.fill(dGamma, 0.0);
        java.util.Arrays.fill(dBeta, 0.0);
        for (int r = 0; r < rows; r++) {
            int at = r * w;
            double sumG = 0.0;
            double sumGH = 0.0;
            for (int c = 0; c < w; c++) {
                double g = dy[at + c] * gamma[c];
                sumG += g;
                sumGH += g * s[at + c];
                dGamma[c] += dy[at + c] * s[at + c];
                dBeta[c] += dy[at + c];
            }
            double is = s[inv + r];
            for (int c = 0; c < w; c++) {
                double g = dy[at + c] * gamma[c];
                dx[at + c] = is * (g - sumG / w - s[at + c] * sumGH / w);
            }
        }
        for (int c = 0; c < w; c++) {
            dGamma[c] *= p.scale();
            dBeta[c] *= p.scale();
        }
    }
}
