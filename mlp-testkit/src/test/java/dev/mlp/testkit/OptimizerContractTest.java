package dev.mlp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.RangeUpdate;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Each optimizer check passes for a correct optimizer and fails for a broken one. */
class OptimizerContractTest {

    /** Momentum with snapshot and learning rate; {@code flaw} selects a deliberate bug. */
    static final class Rule implements Optimizer {
        final String flaw;
        double sharedVelocity; // used only by the "shared" flaw

        Rule(String flaw) {
            this.flaw = flaw;
        }

        @Override
        public String name() {
            return "rule";
        }

        @Override
        public OptimizerState start(ParameterLayout layout) {
            double[][] v = new double[layout.size()][];
            for (int b = 0; b < v.length; b++) {
                v[b] = new double[layout.block(b).size()];
            }
            if (flaw.startsWith("whole-only")) {
                return new State(v);
            }
            return new SplitState(v);
        }

        /** The state; its update is beginStep, one range per block, endStep. */
        class State implements OptimizerState {
            final double[][] v;
            double lr = 0.05;
            long steps;

            State(double[][] v) {
                this.v = v;
            }

            @Override
            public void update(double[][] p, double[][] g) {
                begin();
                for (int b = 0; b < p.length; b++) {
                    range(b, p[b], g[b], 0, p[b].length);
                }
                end();
            }

            void begin() {
            }

            void range(int b, double[] p, double[] g, int from, int to) {
                // the "from" flaw loops from 0 whatever the range: overlapping ranges
                for (int i = flaw.equals("from") ? 0 : from; i < to; i++) {
                    double step = flaw.equals("ascent") ? -lr * g[i] : lr * g[i];
                    v[b][i] = 0.5 * v[b][i] - step;
                    p[i] += v[b][i] + (flaw.equals("shared") ? 1e-3 * sharedVelocity : 0);
                    if (flaw.equals("gradients")) {
                        g[i] = 0;
                    }
                }
            }

            void end() {
                sharedVelocity += 1;
                steps++;
            }

            @Override
            public long steps() {
                return steps;
            }

            @Override
            public double learningRate() {
                return lr;
            }

            @Override
            public void learningRate(double rate) {
                if (!(rate > 0) || !Double.isFinite(rate)) {
                    throw new IllegalArgumentException("rate must be > 0, found " + rate);
                }
                if (!flaw.equals("rate")) {
                    lr = rate;
                }
            }

            @Override
            public void runFinished(double[][] p) {
                switch (flaw) {
                    case "end-nan" -> p[0][0] = Double.NaN;
                    case "end-drift" -> p[0][0] += ++ends; // another result each call
                    case "end-state" -> v[0][0] += 1; // changes what a snapshot holds
                    case "end-steps" -> steps++;
                    default -> p[0][0] += 0; // the no-op of an optimizer that keeps w
                }
            }

            int ends;

            @Override
            public OptimizerSnapshot snapshot() {
                if (flaw.equals("no-snapshot")) {
                    throw new UnsupportedOperationException("no snapshots");
                }
                return new OptimizerSnapshot("rule", steps, Map.of("v", Numbers.flatten(v),
                        "lr", new double[] {lr}));
            }

            @Override
            public void restore(OptimizerSnapshot s) {
                steps = s.steps();
                lr = s.value("lr")[0];
                if (!flaw.equals("restore")) {
                    double[] flat = s.value("v");
                    int at = 0;
                    for (double[] block : v) {
                        System.arraycopy(flat, at, block, 0, block.length);
                        at += block.length;
                    }
                }
            }
        }

        /** The same state, also split into ranges. */
        final class SplitState extends State implements RangeUpdate {
            SplitState(double[][] v) {
                super(v);
            }

            @Override
            public void beginStep() {
                begin();
            }

            @Override
            public void updateRange(int block, double[] p, double[] g, int from, int to) {
                range(block, p, g, from, to);
            }

            @Override
            public void endStep() {
                end();
            }
        }
    }

    static OptimizerProvider of(String flaw) {
        return Kit.provider(OptimizerProvider.class, "rule", () -> new Rule(flaw));
    }

    @Test
    void correctOptimizerPasses() {
        Kit.passes(PluginContracts.of(of("none")));
    }

    @Test
    void optimizerThatClimbsFails() {
        Kit.failure(PluginContracts.of(of("ascent")), OptimizerContract.DECREASE, true,
                "did not decrease");
    }

    @Test
    void optimizerThatClearsTheGradientsFails() {
        Kit.failure(PluginContracts.of(of("gradients")), OptimizerContract.GRADIENTS, true,
                "changed the gradient of block 0");
    }

    @Test
    void stateKeptInTheOptimizerFails() {
        Kit.failure(PluginContracts.of(of("shared")), OptimizerContract.RESTART, true,
                "second run differs");
        Kit.failure(PluginContracts.of(of("shared")), OptimizerContract.INTERLEAVED, true,
                "interleaved runs");
    }

    @Test
    void snapshotThatDoesNotRestoreFails() {
        Kit.failure(PluginContracts.of(of("restore")), OptimizerContract.SNAPSHOT,
                "after restoring the step-7 snapshot");
    }

    @Test
    void unsupportedSnapshotsFailUnlessAllowed() {
        Kit.failure(PluginContracts.of(of("no-snapshot")), OptimizerContract.SNAPSHOT,
                "allowUnsupportedSnapshots()");
        Kit.passes(PluginContracts.optimizer(of("no-snapshot")).allowUnsupportedSnapshots()
                .tests());
    }

    @Test
    void rangesThatOverlapFail() {
        Kit.failure(PluginContracts.of(of("from")), OptimizerContract.RANGES,
                "after the ranges", "after update");
    }

    @Test
    void statesWithoutRangesSkipTheRangeCheck() {
        Kit.passes(PluginContracts.of(of("whole-only")));
        List<String> skipped = new ArrayList<>();
        for (DynamicTest t : Kit.flatten(PluginContracts.of(of("whole-only")))) {
            if (t.getDisplayName().startsWith(OptimizerContract.RANGES)) {
                try {
                    t.getExecutable().execute();
                } catch (TestAbortedException e) {
                    skipped.add(e.getMessage());
                } catch (Throwable e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertEquals(1, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).contains("RangeUpdate"));
    }

    @Test
    void anEndOfRunThatWritesNonFiniteValuesDriftsOrChangesTheStateFails() {
        Kit.failure(PluginContracts.of(of("end-nan")), OptimizerContract.END, "wrote NaN");
        Kit.failure(PluginContracts.of(of("end-drift")), OptimizerContract.END,
                "other weights when called again");
        Kit.failure(PluginContracts.of(of("end-state")), OptimizerContract.END,
                "changed the state's snapshot");
        Kit.failure(PluginContracts.of(of("end-steps")), OptimizerContract.END,
                "changed steps() from 10 to 12");
    }

    @Test
    void learningRateThatIsIgnoredFails() {
        Kit.failure(PluginContracts.of(of("rate")), OptimizerContract.RATE, "learningRate() returns");
    }
}
