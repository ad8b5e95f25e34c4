package dev.mlp.core.train;

import dev.mlp.api.Evaluation;
import dev.mlp.api.Metric;
import dev.mlp.core.metric.Metrics;
import java.util.List;

/**
 * The state machine of an {@link EarlyStopping} rule during one run: after each epoch it reads
 * the monitored metric, keeps the best value, its epoch and (with {@code restore-best}) a copy
 * of its parameters, and counts the epochs without improvement. When they reach the patience it
 * gives the reason to stop.
 *
 * <p>The first epoch whose value is not NaN is an improvement; after that a value improves when
 * it beats the best by more than {@code min-delta}, upwards for metrics where higher is better
 * and downwards otherwise.
 */
final class EarlyStoppingTracker {

    private final EarlyStopping rule;
    private final String set;
    private final String metric;
    private final boolean higherIsBetter;
    private double best = Double.NaN;
    private int bestEpoch;
    private int wait;
    private double[][] bestParameters;

    /**
     * @param rule the rule
     * @param validation whether the run has validation data
     * @param metrics the metrics the run computes besides the loss
     * @throws IllegalArgumentException if the monitored metric is not computed
     */
    EarlyStoppingTracker(EarlyStopping rule, boolean validation, List<Metric> metrics) {
        this.rule = rule;
        String[] r = rule.resolve(validation);
        set = r[0];
        metric = r[1];
        higherIsBetter = higherIsBetter(metric, metrics);
    }

    private boolean higherIsBetter(String name, List<Metric> metrics) {
        if (name.equals(Metrics.LOSS)) {
            return false;
        }
        for (Metric m : metrics) {
            if (m.name().equals(name)) {
                return m.higherIsBetter();
            }
        }
        throw new IllegalArgumentException("early stopping monitors '" + rule.monitor()
                + "', but metric '" + name + "' is not computed; add it to the metrics");
    }

    /**
     * Takes one epoch's result.
     *
     * @param epoch the 1-based epoch
     * @param training the epoch's training evaluation
     * @param validation the epoch's validation evaluation, or {@code null} without validation
     * @param parameters the parameters at the end of the epoch, copied if they are the best
     * @return why the run should stop, or {@code null} to go on
     */
    String epochFinished(int epoch, Evaluation training, Evaluation validation,
                         double[][] parameters) {
        Evaluation e = set.equals("validation") ? validation : training;
        double v = e.value(metric);
        boolean improved;
        if (bestEpoch == 0) {
            improved = !Double.isNaN(v);
        } else {
            improved = higherIsBetter ? v > best + rule.minDelta() : v < best - rule.minDelta();
        }
        if (improved) {
            best = v;
            bestEpoch = epoch;
            wait = 0;
            if (rule.restoreBest()) {
                keep(parameters);
            }
            return null;
        }
        wait++;
        if (wait < rule.patience()) {
            return null;
        }
        return "early stopping: " + set + "-" + metric + " did not improve by more than "
                + rule.minDelta() + " for " + wait + " epoch" + (wait == 1 ? "" : "s")
                + "; best " + best + " at epoch " + bestEpoch
                + (rule.restoreBest() ? " (its weights restored)" : "");
    }

    private void keep(double[][] parameters) {
        if (bestParameters == null) {
            bestParameters = new double[parameters.length][];
            for (int i = 0; i < parameters.length; i++) {
                bestParameters[i] = new double[parameters[i].length];
            }
        }
        for (int i = 0; i < parameters.length; i++) {
            System.arraycopy(parameters[i], 0, bestParameters[i], 0, parameters[i].length);
        }
    }

    /**
     * Ends the run: with {@code restore-best}, copies the best epoch's parameters back.
     *
     * @param parameters the live parameters
     */
    void runFinished(double[][] parameters) {
        if (rule.restoreBest() && bestParameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                System.arraycopy(bestParameters[i], 0, parameters[i], 0, parameters[i].length);
            }
        }
    }

    /** @return the best epoch so far, 0 before the first improvement */
    int bestEpoch() {
        return bestEpoch;
    }

    /** @return {@code {best value, best epoch, epochs without improvement}}, for checkpoints */
    double[] state() {
        return new double[] {best, bestEpoch, wait};
    }

    /** @return the best epoch's parameters (not a copy), or {@code null} if none are kept */
    double[][] bestParameters() {
        return bestParameters;
    }

    /**
     * Restores the state of a checkpoint.
     *
     * @param state the values of {@link #state()}
     * @param parameters the best epoch's parameters, or {@code null}; kept without copying
     */
    void restore(double[] state, double[][] parameters) {
        best = state[0];
        bestEpoch = (int) state[1];
        wait = (int) state[2];
        if (parameters != null) {
            bestParameters = parameters;
        }
    }
}
