package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import org.junit.jupiter.api.Test;

/** Threads sized to a run's batches, and the same bits whatever the count. */
class WorkSizedThreadsTest {

    @Test
    void smallBatchesGetOneThreadAndLargeOnesUpToTheMost() {
        // digits, 64-64-10 in batches of 64: 0.9 million multiply-adds per batch
        assertEquals(1, WorkSizedThreads.forBatch(2, 64 * 64 + 64 * 10, 64));
        // one sample at a time, whatever the network
        assertEquals(1, WorkSizedThreads.forBatch(8, 784 * 256 + 256 * 128 + 128 * 10, 1));
        // Fashion-MNIST's 784-256-128-10 in batches of 128: 90 million
        assertEquals(2, WorkSizedThreads.forBatch(2, 784 * 256 + 256 * 128 + 128 * 10, 128));
        assertEquals(15, WorkSizedThreads.forBatch(64, 784 * 256 + 256 * 128 + 128 * 10, 128));
        assertEquals(1, WorkSizedThreads.forBatch(4, 1_000_000, 3));
        assertEquals(2, WorkSizedThreads.forBatch(4, 1_000_000, 4));
        assertEquals(1, WorkSizedThreads.forBatch(1, 1_000_000, 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkSizedThreads.forBatch(0, 10, 10));
        assertEquals("thread count must be >= 1, found 0", e.getMessage());
    }

    @Test
    void aNetworkLargeEnoughForThreadsTrainsToTheSameBitsOnOneOrThree() {
        int inputs = 64;
        int hidden = 256;
        int rows = 256;
        // 3 x 256 x (64 x 256 + 256) = 12.8 million multiply-adds per batch: 2 threads of 3
        assertEquals(2, WorkSizedThreads.forBatch(3, inputs * hidden + hidden, rows));
        double[][] x = new double[2 * rows][inputs];
        double[][] y = new double[2 * rows][1];
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < inputs; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = Math.tanh(x[i][0] - x[i][1]);
        }
        double[][] one = train(x, y, hidden, rows, 1);
        double[][] three = train(x, y, hidden, rows, 3);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], three[i], 0.0, "parameter block " + i);
        }
    }

    private static double[][] train(double[][] x, double[][] y, int hidden, int rows,
                                    int threads) {
        Model m = Mlp.builder().inputs(x[0].length).layer(hidden, "relu").layer(1, "identity")
                .loss("mse").optimizer("adam(lr=0.01)")
                .batch("mini-batch(size=" + rows + ", shuffle=true)").epochs(3).seed(7)
                .backend("java").threads(threads).build();
        m.fit(x, y);
        return m.network().parameters();
    }
}
