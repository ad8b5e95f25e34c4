package dev.mlp.core.layer;

import dev.mlp.api.Layer;

/**
 * Root-mean-square normalization (Zhang and Sennrich, 2019): each row is divided by the root of
 * its mean square and multiplied by a learned per-column scale {@code gamma} (starts at 1):
 * {@code y = gamma · x / sqrt(mean_row(x²) + epsilon)}. No centring, no shift, no state.
 */
final class RmsNorm implements Layer {

    static final String NAME = "rms-norm";

    private final double epsilon;

    RmsNorm(double epsilon) {
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
        return new int[] {width};
    }

    @Override
    public void initialize(double[][] parameters, int width) {
        java.util.Arrays.fill(parameters[0], 1.0);
    }

    /** One inverse root mean square per row. */
    @Override
    public int scratchSize(int rows, int width) {
        return rows;
    }

    @Override
    public void forward(Forward p) {
        p.requireSizes(this);
        int w = p.width();
        double[] x = p.input();
        double[] y = p.output();
        double[] gamma = p.parameters()[0];
        for (int r = 0; r < p.rows(); r++) {
            int at = r * w;
            double sq = 0.0;
            for (int c = 0; c < w; c++) {
                sq += x[at + c] * x[at + c];
            }
            double is = 1.0 / Math.sqrt(sq / w + epsilon);
            p.scratch()[r] = is;
            for (int c = 0; c < w; c++) {
                y[at + c] = gamma[c] * x[at + c] * is;
            }
        }
    }

    @Override
    public void backward(Backward p) {
        p.requireSizes(this);
        int w = p.width();
        double[] x = p.input();
        double[] dy = p.outputGradient();
        double[] dx = p.inputGradient();
        double[] gamma = p.parameters()[0];
        double[] dGamma = p.gradients()[0];
        java.util.Arrays.fill(dGamma, 0.0);
        for (int r = 0; r < p.rows(); r++) {
            int at = r * w;
            double is = p.scratch()[r];
            double dot = 0.0;
            for (int c = 0; c < w; c++) {
                double n = x[at + c] * is;
                double g = dy[at + c] * gamma[c];
                dot += g * n;
                dGamma[c] += dy[at + c] * n;
            }
            for (int c = 0; c < w; c++) {
                double g = dy[at + c] * gamma[c];
                dx[at + c] = is * (g - x[at + c] * is * dot / w);
            }
        }
        for (int c = 0; c < w; c++) {
            dGamma[c] *= p.scale();
        }
    }
}
