package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and predict on a table with text columns and missing cells. */
class TabularCommandsTest {

    @TempDir
    Path dir;

    private Path animals;

    /**
     * The class follows the habitat (a text column) and the weight; some cells are NA or
     * empty, and two rows have no class.
     */
    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("id,habitat,weight,colour,kind\n");
        String[] habitats = {"sea", "forest", "desert"};
        String[] kinds = {"fish", "deer", "camel"};
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            String weight = i % 17 == 5 ? "NA" : String.format(Locale.ROOT, "%.2f",
                    10 * c + r.nextGaussian());
            String habitat = i % 23 == 7 ? "" : habitats[c];
            String colour = r.nextBoolean() ? "grey" : "brown, light";
            String kind = i == 40 || i == 99 ? "NA" : kinds[c];
            sb.append("a").append(i).append(',').append(habitat).append(',').append(weight)
                    .append(",\"").append(colour).append("\",").append(kind).append('\n');
        }
        animals = Files.writeString(dir.resolve("animals.csv"), sb);
    }

    private Cli train(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data",
                animals.toString(), "--target", "kind", "--features", "habitat,weight,colour",
                "--layers", "8", "--epochs", "60", "-o", dir.resolve("m.mlp").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void textColumnsAndMissingCellsTrainWithoutPreparation() throws IOException {
        Cli t = train();
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(t.out().contains("2 rows without a target left out"), t.out());
        assertTrue(t.out().contains("categorical columns: habitat (3), colour (2), 6 inputs in "
                + "all"), t.out());
        assertTrue(t.out().contains("missing cells filled"), t.out());
        ModelInfo info = ModelFile.read(dir.resolve("m.mlp"));
        assertEquals(List.of("habitat", "weight", "colour"), info.metadata().featureNames());
        assertNotNull(info.metadata().preprocessing());
        assertEquals(6, info.inputs());

        Cli e = Cli.run("evaluate", "-m", dir.resolve("m.mlp").toString(), "--data",
                animals.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("(148 rows)"), e.out());
        double accuracy = Double.parseDouble(e.out().replaceAll("(?s).*accuracy\\s+([0-9.]+).*",
                "$1"));
        assertTrue(accuracy > 0.95, e.out());
        assertTrue(e.err().contains("2 rows of"), e.err());

        Cli i = Cli.run("inspect", dir.resolve("m.mlp").toString());
        assertEquals(MlpCli.OK, i.code(), i.err());
        assertTrue(i.out().matches("(?s).*column habitat: +one-hot\\(unseen=ignore\\) of 3 "
                + "categories \\(desert, forest, sea\\), missing -> .*"), i.out());
        assertTrue(i.out().matches("(?s).*column weight: +numeric, missing -> [0-9.]+ \\(mean\\).*"),
                i.out());
    }

    @Test
    void predictKeepsValuesAsWrittenAndCarriesColumns() throws IOException {
        assertEquals(MlpCli.OK, train("--quiet").code());
        Path fresh = Files.writeString(dir.resolve("new.csv"), """
                id,colour,weight,habitat
                x1,grey,  20.0 ,desert
                x2,"brown, light",NA,sea
                x3,grey,1,moon
                """);
        Path out = dir.resolve("p.csv");
        Cli p = Cli.run("predict", "-m", dir.resolve("m.mlp").toString(), "--data",
                fresh.toString(), "--keep", "id", "-o", out.toString());
        assertEquals(MlpCli.OK, p.code(), p.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals("id,habitat,weight,colour,prediction,p(fish),p(deer),p(camel)",
                rows.get(0));
        assertTrue(rows.get(1).startsWith("x1,desert,20.0,grey,camel,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("x2,sea,NA,\"brown, light\",fish,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("x3,moon,1,grey,"), rows.get(3));
        assertTrue(p.err().contains("1 cell held a category not seen in training, encoded as "
                + "unseen (habitat: 1)"), p.err());
    }

    @Test
    void unseenCategoriesCanBeRefused() throws IOException {
        assertEquals(MlpCli.OK, train("--quiet", "--encoder", "one-hot(unseen=error)").code());
        Path fresh = Files.writeString(dir.resolve("new.csv"),
                "habitat,weight,colour\nmoon,1,grey\n");
        Cli p = Cli.run("predict", "-m", dir.resolve("m.mlp").toString(), "--data",
                fresh.toString());
        assertEquals(MlpCli.BAD_INPUT, p.code());
        assertTrue(p.err().contains("row 2, column 'habitat': 'moon' is a category not seen in "
                + "training"), p.err());
    }

    @Test
    void optionsForEncodingImputationAndClassOrder() throws IOException {
        Cli t = train("--quiet", "--encoder", "ordinal", "--impute", "median",
                "--impute-categorical", "constant(none)", "--missing-indicator",
                "--class-order", "sorted");
        assertEquals(MlpCli.OK, t.code(), t.err());
        ModelInfo info = ModelFile.read(dir.resolve("m.mlp"));
        assertEquals(List.of("camel", "deer", "fish"), info.classNames());
        // habitat, its indicator, weight, its indicator, colour (no missing cell)
        assertEquals(5, info.inputs());
        var columns = info.metadata().preprocessing().columns();
        assertEquals("median", columns.get(1).imputation());
        assertEquals("none", columns.get(0).fillCategory());
    }

    @Test
    void strayWordsInANumericColumnAreBadInputWithWhatToDo() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"),
                "a,b,y\n1,2,x\n2,3,x\n3,unknown,y\n4,5,y\n5,6,x\n");
        Cli t = Cli.run("train", "--data", f.toString(), "--target", "y", "-o",
                dir.resolve("s.mlp").toString());
        assertEquals(MlpCli.BAD_INPUT, t.code());
        assertTrue(t.err().contains("row 4, column 'b': 'unknown' is not a number"), t.err());
        assertTrue(t.err().contains("--categorical b"), t.err());
        Cli ok = Cli.run("train", "--data", f.toString(), "--target", "y", "--epochs", "2",
                "--quiet", "--missing-values", "unknown", "-o", dir.resolve("s.mlp").toString());
        assertEquals(MlpCli.OK, ok.code(), ok.err());
        Cli bad = Cli.run("train", "--data", f.toString(), "--target", "y", "--encoder",
                "two-hot", "-o", dir.resolve("s.mlp").toString());
        assertEquals(MlpCli.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("unknown encoder 'two-hot'"), bad.err());
    }

    @Test
    void theServerTakesTheRawColumnsOfAModelWithPreprocessing() throws IOException {
        assertEquals(MlpCli.OK, train("--quiet").code());
        dev.mlp.cli.serve.ServedModel m = dev.mlp.cli.serve.ServedModel.load("m",
                dir.resolve("m.mlp"), dev.mlp.core.Mlp.standard());
        assertTrue(m.takesRawColumns());
        assertEquals(List.of("habitat", "weight", "colour"), m.featureNames());
        assertEquals(3, m.inputs());
    }

    @Test
    void exportSaysTheGraphTakesTheEncodedInputs() {
        assertEquals(MlpCli.OK, train("--quiet").code());
        Cli x = Cli.run("export", "-m", dir.resolve("m.mlp").toString(), "-o",
                dir.resolve("m.onnx").toString());
        assertEquals(MlpCli.OK, x.code(), x.err());
        assertTrue(x.err().contains("the ONNX graph takes the 6 encoded inputs [habitat=desert, "
                + "habitat=forest, habitat=sea, weight, colour=brown, light, colour=grey]"),
                x.err());
    }

    @Test
    void aValidationShareIsLeftOutOfThePreprocessingsFit() throws IOException {
        Cli t = train("--quiet", "--validation", "0.3", "--seed", "5");
        assertEquals(MlpCli.OK, t.code(), t.err());
        // the mean that fills a missing weight, as the model file keeps it
        Cli i = Cli.run("inspect", dir.resolve("m.mlp").toString());
        String stored = i.out().replaceAll("(?s).*column weight: +numeric, missing -> ([-0-9.eE]+)"
                + " \\(mean\\).*", "$1");
        // the same mean worked out here: over the weights of the rows the model trains on
        dev.mlp.data.RawTable raw = dev.mlp.data.CsvReader.builder().classTarget("kind")
                .features("habitat", "weight", "colour").build().readRaw(animals);
        dev.mlp.data.TablePreprocessor p = dev.mlp.data.TablePreprocessor.builder()
                .registry(dev.mlp.core.Mlp.standard().registry()).build();
        dev.mlp.core.Dataset every = p.fit(raw).apply(raw).table().toDataset();
        int[] training = dev.mlp.core.train.ValidationSplit.rows(every, 0.3,
                dev.mlp.core.train.Seeds.of(5).validation())[0];
        double sum = 0;
        int n = 0;
        for (int r : training) {
            double w = raw.number(1, r);
            if (!Double.isNaN(w)) {
                sum += w;
                n++;
            }
        }
        double allSum = 0;
        int all = 0;
        for (int r = 0; r < raw.rows(); r++) {
            if (!Double.isNaN(raw.number(1, r))) {
                allSum += raw.number(1, r);
                all++;
            }
        }
        double expected = sum / n;
        assertEquals(expected, Double.parseDouble(stored), 1e-6 * Math.abs(expected), i.out());
        assertTrue(Math.abs(allSum / all - expected) > 1e-3, "the test needs the two means apart");
    }

    @Test
    void cvAndTuneTakeTextColumnsAndMissingCells() {
        Cli cv = Cli.run("cv", "--data", animals.toString(), "--target", "kind", "--features",
                "habitat,weight,colour", "--missing-values", "NA", "--layers", "8", "--epochs",
                "30", "--folds", "3", "--seed", "2");
        assertEquals(MlpCli.OK, cv.code(), cv.err());
        assertTrue(cv.out().startsWith("3-fold cross-validation of 6-8-3 on 148 rows"),
                cv.out());
        double mean = Double.parseDouble(cv.out().replaceAll(
                "(?s).*mean ± std +([0-9.]+) ±.*", "$1"));
        assertTrue(mean > 0.9, cv.out());

        Cli tune = Cli.run("tune", "--data", animals.toString(), "--target", "kind",
                "--features", "habitat,weight,colour", "--missing-values", "NA", "--layers",
                "choice(4|8)", "--epochs", "30", "--folds", "3", "--search", "grid",
                "--seed", "2");
        assertEquals(MlpCli.OK, tune.code(), tune.err());
        assertTrue(tune.out().contains("grid search: 2 candidates on 148 rows"), tune.out());
        // the printed commands carry the table options, so they read the table the same way
        String reproduce = tune.out().replaceAll("(?s).*reproduce its score:\n  (mlp cv [^\n]*)"
                + "\n.*", "$1");
        assertTrue(reproduce.contains("--missing-values NA"), reproduce);
        String best = tune.out().replaceAll("(?s).*best: candidate \\d+, accuracy ([0-9.]+) ±.*",
                "$1");
        java.util.List<String> again = new java.util.ArrayList<>(java.util.List.of(
                reproduce.substring("mlp ".length()).replace("'", "").split(" ")));
        Cli rerun = Cli.run(again.toArray(new String[0]));
        assertEquals(MlpCli.OK, rerun.code(), rerun.err());
        assertTrue(rerun.out().matches("(?s).*mean ± std +" + java.util.regex.Pattern.quote(best)
                + " ±.*"), rerun.out() + "\nvs " + best);
    }

    @Test
    void aNumericTableWritesNoPreprocessing() throws IOException {
        Path f = Files.writeString(dir.resolve("n.csv"), "a,b,y\n1,2,x\n2,3,x\n3,4,y\n4,5,y\n");
        Cli t = Cli.run("train", "--data", f.toString(), "--target", "y", "--epochs", "2",
                "--quiet", "-o", dir.resolve("n.mlp").toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertNull(ModelFile.read(dir.resolve("n.mlp")).metadata().preprocessing());
    }
}
