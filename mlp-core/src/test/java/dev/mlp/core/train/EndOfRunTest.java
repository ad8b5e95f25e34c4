package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ElementwiseOptimizerState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.optimizers.ScheduleFreeAdamW;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The trainer's end-of-run call ({@link OptimizerState#runFinished(double[][])}): what a trained
 * model keeps, compared with the checkpoints the same run wrote at the end of its epochs.
 */
class EndOfRunTest {

    private static final String SCHEDULE_FREE = "schedule-free-adamw(lr=0.02, warmup=5)";
    private static final double[][][] DATA = TrainingControlsTest.blobs(45, 20);

    private static Mlp.Builder classifier(String optimizer, int epochs) {
        return Mlp.builder().inputs(2).layer(5, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer(optimizer)
                .batch("mini-batch(size=8, shuffle=true)").epochs(epochs).seed(17);
    }

    private static void assertSameBits(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int b = 0; b < expected.length; b++) {
            assertArrayEquals(expected[b], actual[b], 0.0, what + ", block " + b);
        }
    }

    private static boolean differ(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            if (!Arrays.equals(a[i], b[i])) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aScheduleFreeModelKeepsTheAverageOfItsLastSnapshot() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        Model model = classifier(SCHEDULE_FREE, 6).checkpoints(1, checkpoints::add).build();
        model.fit(DATA[0], DATA[1]);
        Checkpoint last = checkpoints.get(5);
        double[][] x = ScheduleFreeAdamW.averagedWeights(last.optimizer());
        double[][] kept = TrainingControlsTest.parameters(model);
        assertSameBits(x, kept, "the model's weights are x");
        // the checkpoint holds the training point y, which is not x
        assertTrue(differ(last.parameters(), kept), "y and x should differ after 6 epochs");
    }

    @Test
    void aResumedScheduleFreeRunEndsOnTheSameBits() {
        int epochs = 7;
        Supplier<Mlp.Builder> builder = () -> classifier(SCHEDULE_FREE, epochs);
        List<Checkpoint> full = new ArrayList<>();
        Model uninterrupted = builder.get().checkpoints(1, full::add).build();
        TrainingResult expected = uninterrupted.fit(DATA[0], DATA[1]);

        // stopped after epoch 3 (so that run ended on its own x), then resumed in a new model
        List<Checkpoint> interrupted = new ArrayList<>();
        TrainingListener stopAt3 = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                if (e.epoch() == 3) {
                    e.control().requestStop("interrupted");
                }
            }
        };
        builder.get().checkpoints(3, interrupted::add).listener(stopAt3).build()
                .fit(DATA[0], DATA[1]);
        assertEquals(1, interrupted.size());
        assertSameBits(full.get(2).parameters(), interrupted.get(0).parameters(),
                "the checkpoint of the interrupted run holds y, as the uninterrupted run's");
        for (Checkpoint c : List.of(interrupted.get(0), full.get(epochs - 1))) {
            Model resumed = builder.get().build();
            TrainingResult actual = resumed.resume(Dataset.of(DATA[0], DATA[1]), c);
            assertEquals(expected.history(), actual.history(), "resumed after " + c.epoch());
            assertSameBits(TrainingControlsTest.parameters(uninterrupted),
                    TrainingControlsTest.parameters(resumed), "resumed after " + c.epoch());
        }
        assertSameBits(ScheduleFreeAdamW.averagedWeights(full.get(epochs - 1).optimizer()),
                TrainingControlsTest.parameters(uninterrupted), "x of the last checkpoint");
    }

    @Test
    void earlyStoppingThatRestoresTheBestEpochKeepsThatEpochsTrainingPoint() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        Model model = classifier("schedule-free-adamw(lr=0.3, beta1=0.5)", 60).validationFraction(0.3)
                .earlyStopping("early-stopping(monitor=loss, patience=2, min-delta=0.05, restore-best=true)")
                .checkpoints(1, checkpoints::add).build();
        TrainingResult r = model.fit(DATA[0], DATA[1]);
        assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() < checkpoints.size(),
                "the run should stop after its best epoch: best " + r.bestEpoch() + " of "
                        + checkpoints.size());
        Checkpoint best = checkpoints.get(r.bestEpoch() - 1);
        assertSameBits(best.parameters(), TrainingControlsTest.parameters(model),
                "the best epoch's y, whose validation loss was the best");
    }

    @Test
    void anOptimizerWithoutTheMethodEndsOnTheWeightsOfItsLastStep() {
        // written as a third party would have before the end-of-run call existed
        Optimizer signSgd = new Optimizer() {
            @Override
            public String name() {
                return "sign-sgd";
            }

            @Override
            public OptimizerState start(ParameterLayout layout) {
                return new ElementwiseOptimizerState("sign-sgd", layout, 0.01) {
                    @Override
                    protected double step(int block, int i, double w, double g) {
                        return w - stepRate() * Math.signum(g);
                    }
                };
            }
        };
        for (Supplier<Mlp.Builder> b : List.<Supplier<Mlp.Builder>>of(
                () -> TrainingControlsTest.classifier(signSgd, 4),
                () -> classifier("adam(lr=0.03)", 4))) {
            List<Checkpoint> checkpoints = new ArrayList<>();
            Model model = b.get().checkpoints(1, checkpoints::add).build();
            model.fit(DATA[0], DATA[1]);
            assertSameBits(checkpoints.get(3).parameters(), TrainingControlsTest.parameters(model),
                    "the weights after the last step");
            assertFalse(checkpoints.get(3).optimizer().values().containsKey("x.0"));
        }
    }
}
