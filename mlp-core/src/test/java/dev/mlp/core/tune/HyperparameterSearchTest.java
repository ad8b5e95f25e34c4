package dev.mlp.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Metric;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {

    private static Function<Candidate, Supplier<Model>> models(double validation) {
        return c -> () -> {
            Mlp.Builder b = Mlp.builder().inputs(3)
                    .layer(Integer.parseInt(c.get("hidden")), "tanh").layer(3, "softmax")
                    .loss("cross-entropy").optimizer(c.get("optimizer")).inputScaler("z-score")
                    .epochs(15).seed(3).metrics("accuracy");
            if (validation > 0) {
                b.validationFraction(validation);
            }
            return b.build();
        };
    }

    private static final SearchSpace SPACE = SearchSpace.of(new java.util.LinkedHashMap<>(
            Map.of("hidden", "int(2,6)", "optimizer", "adam(lr=loguniform(1e-3,1e-1))")));

    @Test
    void candidatesAreRankedByTheirCrossValidatedScoreAndParallelismChangesNoBit() {
        Dataset d = CrossValidationTest.threeClasses();
        List<Candidate> cands = SPACE.random(6, 5);
        HyperparameterSearch search = HyperparameterSearch
                .crossValidated(CrossValidation.of(3, 1), "accuracy");
        SearchResult one = search.parallelism(1).run(cands, FoldData.of(d), models(0));
        SearchResult two = search.parallelism(2).run(cands, FoldData.of(d), models(0));
        assertEquals(one, two);
        for (int i = 1; i < one.ranked().size(); i++) {
            assertTrue(one.ranked().get(i - 1).score() >= one.ranked().get(i).score());
        }
        Scored best = one.best();
        CrossValidationResult again = CrossValidation.of(3, 1).run(FoldData.of(d),
                models(0).apply(best.candidate()));
        assertEquals(again.mean("accuracy"), best.score(), 0.0);
        assertEquals(again.std("accuracy"), best.std(), 0.0);
        String table = one.table(SPACE.searched());
        assertTrue(table.startsWith("rank  candidate  accuracy"), table);
        assertEquals(7, table.split("\n").length, table);
    }

    @Test
    void aValidationSplitScoresWhatTrainingReportsForTheKeptEpoch() {
        Dataset d = CrossValidationTest.threeClasses();
        List<Candidate> cands = SPACE.random(3, 5);
        SearchResult r = HyperparameterSearch.validationSplit("loss")
                .run(cands, FoldData.of(d), models(0.25));
        assertTrue(!r.higherIsBetter());
        Scored best = r.best();
        Model m = models(0.25).apply(best.candidate()).get();
        var result = m.fit(d);
        List<Double> v = result.metric("validation-loss");
        assertEquals(v.get(v.size() - 1), best.score(), 0.0);
        assertTrue(Double.isNaN(best.std()));
        for (int i = 1; i < 3; i++) {
            assertTrue(r.ranked().get(i - 1).score() <= r.ranked().get(i).score());
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HyperparameterSearch.validationSplit("accuracy")
                        .run(cands, FoldData.of(d), models(0))).getMessage()
                .contains("needs models with a validation fraction"));
    }

    @Test
    void aValidationSplitPreparesTheDataOnTheRowsTheModelTrainsOn() {
        Dataset d = CrossValidationTest.threeClasses();
        List<Candidate> cands = SPACE.random(2, 7);
        List<int[]> fitted = new java.util.concurrent.CopyOnWriteArrayList<>();
        FoldData recording = new FoldData() {
            @Override
            public dev.mlp.api.SampleInfo rows() {
                return d;
            }

            @Override
            public Fold prepare(int[] trainingRows, int[] testRows) {
                throw new AssertionError("a validation split prepares no folds");
            }

            @Override
            public Dataset all(int[] fitRows) {
                fitted.add(fitRows.clone());
                return d;
            }
        };
        java.util.function.BiFunction<Candidate, Dataset, Model> factory =
                (c, prepared) -> models(0.25).apply(c).get();
        SearchResult r = HyperparameterSearch.validationSplit("loss").parallelism(1)
                .run(cands, recording, factory);
        int[] training = dev.mlp.core.train.ValidationSplit.rows(d, 0.25,
                dev.mlp.core.train.Seeds.of(3).validation())[0];
        assertEquals(66, training.length); // 3 classes of 30 rows, round(7.5) = 8 held out of each
        long onTrainingRows = fitted.stream()
                .filter(f -> java.util.Arrays.equals(f, training)).count();
        assertEquals(cands.size(), onTrainingRows, "each candidate's run is prepared on the "
                + "rows its model trains on");
        // with data that needs no preparation the score is the one of a plain run
        for (Scored s : r.ranked()) {
            List<Double> v = models(0.25).apply(s.candidate()).get().fit(d)
                    .metric("validation-loss");
            assertEquals(v.get(v.size() - 1), s.score(), 0.0);
        }
    }

    @Test
    void theSplitsRowsAreTheRowsOfTheSplit() {
        Dataset d = CrossValidationTest.threeClasses();
        var split = dev.mlp.core.train.ValidationSplit.of(d, 0.3,
                dev.mlp.core.train.Seeds.of(5).validation());
        int[][] rows = dev.mlp.core.train.ValidationSplit.rows(d, 0.3,
                dev.mlp.core.train.Seeds.of(5).validation());
        org.junit.jupiter.api.Assertions.assertArrayEquals(split.trainingRows(), rows[0]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(split.validationRows(), rows[1]);
    }

    /** A metric that is not built in, lower is better: the share of rows misclassified. */
    private static final Metric ERROR_RATE = new Metric() {
        @Override
        public String name() {
            return "error-rate";
        }

        @Override
        public boolean higherIsBetter() {
            return false;
        }

        @Override
        public double compute(double[] predictions, double[] targets, double[] weights,
                              int rows, int outputs) {
            double wrong = 0;
            double total = 0;
            for (int r = 0; r < rows; r++) {
                int p = 0;
                int t = 0;
                for (int o = 1; o < outputs; o++) {
                    p = predictions[r * outputs + o] > predictions[r * outputs + p] ? o : p;
                    t = targets[r * outputs + o] > targets[r * outputs + t] ? o : t;
                }
                double w = weights == null ? 1 : weights[r];
                wrong += p == t ? 0 : w;
                total += w;
            }
            return wrong / total;
        }
    };

    @Test
    void aMetricThatIsNotBuiltInRanksInItsOwnDirection() {
        Dataset d = CrossValidationTest.threeClasses();
        List<Candidate> cands = SPACE.random(4, 5);
        Function<Candidate, Supplier<Model>> withErrorRate = c -> () -> Mlp.builder().inputs(3)
                .layer(Integer.parseInt(c.get("hidden")), "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer(c.get("optimizer")).inputScaler("z-score")
                .epochs(15).seed(3).metric(ERROR_RATE).build();
        SearchResult r = HyperparameterSearch.crossValidated(CrossValidation.of(3, 1),
                "error-rate").parallelism(1).run(cands, FoldData.of(d), withErrorRate);
        assertTrue(!r.higherIsBetter());
        for (int i = 1; i < r.ranked().size(); i++) {
            assertTrue(r.ranked().get(i - 1).score() <= r.ranked().get(i).score());
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HyperparameterSearch.crossValidated(CrossValidation.of(3, 1), "f1")
                        .run(cands, FoldData.of(d), models(0))).getMessage()
                .contains("do not compute the metric 'f1'"));
    }
}
