package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.Evaluation;
import dev.mlp.api.OptimizerState;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A checkpoint holds every part of a run's state, and a checkpoint of another run is refused. */
class CheckpointCodecTest {

    /** The parts of one run. */
    private static final class Parts {
        final RunState state;
        final RunHistory history;
        final DivergenceGuard guard;
        final EarlyStoppingTracker early;
        final CheckpointCodec codec;

        Parts(long seed) {
            Network net = new Network(2, List.of(
                    new Network.LayerSpec(2, Mlp.standard().registry().activation("tanh"), true)));
            OptimizerState s = Mlp.standard().registry().optimizer("adam").start(net.layout());
            state = new RunState(net, s, null, Seeds.of(seed), 5);
            history = new RunHistory(10, List.of(), false);
            guard = new DivergenceGuard(DivergencePolicy.rollback(0.5, 3), state, "adam");
            early = new EarlyStoppingTracker(new EarlyStopping("loss", 4, 0.0, true), false,
                    List.of());
            codec = new CheckpointCodec(seed, 10, state, history, guard, early);
        }
    }

    @Test
    void restoreGivesBackEveryPart() {
        Parts a = new Parts(7);
        a.state.params[0][2] = 0.75;
        a.state.order[0] = 4;
        a.state.order[4] = 0;
        a.state.random.nextLong();
        a.state.optimizer.update(a.state.params, new double[][] {{1, 2, 3, 4}, {5, 6}});
        for (int epoch = 1; epoch <= 2; epoch++) {
            a.history.addLoss(1.0 / epoch);
            a.early.epochFinished(epoch, new Evaluation(5, Map.of("loss", 1.0 / epoch), null),
                    null, a.state.params);
        }
        a.guard.restoreRollbacks(2);
        Checkpoint c = a.codec.encode(2);

        Parts b = new Parts(7);
        assertEquals(2, b.codec.restore(c));
        for (int i = 0; i < a.state.params.length; i++) {
            assertArrayEquals(a.state.params[i], b.state.params[i], 0.0);
        }
        assertArrayEquals(a.state.order, b.state.order);
        assertArrayEquals(a.state.random.state(), b.state.random.state());
        assertEquals(1, b.state.optimizer.steps());
        assertEquals(List.of(1.0, 0.5), b.history.losses());
        assertEquals(2, b.guard.rollbacks());
        assertArrayEquals(a.early.state(), b.early.state(), 0.0);
        assertArrayEquals(a.early.bestParameters()[0], b.early.bestParameters()[0], 0.0);
    }

    @Test
    void aCheckpointOfAnotherRunIsRefused() {
        Checkpoint c = new Parts(7).codec.encode(0);
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> new Parts(8).codec.restore(c));
        assertEquals("the checkpoint is of a run with seed 7, this trainer's seed is 8",
                seed.getMessage());
        Map<String, double[]> values = new HashMap<>(c.values());
        values.put("batch-order", new double[] {0, 1, 2, 3, 5});
        Checkpoint badOrder = new Checkpoint(c.seed(), c.epoch(), c.parameters(), c.optimizer(),
                c.schedule(), c.random(), values);
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new Parts(7).codec.restore(badOrder));
        assertEquals("checkpoint value 'batch-order' holds 5.0 at 4, not a sample index below 5",
                order.getMessage());
        values.remove("divergence/rollbacks");
        Checkpoint noRollbacks = new Checkpoint(c.seed(), c.epoch(), c.parameters(),
                c.optimizer(), c.schedule(), c.random(), new HashMap<>(values) {
                    {
                        put("batch-order", c.values().get("batch-order"));
                    }
                });
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new Parts(7).codec.restore(noRollbacks));
        assertEquals(true, missing.getMessage().startsWith(
                "the checkpoint has no value 'divergence/rollbacks'"), missing.getMessage());
    }
}
