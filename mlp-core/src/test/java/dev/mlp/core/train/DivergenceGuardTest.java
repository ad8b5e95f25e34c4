package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.OptimizerState;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rollback returns the whole run state to the epoch's start and lowers the rate. */
class DivergenceGuardTest {

    private static RunState state(String optimizer) {
        Network net = new Network(2, List.of(
                new Network.LayerSpec(2, Mlp.standard().registry().activation("tanh"), true)));
        OptimizerState s = Mlp.standard().registry().optimizer(optimizer).start(net.layout());
        return new RunState(net, s, null, Seeds.of(5), 4);
    }

    private static TrainingDivergedException diverged() {
        return new TrainingDivergedException(3, 2, "the loss became NaN");
    }

    @Test
    void withoutRollbackTheDivergenceEndsTheRun() {
        DivergenceGuard guard = new DivergenceGuard(DivergencePolicy.STOP, state("sgd"), "sgd");
        guard.epochStarting();
        TrainingDivergedException e = diverged();
        assertSame(e, assertThrows(TrainingDivergedException.class, () -> guard.diverged(e)));
        assertEquals(0, guard.rollbacks());
    }

    @Test
    void rollbackRestoresTheEpochStartAndLowersTheRate() {
        RunState s = state("sgd(lr=0.2)");
        DivergenceGuard guard = new DivergenceGuard(DivergencePolicy.rollback(0.5, 2), s, "sgd");
        s.params[0][1] = 1.5;
        s.order[0] = 3;
        s.order[3] = 0;
        long[] random = s.random.state();
        guard.epochStarting();
        s.params[0][1] = Double.NaN;
        s.order[1] = 2;
        s.random.nextLong();
        s.optimizer.update(s.params, new double[][] {new double[4], new double[2]});
        guard.diverged(diverged());
        assertEquals(1.5, s.params[0][1]);
        assertArrayEquals(new int[] {3, 1, 2, 0}, s.order);
        assertArrayEquals(random, s.random.state());
        assertEquals(0, s.optimizer.steps());
        assertEquals(0.1, s.optimizer.learningRate(), 1e-15);
        assertEquals(1, guard.rollbacks());
        guard.epochStarting();
        guard.diverged(diverged());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> guard.diverged(diverged()));
        assertTrue(e.getMessage().contains("gave up after 2 rollbacks (rollback(factor=0.5, "
                + "retries=2))"), e.getMessage());
        assertEquals(0.05, s.optimizer.learningRate(), 1e-15);
    }

    @Test
    void rollbackNeedsALearningRateToLower() {
        Network net = new Network(1, List.of(
                new Network.LayerSpec(1, Mlp.standard().registry().activation("identity"),
                        false)));
        OptimizerState noRate = new OptimizerState() {
            @Override
            public void update(double[][] parameters, double[][] gradients) {
            }

            @Override
            public long steps() {
                return 0;
            }

            @Override
            public dev.mlp.api.OptimizerSnapshot snapshot() {
                return null;
            }

            @Override
            public void restore(dev.mlp.api.OptimizerSnapshot snapshot) {
            }
        };
        RunState s = new RunState(net, noRate, null, Seeds.of(1), 2);
        DivergenceGuard guard = new DivergenceGuard(DivergencePolicy.rollback(0.5, 3), s,
                "fixed");
        guard.epochStarting();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> guard.diverged(diverged()));
        assertTrue(e.getMessage().contains("cannot roll back: optimizer 'fixed' has no "
                + "learning rate to lower"), e.getMessage());
        assertEquals(0, guard.rollbacks());
    }
}
