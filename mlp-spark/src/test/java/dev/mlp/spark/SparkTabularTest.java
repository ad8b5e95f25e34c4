package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Model;
import dev.mlp.core.io.InputPreprocessing;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.data.ColumnType;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import dev.mlp.data.TablePreprocessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimator on raw columns: string columns and declared numeric codes are categorical,
 * missing cells (null, NaN, the missing markers) are imputed, the preprocessing is fitted as
 * {@code mlp train} fits it, travels with the fitted and the saved model, and a model file
 * written from it predicts what the model's transform does, bit for bit.
 */
class SparkTabularTest {

    private static final StructType SCHEMA = new StructType()
            .add("island", DataTypes.StringType)
            .add("bill", DataTypes.DoubleType)
            .add("flipper", DataTypes.IntegerType)
            .add("code", DataTypes.IntegerType)
            .add("label", DataTypes.DoubleType);
    private static final List<String> ISLANDS = List.of("Biscoe", "Dream", "Torgersen");

    /** Rows whose class follows the island and the bill, with missing cells of every kind. */
    private static List<Row> rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(3);
            String island = r.nextDouble() < 0.8 ? ISLANDS.get(c) : ISLANDS.get(r.nextInt(3));
            if (i % 17 == 3) {
                island = null;
            } else if (i % 23 == 5) {
                island = "NA";
            }
            Double bill = Math.round((c + 0.4 * r.nextGaussian()) * 10) / 10.0;
            if (i % 13 == 2) {
                bill = null;
            } else if (i % 19 == 7) {
                bill = Double.NaN;
            }
            int flipper = c + r.nextInt(2);
            int code = 1 + r.nextInt(3);
            out.add(RowFactory.create(island, bill, flipper, code, (double) c));
        }
        return out;
    }

    private static SparkMlp estimator() {
        return new SparkMlp().setInputCols("island", "bill", "flipper", "code")
                .setCategoricalCols("code").setLayers(6).setActivation("tanh")
                .setOptimizer("adam(lr=0.05)").setEpochs(60).setSeed(3);
    }

    @Test
    void rawColumnsAreEncodedAndImputedAsMlpTrainDoes() {
        List<Row> data = rows(300, 1);
        Dataset<Row> df = TestSpark.session().createDataFrame(data, SCHEMA).repartition(3);
        SparkMlpModel model = estimator().setMissingIndicators(true).fit(df);
        InputPreprocessing p = model.preprocessing();
        assertEquals(List.of("island", "bill", "flipper", "code"),
                p.columns().stream().map(InputPreprocessing.Column::name).toList());
        assertEquals(List.of(true, false, false, true),
                p.columns().stream().map(InputPreprocessing.Column::categorical).toList());
        // "NA" and null are missing, not a category
        assertEquals(ISLANDS, p.columns().get(0).state().categories());
        assertEquals(List.of("1", "2", "3"), p.columns().get(3).state().categories());
        // one-hot island (3) + indicator, bill + indicator, flipper, one-hot code (3)
        assertEquals(10, model.numFeatures());

        // the same preprocessing fitted locally, the way mlp train fits a CSV file's columns
        int n = data.size();
        double[] x = new double[n * 4];
        String[] island = new String[n];
        String[] code = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = data.get(i);
            String s = row.getString(0);
            island[i] = s == null || s.equals("NA") ? null : s;
            x[i * 4] = Double.NaN;
            x[i * 4 + 1] = row.isNullAt(1) ? Double.NaN : row.getDouble(1);
            x[i * 4 + 2] = row.getInt(2);
            x[i * 4 + 3] = Double.NaN;
            code[i] = Integer.toString(row.getInt(3));
        }
        RawTable raw = RawTable.of(DataTable.unlabeled("rows", x,
                List.of("island", "bill", "flipper", "code")), List.of(ColumnType.CATEGORICAL,
                ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.CATEGORICAL),
                Arrays.asList(island, null, null, code));
        InputPreprocessing local = TablePreprocessor.builder().indicators(true).build()
                .fit(raw).toStored();
        for (int j = 0; j < 4; j++) {
            InputPreprocessing.Column a = p.columns().get(j);
            InputPreprocessing.Column b = local.columns().get(j);
            assertEquals(b.encoder(), a.encoder(), b.name());
            assertEquals(b.state(), a.state(), b.name());
            assertEquals(b.imputation(), a.imputation(), b.name());
            assertEquals(b.fillCategory(), a.fillCategory(), b.name());
            assertEquals(b.indicator(), a.indicator(), b.name());
            // Spark sums the mean in its own order: the last bits may differ
            if (b.categorical()) {
                assertTrue(Double.isNaN(a.fill()), b.name());
            } else {
                assertEquals(b.fill(), a.fill(), 1e-12 * Math.abs(b.fill()), b.name());
            }
        }
        assertTrue(p.columns().get(1).indicator() && !p.columns().get(2).indicator());

        int right = 0;
        for (Row row : model.transform(df).select("label", "prediction").collectAsList()) {
            right += row.getDouble(0) == row.getDouble(1) ? 1 : 0;
        }
        assertTrue(right > 0.8 * n, right + " of " + n + " right");
    }

    @Test
    void theMedianAndConstantImputationsAreTheCommandLinesToo() {
        List<Row> data = rows(101, 2);
        Dataset<Row> df = TestSpark.session().createDataFrame(data, SCHEMA).repartition(2);
        SparkMlpModel model = estimator().setEpochs(1).setNumericImputation("median")
                .setCategoricalImputation("constant(Dream)").setEncoder("ordinal").fit(df);
        List<Double> bills = new ArrayList<>();
        for (Row r : data) {
            if (!r.isNullAt(1) && !Double.isNaN(r.getDouble(1))) {
                bills.add(r.getDouble(1));
            }
        }
        bills.sort(null);
        int m = bills.size() / 2;
        double median = bills.size() % 2 == 1 ? bills.get(m) : (bills.get(m - 1) + bills.get(m)) / 2;
        InputPreprocessing p = model.preprocessing();
        assertEquals(median, p.columns().get(1).fill());
        assertEquals("Dream", p.columns().get(0).fillCategory());
        assertEquals("ordinal(unseen=ignore)", p.columns().get(0).encoder());
        assertEquals(4, model.numFeatures());
    }

    @Test
    void aSavedModelFilePredictsWhatTransformGivesBitForBit(@TempDir Path dir) throws Exception {
        List<Row> data = rows(240, 3);
        Dataset<Row> df = TestSpark.session().createDataFrame(data, SCHEMA).repartition(2);
        SparkMlpModel model = estimator().fit(df);
        // new rows, one with an island training never saw
        List<Row> fresh = new ArrayList<>(rows(40, 4));
        fresh.set(5, RowFactory.create("Atlantis", 1.0, 1, 2, 1.0));
        Dataset<Row> test = TestSpark.session().createDataFrame(fresh, SCHEMA).coalesce(1);
        List<Row> scored = model.transform(test).select("probability").collectAsList();

        Path file = dir.resolve("penguins.mlp");
        model.saveModel(file);
        StringBuilder csv = new StringBuilder("island,bill,flipper,code,label\n");
        for (Row r : fresh) {
            csv.append(r.isNullAt(0) ? "" : r.getString(0)).append(',')
                    .append(r.isNullAt(1) ? "" : Double.toString(r.getDouble(1))).append(',')
                    .append(r.getInt(2)).append(',').append(r.getInt(3)).append(',')
                    .append(r.getDouble(4)).append('\n');
        }
        Path input = dir.resolve("new.csv");
        Files.writeString(input, csv);

        // what mlp predict does with a model file that stores preprocessing
        ModelInfo info = ModelFile.read(file);
        Model saved = ModelFile.toModel(info, dev.mlp.core.Mlp.standard());
        FittedPreprocessing prep = FittedPreprocessing.restore(info.metadata().preprocessing());
        assertEquals(List.of("island", "bill", "flipper", "code"),
                info.metadata().featureNames());
        CsvReader.Builder b = CsvReader.builder().features(info.metadata().featureNames())
                .noTarget();
        FittedPreprocessing.Encoded encoded = prep.apply(prep.configure(b).build()
                .readRaw(input));
        assertEquals(1, encoded.unseenTotal());
        double[][] expected = saved.predict(encoded.table().x());
        assertEquals(fresh.size(), expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], ((Vector) scored.get(i).get(0)).toArray(),
                    "row " + i);
        }

        // Spark ML persistence keeps the preprocessing
        String path = dir.resolve("spark-model").toString();
        model.write().save(path);
        SparkMlpModel loaded = SparkMlpModel.load(path);
        assertEquals(model.preprocessing(), loaded.preprocessing());
        List<Row> again = loaded.transform(test).select("probability").collectAsList();
        assertEquals(scored, again);
    }

    @Test
    void unseenCategoriesAreCountedPerColumnAndLoggedOnTheDriver() throws Exception {
        Dataset<Row> df = TestSpark.session().createDataFrame(rows(60, 5), SCHEMA);
        SparkMlpModel model = estimator().setEpochs(1).fit(df);
        assertEquals(java.util.Map.of(), model.unseenCategories());
        // 3 cells of island and 2 of code never seen in training, in two partitions
        Dataset<Row> odd = TestSpark.session().createDataFrame(List.of(
                RowFactory.create("Atlantis", 1.0, 1, 2, 1.0),
                RowFactory.create("Biscoe", 1.0, 1, 9, 1.0),
                RowFactory.create("Atlantis", 0.5, 2, 7, 0.0),
                RowFactory.create("Dream", 0.5, 2, 1, 0.0),
                RowFactory.create("Lemuria", 0.5, 2, 1, 0.0)), SCHEMA).repartition(2);
        var logger = (org.apache.logging.log4j.core.Logger) org.apache.logging.log4j.LogManager
                .getLogger(UnseenCategories.class);
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        var appender = new org.apache.logging.log4j.core.appender.AbstractAppender("captured",
                null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
            @Override
            public void append(org.apache.logging.log4j.core.LogEvent event) {
                warnings.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        logger.addAppender(appender);
        try {
            List<Row> scored = model.transform(odd).select("island", "code", "probability")
                    .collectAsList();
            assertEquals(5, scored.size());
            // every island, even one never seen, gives a probability vector
            for (Row r : scored) {
                assertEquals(1.0, Arrays.stream(((Vector) r.get(2)).toArray()).sum(), 1e-12);
            }
            // island and code are the categorical columns; bill and flipper are not counted
            assertEquals(java.util.Map.of("island", 3L, "code", 2L), model.unseenCategories());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (warnings.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20); // the listener bus delivers the stage's end after the job
            }
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("WARN SparkMlpModel.transform (stage "),
                    warnings.get(0));
            assertTrue(warnings.get(0).contains("2 cells in column 'code', 3 cells in column "
                    + "'island' held a category not seen in training, encoded neutrally (the "
                    + "encoder's unseen=ignore policy)"), warnings.get(0));
        } finally {
            logger.removeAppender(appender);
        }
        // a second action counts again; a dataset without unseen categories adds nothing
        model.transform(odd).select("prediction").collectAsList();
        model.transform(df).select("probability").collectAsList();
        assertEquals(java.util.Map.of("island", 6L, "code", 4L), model.unseenCategories());
    }

    @Test
    void unseenCategoriesFollowTheEncodersPolicyAndBadColumnsAreNamed() {
        Dataset<Row> df = TestSpark.session().createDataFrame(rows(60, 5), SCHEMA);
        SparkMlpModel strict = estimator().setEpochs(1).setEncoder("one-hot(unseen=error)")
                .fit(df);
        Dataset<Row> odd = TestSpark.session().createDataFrame(List.of(
                RowFactory.create("Atlantis", 1.0, 1, 2, 1.0)), SCHEMA);
        Exception e = assertThrows(Exception.class,
                () -> strict.transform(odd).collectAsList());
        Throwable cause = e;
        while (cause != null && !(cause instanceof IllegalArgumentException
                && String.valueOf(cause.getMessage()).contains("Atlantis"))) {
            cause = cause.getCause();
        }
        assertTrue(cause != null, "no message names the category: " + e);
        assertTrue(cause.getMessage().contains("column 'island': 'Atlantis' is a category not "
                + "seen in training (known: Biscoe, Dream, Torgersen)"), cause.getMessage());
        assertFalse(cause.getMessage().contains("row 1,"), cause.getMessage());

        var missing = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setInputCols("island", "beak").fit(df));
        assertTrue(missing.getMessage().startsWith("the input column 'beak' is not in the data"),
                missing.getMessage());
        var declared = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setInputCols("island").setCategoricalCols("code").fit(df));
        assertEquals("categoricalCols names 'code', which is not one of inputCols [island]",
                declared.getMessage());
        var imputation = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setCategoricalImputation("mean"));
        assertTrue(imputation.getMessage().contains("most-frequent or constant(v)"),
                imputation.getMessage());
        // the features vector path is unchanged: no preprocessing
        assertNull(new SparkMlpModel("m", new NetworkSpec(2, List.of(3), List.of("softmax"),
                "cross-entropy"), new NetworkSpec(2, List.of(3), List.of("softmax"),
                "cross-entropy").network(), java.util.Map.of(), 1, 1, List.of(), null)
                .preprocessing());
    }
}
