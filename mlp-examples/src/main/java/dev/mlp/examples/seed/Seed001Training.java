package dev.mlp.examples.seed;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;

/**
 * Seed 001, the training loop: the 2-3-1 sigmoid network from its initial weights, inputs and
 * targets min-max scaled to {@code [0, 1]}, stochastic gradient descent on the half squared
 * error, one sample at a time in table order, until the mean loss stops improving; then
 * predictions in the original units (grade points).
 *
 * <p>The seed describes the loop but runs no numbers through it; it does not give a learning
 * rate, so this example uses {@code η = 2}.
 */
public final class Seed001Training implements Example {

    static final double RATE = 2.0;
    static final int MAX_EPOCHS = 20000;
    static final double TARGET_LOSS = 1e-5;

    @Override
    public String name() {
        return "seed001-training";
    }

    @Override
    public String title() {
        return "seed 001: training the 2-3-1 sigmoid network on the grades table to convergence";
    }

    @Override
    public void run(Report r) {
        Model model = Seed001Data.network()
                .inputScaler("min-max")
                .targetScaler("min-max")
                .optimizer("sgd(lr=" + RATE + ")")
                .batch("stochastic(shuffle=false)")
                .epochs(MAX_EPOCHS)
                .listener(new Converged(TARGET_LOSS))
                .build();
        TrainingResult result = model.fit(Seed001Data.INPUTS, Seed001Data.TARGETS);
        r.section("training: eta = " + RATE + ", stop when the mean loss falls below "
                + TARGET_LOSS + " (at most " + MAX_EPOCHS + " epochs)");
        r.value("mean loss, epoch 1 (scaled units)", result.epochLosses().get(0));
        r.value("epochs run", result.epochs());
        r.value("mean loss, last epoch (scaled units)", result.finalLoss());
        r.note("stopped: " + (result.stopReason() == null ? "epoch limit" : result.stopReason()));
        r.section("predictions in grade points");
        double[][] p = model.predict(Seed001Data.INPUTS);
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            double[] in = Seed001Data.INPUTS[i];
            r.value("student (" + (int) in[0] + ", " + (int) in[1] + "), target "
                    + (int) Seed001Data.TARGETS[i][0], p[i][0]);
            worst = Math.max(worst, Math.abs(p[i][0] - Seed001Data.TARGETS[i][0]));
        }
        r.value("largest error in grade points", worst);
        r.value("prediction for a new student (60, 90)", model.predict(new double[] {60, 90})[0]);
    }

    /** Stops a run when the epoch loss falls below a target. */
    static final class Converged implements TrainingListener {
        private final double target;

        Converged(double target) {
            this.target = target;
        }

        @Override
        public void epochFinished(EpochEnd e) {
            if (e.loss() < target) {
                e.control().requestStop("mean loss below " + target + " at epoch " + e.epoch());
            }
        }
    }
}
