package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.MultiLabel;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and predict on multi-label tables: 0/1 label columns, or one joined column. */
class MultiLabelCommandsTest {

    @TempDir
    Path dir;

    private Path columns;
    private Path joined;
    /** The labels of each row: a = x > 0, b = y > 0, c = colour is red. */
    private final List<int[]> truth = new ArrayList<>();

    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder cols = new StringBuilder("id,x,y,colour,a,b,c\n");
        StringBuilder tags = new StringBuilder("id,x,y,colour,tags\n");
        for (int i = 0; i < 120; i++) {
            double x = r.nextDouble(-1, 1);
            double y = r.nextDouble(-1, 1);
            boolean red = r.nextBoolean();
            int[] l = {x > 0 ? 1 : 0, y > 0 ? 1 : 0, red ? 1 : 0};
            truth.add(l);
            String row = String.format(Locale.ROOT, "r%d,%.3f,%.3f,%s", i, x, y,
                    red ? "red" : "blue");
            cols.append(row).append(',').append(l[0]).append(',').append(l[1]).append(',')
                    .append(l[2]).append('\n');
            List<String> t = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                if (l[j] == 1) {
                    t.add("abc".substring(j, j + 1));
                }
            }
            tags.append(row).append(',').append(String.join(";", t)).append('\n');
        }
        columns = Files.writeString(dir.resolve("columns.csv"), cols);
        joined = Files.writeString(dir.resolve("joined.csv"), tags);
    }

    private static double metric(String out, String name) {
        return Double.parseDouble(out.replaceAll("(?s).*\\n  " + name + "\\s+([0-9.]+).*",
                "$1"));
    }

    @Test
    void labelColumnsTrainPredictAndEvaluate() throws IOException {
        Path model = dir.resolve("m.mlp");
        Cli t = Cli.run("train", "--data", columns.toString(), "--targets", "a,b,c",
                "--features", "x,y,colour", "--epochs", "150", "--thresholds", "0.5,0.3,0.6",
                "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(t.out().contains("training-micro-f1"), t.out());
        ModelInfo info = ModelFile.read(model);
        assertEquals(MultiLabel.of("a", "b", "c").withThresholds(0.5, 0.3, 0.6),
                info.multiLabel());
        assertEquals(List.of("a", "b", "c"), info.metadata().targetNames());
        assertEquals("binary-cross-entropy", info.spec("loss"));

        Path out = dir.resolve("p.csv");
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", columns.toString(),
                "--keep", "id", "-o", out.toString());
        assertEquals(MlpCli.OK, p.code(), p.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,x,y,colour,a,b,c,p(a),p(b),p(c)", lines.get(0));
        assertEquals(121, lines.size());
        double[] thresholds = {0.5, 0.3, 0.6};
        int wrong = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 3; j++) {
                int decided = Integer.parseInt(f[4 + j]);
                double prob = Double.parseDouble(f[7 + j]);
                assertEquals(prob >= thresholds[j] ? 1 : 0, decided, lines.get(i));
                wrong += decided == truth.get(i - 1)[j] ? 0 : 1;
            }
        }

        Cli e = Cli.run("evaluate", "-m", model.toString(), "--data", columns.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("(120 rows, 3 labels)"), e.out());
        assertEquals(wrong / 360.0, metric(e.out(), "hamming-loss"), 1e-6, e.out());
        assertTrue(metric(e.out(), "micro-f1") > 0.9, e.out());
        assertTrue(e.out().matches("(?s).*\\n  b\\s+0\\.300\\s.*"), e.out());
    }

    @Test
    void trainingMetricsDecideAtTheGivenThresholds() throws IOException {
        Path model = dir.resolve("t.mlp");
        Cli t = Cli.run("train", "--data", columns.toString(), "--targets", "a,b,c",
                "--features", "x,y,colour", "--epochs", "8", "--thresholds", "0.2,0.8,0.35",
                "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        var saved = ModelFile.read(model).metadata().metrics();
        // evaluate decides at the model's thresholds on the rows it trained on: the training
        // metrics of the last epoch are the same values
        Cli e = Cli.run("evaluate", "-m", model.toString(), "--data", columns.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        for (String name : ModelOptions.MULTI_LABEL_METRICS) {
            assertEquals(metric(e.out(), name), saved.get("training-" + name), 1e-6,
                    name + "\n" + t.out() + e.out());
        }
        Cli half = Cli.run("evaluate", "-m", model.toString(), "--data", columns.toString(),
                "--thresholds", "0.5,0.5,0.5");
        assertEquals(MlpCli.OK, half.code(), half.err());
        assertTrue(Math.abs(metric(half.out(), "hamming-loss")
                - saved.get("training-hamming-loss")) > 1e-3, half.out() + t.out());
    }

    @Test
    void aJoinedLabelColumnTrainsWithValidationAndEvaluates() throws IOException {
        Path model = dir.resolve("j.mlp");
        Cli t = Cli.run("train", "--data", joined.toString(), "--target", "tags",
                "--label-separator", ";", "--features", "x,y,colour", "--epochs", "150",
                "--validation", "0.25", "--class-order", "sorted", "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(t.out().contains("validation-subset-accuracy"), t.out());
        ModelInfo info = ModelFile.read(model);
        assertEquals(List.of("a", "b", "c"), info.multiLabel().labels());
        assertEquals(";", info.multiLabel().separator());
        assertEquals(List.of("tags"), info.metadata().targetNames());

        Cli e = Cli.run("evaluate", "-m", model.toString(), "--data", joined.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(metric(e.out(), "subset-accuracy") > 0.8, e.out());
        // support is the number of rows with the label: hand-counted from the data
        int supportA = 0;
        for (int[] l : truth) {
            supportA += l[0];
        }
        assertTrue(e.out().matches("(?s).*\\n  a\\s+0\\.500(\\s+[0-9.]+){3}\\s+" + supportA
                + "\\n.*"), e.out());

        Path other = Files.writeString(dir.resolve("other.csv"),
                "id,x,y,colour,tags\nq,0.1,0.2,red,a;z\n");
        Cli bad = Cli.run("evaluate", "-m", model.toString(), "--data", other.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("data row 1, column 'tags': the label 'z' is not one of "
                + "the model's (a, b, c)"), bad.err());
        assertFalse(bad.err().contains("\tat "), bad.err());
    }

    private static void assertUnique(String header) {
        List<String> names = List.of(header.split(","));
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), header);
    }

    @Test
    void predictWritesEveryColumnOnceAndRefusesAKeptColumnNamedLikeAnOutput()
            throws IOException {
        Path model = dir.resolve("k.mlp");
        Cli t = Cli.run("train", "--data", columns.toString(), "--targets", "a,b,c",
                "--features", "x,y,colour", "--epochs", "5", "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        // a label column kept beside the decision of that label: two columns 'a'
        Path out = dir.resolve("k.csv");
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", columns.toString(),
                "--keep", "id,a", "-o", out.toString());
        assertEquals(2, p.code(), p.out());
        assertTrue(p.err().contains("--keep a: the predictions have a column 'a' of their own "
                + "(label 'a' decided at its threshold)"), p.err());
        assertFalse(p.err().contains("\tat "), p.err());
        assertFalse(Files.exists(out));
        p = Cli.run("predict", "-m", model.toString(), "--data", columns.toString(),
                "--keep", "p(b)");
        assertEquals(2, p.code(), p.out());
        assertTrue(p.err().contains("--keep p(b): the predictions have a column 'p(b)'"),
                p.err());
        // a column named twice, or a feature, is written once
        p = Cli.run("predict", "-m", model.toString(), "--data", columns.toString(),
                "--keep", "id,x,id", "-o", out.toString());
        assertEquals(MlpCli.OK, p.code(), p.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,x,y,colour,a,b,c,p(a),p(b),p(c)", lines.get(0));
        assertEquals(10, lines.get(1).split(",").length, lines.get(1));
        assertTrue(lines.get(1).startsWith("r0,"), lines.get(1));

        // the joined label column is not an output column: kept once
        Path j = dir.resolve("jk.mlp");
        t = Cli.run("train", "--data", joined.toString(), "--target", "tags",
                "--label-separator", ";", "--features", "x,y,colour", "--epochs", "5", "-o",
                j.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        p = Cli.run("predict", "-m", j.toString(), "--data", joined.toString(), "--keep",
                "id,tags");
        assertEquals(MlpCli.OK, p.code(), p.err());
        String header = p.out().lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("id,tags,x,y,colour,"), header);
        assertUnique(header);

        // a label with the name of a feature: refused, naming both
        Path clash = Files.writeString(dir.resolve("clash.csv"),
                "x,y,tags\n0.1,0.2,x\n-0.3,0.4,y\n0.5,-0.6,x;y\n-0.7,-0.8,\n");
        Path c = dir.resolve("clash.mlp");
        t = Cli.run("train", "--data", clash.toString(), "--target", "tags",
                "--label-separator", ";", "--epochs", "2", "-o", c.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        p = Cli.run("predict", "-m", c.toString(), "--data", clash.toString());
        assertEquals(2, p.code(), p.out());
        assertTrue(p.err().contains("the feature column 'x' has the name of an output column "
                + "(label 'x' decided at its threshold)"), p.err());
    }

    @Test
    void predictRefusesKeepingAColumnNamedLikeAClassifiersOutput() throws IOException {
        Path data = Files.writeString(dir.resolve("cls.csv"), "x,prediction,kind\n"
                + "0.1,yes,a\n0.9,no,b\n0.2,yes,a\n0.8,no,b\n");
        Path model = dir.resolve("cls.mlp");
        Cli t = Cli.run("train", "--data", data.toString(), "--target", "kind", "--features",
                "x", "--epochs", "2", "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", data.toString(),
                "--keep", "prediction");
        assertEquals(2, p.code(), p.out());
        assertTrue(p.err().contains("--keep prediction: the predictions have a column "
                + "'prediction' of their own (the predicted class)"), p.err());
        p = Cli.run("predict", "-m", model.toString(), "--data", data.toString(), "--keep",
                "kind");
        assertEquals(MlpCli.OK, p.code(), p.err());
        assertEquals("kind,x,prediction,p(a),p(b)", p.out().lines().findFirst().orElseThrow());
    }

    /** The line after the one starting with {@code heading}. */
    private static String lineAfter(String out, String heading) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith(heading)) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError("no line after '" + heading + "' in:\n" + out);
    }

    private static String meanLine(String out) {
        return out.lines().filter(l -> l.startsWith("mean ± std")).findFirst().orElseThrow();
    }

    @Test
    void cvScoresMultiLabelFoldsAtTheThresholds() {
        List<String> common = List.of("--features", "x,y,colour", "--epochs", "10",
                "--folds", "4", "--parallel", "2");
        List<String> byColumns = new ArrayList<>(List.of("cv", "--data", columns.toString(),
                "--targets", "a,b,c", "--thresholds", "0.2,0.8,0.35"));
        byColumns.addAll(common);
        Cli c = Cli.run(byColumns.toArray(new String[0]));
        assertEquals(MlpCli.OK, c.code(), c.err());
        assertTrue(c.out().startsWith("4-fold cross-validation of 4-16-3 on 120 rows of "),
                c.out());
        assertTrue(c.out().contains("subset-accuracy  hamming-loss     micro-f1         "
                + "macro-f1"), c.out());
        assertEquals(7, c.out().lines().count(), c.out()); // title, heading, 4 folds, mean
        // the same labels read from one joined column: the same table, the same bits
        List<String> byJoined = new ArrayList<>(List.of("cv", "--data", joined.toString(),
                "--target", "tags", "--label-separator", ";", "--class-order", "sorted",
                "--thresholds", "0.2,0.8,0.35"));
        byJoined.addAll(common);
        Cli j = Cli.run(byJoined.toArray(new String[0]));
        assertEquals(MlpCli.OK, j.code(), j.err());
        assertEquals(c.out().substring(c.out().indexOf('\n')),
                j.out().substring(j.out().indexOf('\n')));
        // the thresholds decide the scores
        List<String> atHalf = new ArrayList<>(byColumns);
        atHalf.set(atHalf.indexOf("0.2,0.8,0.35"), "0.5,0.5,0.5");
        Cli h = Cli.run(atHalf.toArray(new String[0]));
        assertEquals(MlpCli.OK, h.code(), h.err());
        assertFalse(meanLine(h.out()).equals(meanLine(c.out())), h.out() + c.out());

        Cli bad = Cli.run("cv", "--data", columns.toString(), "--targets", "a,b,c",
                "--metrics", "accuracy");
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.err().contains("--metrics: 'accuracy' needs one class per row; for "
                + "multi-label data use subset-accuracy, hamming-loss, micro-f1, macro-f1 or "
                + "loss"), bad.err());
        bad = Cli.run("cv", "--data", columns.toString(), "--targets", "a,b,c", "--task",
                "classification");
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.err().contains("--task does not apply to multi-label"), bad.err());
    }

    @Test
    void tuneSearchesMultiLabelModelsAndSavesTheBestWithItsLabels() throws IOException {
        Path best = dir.resolve("best.mlp");
        Cli t = Cli.run("tune", "--data", joined.toString(), "--target", "tags",
                "--label-separator", ";", "--class-order", "sorted", "--features",
                "x,y,colour", "--thresholds", "0.5,0.3,0.6", "--epochs", "20", "--layers",
                "choice(4|8)", "--search", "grid", "--folds", "3", "--train-best", "-o",
                best.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(t.out().contains("scored by 3-fold cross-validation micro-f1"), t.out());
        // the printed cv command reproduces the best score
        String best1 = t.out().lines().filter(l -> l.startsWith("best: ")).findFirst()
                .orElseThrow();
        String score = best1.replaceAll(".*micro-f1 ([0-9.]+ ± [0-9.]+).*", "$1");
        List<String> cv = TuneCommandTest.words(lineAfter(t.out(), "reproduce its score:"));
        assertTrue(cv.containsAll(List.of("--label-separator", ";", "--thresholds",
                "0.5,0.3,0.6")), cv.toString());
        Cli again = Cli.run(cv.toArray(new String[0]));
        assertEquals(MlpCli.OK, again.code(), again.err());
        assertTrue(meanLine(again.out()).contains(score), again.out() + "\n" + best1);
        // the best model keeps its labels, thresholds and separator
        ModelInfo info = ModelFile.read(best);
        assertEquals(MultiLabel.of("a", "b", "c").withThresholds(0.5, 0.3, 0.6)
                .withSeparator(";"), info.multiLabel());
        assertEquals(List.of("tags"), info.metadata().targetNames());

        // scored by a validation split: the score is the one the printed train reports
        Cli v = Cli.run("tune", "--data", columns.toString(), "--targets", "a,b,c",
                "--features", "x,y,colour", "--thresholds", "0.5,0.3,0.6", "--epochs", "20",
                "--layers", "choice(4|8)", "--search", "grid", "--validation", "0.25",
                "--metric", "hamming-loss");
        assertEquals(MlpCli.OK, v.code(), v.err());
        String shown = v.out().replaceAll("(?s).*best: candidate \\d+, "
                + "validation-hamming-loss ([0-9.]+).*", "$1");
        List<String> train = TuneCommandTest.words(lineAfter(v.out(), "train it"));
        train.set(train.indexOf("-o") + 1, dir.resolve("v.mlp").toString());
        Cli trained = Cli.run(train.toArray(new String[0]));
        assertEquals(MlpCli.OK, trained.code(), trained.err());
        assertTrue(trained.out().matches("(?s).*\\n  validation-hamming-loss\\s+" + shown
                + "\\n.*"), shown + "\n" + trained.out());
    }

    @Test
    void badMultiLabelInputIsAShortMessage() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,a,b\n1,0,1\n2,2,0\n3,1,1\n");
        Path o = dir.resolve("x.mlp");
        Cli c = Cli.run("train", "--data", bad.toString(), "--targets", "a,b", "-o",
                o.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("data row 2, column 'a': a label column holds 0 or 1, "
                + "found '2'"), c.err());
        c = Cli.run("train", "--data", columns.toString(), "--targets", "a,b,c", "--thresholds",
                "0.5,0.5", "-o", o.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("--thresholds: give one threshold per label (3: a, b, c), "
                + "found 2"), c.err());
        c = Cli.run("train", "--data", columns.toString(), "--targets", "a,b", "--target", "c",
                "-o", o.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("give --targets"), c.err());
        c = Cli.run("train", "--data", columns.toString(), "--targets", "a,nope", "-o",
                o.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("no column 'nope' for the labels"), c.err());
        assertFalse(c.err().contains("\tat "), c.err());
        assertArrayEquals(new int[] {1, 0, 1}, MultiLabel.of("a", "b", "c")
                .decide(new double[] {0.5, 0.49, 0.9}));
    }
}
