package dev.mlp.core.layer;

import dev.mlp.api.Layer;

/**
 * Inverted dropout as a layer: in training each value is zeroed with probability {@code p}
 * (one {@code nextDouble()} per value, row by row; dropped when the draw is below {@code p})
 * and the others are scaled by {@code 1/(1-p)}; inference passes values through unchanged.
 * The masks are those of a dense layer's own dropout option, so
 * {@code dense(64, relu) dropout(0.1)} trains bit for bit like
 * {@code .layer(64, "relu").dropout(0.1)}.
 */
final class DropoutLayer implements Layer {

    static final String NAME = "dropout";

    private final double rate;

    DropoutLayer(double rate) {
        this.rate = rate;
    }

    /** @return the probability of dropping a value */
    double rate() {
        return rate;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The mask of the last training pass. */
    @Override
    public int scratchSize(int rows, int width) {
        return rows * width;
    }

    @Override
    public boolean random() {
        return true;
    }

    @Override
    public void forward(Forward p) {
        p.requireSizes(this);
        int n = p.rows() * p.width();
        double[] x = p.input();
        double[] y = p.output();
        double[] mask = p.scratch();
        if (!p.training() || rate == 0.0) {
            System.arraycopy(x, 0, y, 0, n);
            java.util.Arrays.fill(mask, 0, n, 1.0);
            return;
        }
        double keep = 1.0 / (1.0 - rate);
        for (int i = 0; i < n; i++) {
            double m = p.random().nextDouble() < rate ? 0.0 : keep;
            mask[i] = m;
            y[i] = x[i] * m;
        }
    }

    @Override
    public void backward(Backward p) {
        p.requireSizes(this);
        int n = p.rows() * p.width();
        double[] mask = p.scratch();
        for (int i = 0; i < n; i++) {
            p.inputGradient()[i] = p.outputGradient()[i] * mask[i];
        }
    }
}
