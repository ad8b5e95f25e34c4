package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while saving leaves no damaged file, and the next save to the same place
 * removes the temporaries it left. {@code -Dmlp.killTrials=30} runs more trials.
 */
class KillTrialsTest {

    private static final int TRIALS = Integer.getInteger("mlp.killTrials", 3);

    @TempDir
    Path dir;

    @Test
    void killedModelSavesLeaveNothingAfterTheNextSave() throws Exception {
        KillTrials.Counts c = KillTrials.run("model", dir, TRIALS,
                System.getProperty("java.class.path"));
        System.out.println("kill -9 during model saves: " + c);
        assertEquals(0, c.damaged(), c.toString());
        assertEquals(0, c.temporariesAfterNextSave(), c.toString());
    }

    @Test
    void killedCheckpointSavesLeaveNothingAfterTheNextCheckpoint() throws Exception {
        KillTrials.Counts c = KillTrials.run("checkpoint", dir, TRIALS,
                System.getProperty("java.class.path"));
        System.out.println("kill -9 during checkpoint saves: " + c);
        assertEquals(0, c.damaged(), c.toString());
        assertEquals(0, c.temporariesAfterNextSave(), c.toString());
    }
}
