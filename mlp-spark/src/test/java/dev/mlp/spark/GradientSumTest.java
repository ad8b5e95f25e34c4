package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientSumTest {

    private static GradientSum leaf(int partitions, int p, double[] values) {
        GradientSum s = new GradientSum(partitions);
        GradientSum.Piece leaf = s.leaf(p);
        leaf.gradient = values.clone();
        leaf.loss = values[0];
        leaf.weight = p + 1;
        leaf.rows = p + 1;
        return s;
    }

    @Test
    void theTotalDoesNotDependOnTheOrderOfMerging() {
        Random random = new Random(5);
        for (int partitions : new int[] {1, 2, 3, 5, 7, 8, 13}) {
            double[][] values = new double[partitions][6];
            double[] naive = new double[6];
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < 6; i++) {
                    // magnitudes far apart, so that the order of additions shows in the bits
                    values[p][i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                    naive[i] += values[p][i];
                }
            }
            double[] first = null;
            for (int trial = 0; trial < 20; trial++) {
                List<GradientSum> parts = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    parts.add(leaf(partitions, p, values[p]));
                }
                Collections.shuffle(parts, random);
                // merge in random groups, as tasks of a tree aggregation would
                while (parts.size() > 1) {
                    int i = random.nextInt(parts.size() - 1);
                    GradientSum merged = parts.get(i).merge(parts.remove(i + 1));
                    parts.set(i, merged);
                }
                GradientSum.Piece total = parts.get(0).total();
                assertEquals((long) partitions * (partitions + 1) / 2, total.rows);
                if (first == null) {
                    first = total.gradient.clone();
                    assertArrayEquals(naive, first, 1e-9);
                } else {
                    assertArrayEquals(first, total.gradient, "partitions " + partitions);
                }
            }
        }
    }

    @Test
    void aMissingPartitionIsAnError() {
        GradientSum s = leaf(3, 0, new double[] {1}).merge(leaf(3, 2, new double[] {2}));
        var e = assertThrows(IllegalStateException.class, s::total);
        assertEquals("only 2 parts of the gradient arrived for 3 partitions", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientSum(2).leaf(2));
    }
}
