package dev.mlp.optimizers;

import java.util.Arrays;

/**
 * The run state of {@link Rprop}: the step size ({@code step.<block>}) and the previous
 * gradient, zeroed after a sign change ({@code prev.<block>}), per parameter, and the step
 * count. There is no learning rate.
 */
final class RpropState extends ElementwiseState {

    private final double etaPlus;
    private final double etaMinus;
    private final double stepMin;
    private final double stepMax;
    private final double[][] step;
    private final double[][] previous;

    RpropState(double etaPlus, double etaMinus, double initialStep, double stepMin,
               double stepMax, int[] sizes) {
        super(Rprop.NAME, sizes, Double.NaN);
        this.etaPlus = etaPlus;
        this.etaMinus = etaMinus;
        this.stepMin = stepMin;
        this.stepMax = stepMax;
        this.step = perBlock("step");
        for (double[] s : step) {
            Arrays.fill(s, initialStep);
        }
        this.previous = perBlock("prev");
    }

    @Override
    public void learningRate(double rate) {
        throw new UnsupportedOperationException(name + " has no single learning rate: every "
                + "parameter adapts its own step size, so a schedule cannot drive it");
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double[] s = step[block];
        double[] p = previous[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double product = p[i] * gi;
            if (product > 0) {
                s[i] = Math.min(s[i] * etaPlus, stepMax);
            } else if (product < 0) {
                s[i] = Math.max(s[i] * etaMinus, stepMin);
                gi = 0.0;
            }
            if (gi != 0.0) { // true for NaN, whose g / |g| is NaN; so is infinity's
                w[i] -= gi / Math.abs(gi) * s[i];
            }
            p[i] = gi;
        }
    }
}
