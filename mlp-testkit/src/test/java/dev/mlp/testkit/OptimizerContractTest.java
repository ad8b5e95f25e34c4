package dev.mlp.testkit;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
            return new OptimizerState() {
                double lr = 0.05;
                long steps;

                @Override
                public void update(double[][] p, double[][] g) {
                    for (int b = 0; b < p.length; b++) {
                        for (int i = 0; i < p[b].length; i++) {
                            double step = flaw.equals("ascent") ? -lr * g[b][i] : lr * g[b][i];
                            v[b][i] = 0.5 * v[b][i] - step;
                            p[b][i] += v[b][i] + (flaw.equals("shared") ? 1e-3 * sharedVelocity : 0);
                            if (flaw.equals("gradients")) {
                                g[b][i] = 0;
                            }
                        }
                    }
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
            };
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
    void learningRateThatIsIgnoredFails() {
        Kit.failure(PluginContracts.of(of("rate")), OptimizerContract.RATE, "learningRate() returns");
    }
}
