package dev.mlp.core.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.SampleInfo;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    /** Three classes of 30 rows in 3 features, on different scales. */
    static Dataset threeClasses() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 90;
        double[][] x = new double[n][3];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i][0] = 100 * c + 60 * r.nextGaussian();
            x[i][1] = 0.01 * c + 0.01 * r.nextGaussian();
            x[i][2] = r.nextGaussian();
            y[i][c] = 1;
        }
        return Dataset.of(x, y);
    }

    static Supplier<Model> models() {
        return () -> Mlp.builder().inputs(3).layer(8, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.02)").batch("mini-batch(size=16)")
                .inputScaler("z-score").epochs(30).seed(3).metrics("accuracy", "f1").build();
    }

    @Test
    void oneAndTwoParallelFoldsGiveTheSameBits() {
        Dataset d = threeClasses();
        CrossValidationResult one = CrossValidation.of(5, 9).parallelism(1)
                .run(FoldData.of(d), models());
        CrossValidationResult two = CrossValidation.of(5, 9).parallelism(2)
                .run(FoldData.of(d), models());
        for (String m : List.of("loss", "accuracy", "f1")) {
            assertArrayEquals(one.values(m), two.values(m), 0.0, m);
        }
        for (int f = 0; f < 5; f++) {
            assertEquals(one.folds().get(f).training().epochLosses(),
                    two.folds().get(f).training().epochLosses());
        }
        assertTrue(one.mean("accuracy") > 0.6, one.table(List.of("accuracy")));
    }

    @Test
    void eachFoldIsAFreshModelTrainedOnItsTrainingRowsOnly() {
        Dataset d = threeClasses();
        CrossValidationResult cv = CrossValidation.of(3, 4).run(FoldData.of(d), models());
        Folds folds = Folds.of(3, d, 4);
        for (int f = 0; f < 3; f++) {
            Model alone = models().get();
            alone.fit(d.subset(folds.trainingRows(f)));
            // the scaler of the fold's model saw its training rows, never its test rows
            assertEquals(alone.evaluate(d.subset(folds.testRows(f))).values(),
                    cv.folds().get(f).test().values());
            assertEquals(60, cv.folds().get(f).trainingRows());
        }
    }

    @Test
    void thePreparationStepIsFittedOnTheTrainingRowsAndAppliedToTheTestRows() {
        Dataset d = threeClasses();
        List<int[]> seenTraining = new ArrayList<>();
        List<int[]> seenTest = new ArrayList<>();
        FoldData centered = new FoldData() {
            @Override
            public SampleInfo rows() {
                return d;
            }

            @Override
            public Fold prepare(int[] trainingRows, int[] testRows) {
                synchronized (seenTraining) {
                    seenTraining.add(trainingRows);
                    seenTest.add(testRows);
                }
                Dataset train = d.subset(trainingRows);
                double mean = 0;
                for (int r = 0; r < train.rows(); r++) {
                    mean += train.features()[r * 3];
                }
                mean /= train.rows();
                return new Fold(shift(train, mean), shift(d.subset(testRows), mean));
            }

            @Override
            public Dataset all(int[] fitRows) {
                return d;
            }
        };
        CrossValidationResult r = CrossValidation.of(4, 1).run(centered, models());
        assertEquals(4, r.folds().size());
        assertEquals(4, seenTraining.size());
        for (int i = 0; i < 4; i++) {
            boolean[] train = new boolean[d.rows()];
            for (int row : seenTraining.get(i)) {
                train[row] = true;
            }
            for (int row : seenTest.get(i)) {
                assertTrue(!train[row], "test row " + row + " was given as a training row");
            }
            assertEquals(d.rows(), seenTraining.get(i).length + seenTest.get(i).length);
        }
    }

    /** The rows with {@code extra} more input columns, each a copy of the first. */
    static Dataset widen(Dataset d, int extra) {
        int in = d.inputs();
        double[] x = new double[d.rows() * (in + extra)];
        for (int r = 0; r < d.rows(); r++) {
            System.arraycopy(d.features(), r * in, x, r * (in + extra), in);
            for (int e = 0; e < extra; e++) {
                x[r * (in + extra) + in + e] = d.features()[r * in];
            }
        }
        return new Dataset(x, d.targets(), d.rows(), in + extra, d.outputs());
    }

    @Test
    void eachFoldGetsAModelForTheWidthItsPreparationGave() {
        Dataset d = threeClasses();
        // a preparation whose output width depends on the fold, as one-hot encoding does when a
        // fold's training rows lack a category: fold f gets f extra columns
        List<Integer> widths = new ArrayList<>();
        FoldData varying = new FoldData() {
            private int next;

            @Override
            public SampleInfo rows() {
                return d;
            }

            @Override
            public Fold prepare(int[] trainingRows, int[] testRows) {
                int extra = next++;
                return new Fold(widen(d.subset(trainingRows), extra),
                        widen(d.subset(testRows), extra));
            }

            @Override
            public Dataset all(int[] fitRows) {
                return d;
            }
        };
        CrossValidationResult r = CrossValidation.of(3, 4).run(varying, training -> {
            widths.add(training.inputs());
            return Mlp.builder().inputs(training.inputs()).layer(6, "tanh").layer(3, "softmax")
                    .loss("cross-entropy").inputScaler("z-score").epochs(5).seed(3)
                    .metrics("accuracy").build();
        });
        assertEquals(List.of(3, 4, 5), widths);
        assertEquals(3, r.folds().size());
        // with no extra columns the factory form gives the supplier form's bits
        CrossValidationResult plain = CrossValidation.of(3, 4).run(FoldData.of(d), models());
        CrossValidationResult viaFactory = CrossValidation.of(3, 4)
                .run(FoldData.of(d), training -> models().get());
        assertArrayEquals(plain.values("loss"), viaFactory.values("loss"), 0.0);
    }

    private static Dataset shift(Dataset d, double by) {
        double[] x = d.features().clone();
        for (int r = 0; r < d.rows(); r++) {
            x[r * 3] -= by;
        }
        return new Dataset(x, d.targets(), d.rows(), 3, 3);
    }

    @Test
    void theTableShowsEveryFoldAndTheMeanAndStd() {
        CrossValidationResult r = CrossValidation.of(3, 2).run(FoldData.of(threeClasses()),
                models());
        String table = r.table(List.of("accuracy"));
        String[] lines = table.split("\n");
        assertEquals(5, lines.length, table);
        assertTrue(lines[0].matches("fold +train +test +accuracy"), table);
        double[] acc = r.values("accuracy");
        assertTrue(lines[1].endsWith(String.format(java.util.Locale.ROOT, "%.4f", acc[0])),
                table);
        double mean = (acc[0] + acc[1] + acc[2]) / 3;
        double var = 0;
        for (double a : acc) {
            var += (a - mean) * (a - mean);
        }
        assertEquals(mean, r.mean("accuracy"), 1e-15);
        assertEquals(Math.sqrt(var / 3), r.std("accuracy"), 1e-15);
        assertTrue(lines[4].contains(String.format(java.util.Locale.ROOT, "%.4f ± %.4f",
                mean, Math.sqrt(var / 3))), table);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.values("r2"))
                .getMessage().contains("evaluated: loss, accuracy, f1"));
    }
}
