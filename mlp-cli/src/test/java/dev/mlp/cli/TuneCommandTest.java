package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlp cv, mlp tune and --class-weight end to end, in-process. */
class TuneCommandTest {

    @TempDir
    Path dir;

    private Path blobs;

    /** Three overlapping classes in two features, the third rare. */
    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        String[] names = {"red", "green", "blue"};
        double[][] centres = {{0, 0}, {2, 0}, {0, 2}};
        for (int i = 0; i < 100; i++) {
            int c = i % 5 == 4 ? 2 : i % 2;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n",
                    centres[c][0] + r.nextGaussian(), centres[c][1] + r.nextGaussian(),
                    names[c]));
        }
        blobs = Files.writeString(dir.resolve("blobs.csv"), sb);
    }

    private Cli run(String command, String... extra) {
        List<String> more = new ArrayList<>(List.of("--target", "kind", "--epochs", "15"));
        more.addAll(List.of(extra));
        return plain(command, more.toArray(new String[0]));
    }

    /** Runs a command on the data with only the given options. */
    private Cli plain(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--data", blobs.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    /** Splits a printed command as a POSIX shell would (single quotes only). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'((?:[^']|'\\\\'')*)'|(\\S+)").matcher(line.strip());
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).replace("'\\''", "'") : m.group(2));
        }
        assertEquals("mlp", out.remove(0));
        return out;
    }

    private static String lineAfter(String out, String heading) {
        String[] lines = out.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith(heading)) {
                return lines[i + 1];
            }
        }
        throw new AssertionError("no line after '" + heading + "' in:\n" + out);
    }

    @Test
    void cvPrintsEveryFoldAndTheMeanAndTheSameBitsOnOneOrTwoCores() {
        Cli one = run("cv", "--folds", "4", "--parallel", "1", "--metrics", "loss,accuracy");
        assertEquals(MlpCli.OK, one.code(), one.err());
        String[] lines = one.out().split("\\R");
        assertTrue(lines[0].startsWith("4-fold cross-validation of 2-16-3 on 100 rows of "),
                one.out());
        assertTrue(lines[1].matches("fold +train +test +loss +accuracy"), one.out());
        assertTrue(lines[2].matches("1 +75 +25 +[0-9.]+ +[0-9.]+"), one.out());
        assertTrue(lines[6].matches("mean ± std +[0-9.]+ ± [0-9.]+ +[0-9.]+ ± [0-9.]+"),
                one.out());
        Cli two = run("cv", "--folds", "4", "--parallel", "2", "--metrics", "loss,accuracy");
        assertEquals(one.out().substring(one.out().indexOf('\n')),
                two.out().substring(two.out().indexOf('\n')));
    }

    @Test
    void classWeightsChangeTrainingAndBadOnesAreRefused() throws IOException {
        Cli plain = run("cv", "--folds", "3");
        Cli balanced = run("cv", "--folds", "3", "--class-weight", "balanced");
        Cli explicit = run("cv", "--folds", "3", "--class-weight", "blue=3, red=1");
        assertEquals(MlpCli.OK, balanced.code(), balanced.err());
        assertEquals(MlpCli.OK, explicit.code(), explicit.err());
        String body = plain.out().substring(plain.out().indexOf('\n'));
        assertTrue(!body.equals(balanced.out().substring(balanced.out().indexOf('\n'))));
        assertTrue(!body.equals(explicit.out().substring(explicit.out().indexOf('\n'))));

        Cli t = run("train", "--class-weight", "balanced", "-o", dir.resolve("m.mlp")
                .toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Cli inspect = Cli.run("inspect", dir.resolve("m.mlp").toString());
        assertTrue(inspect.out().contains("balanced"), inspect.out());

        Cli unknown = run("train", "--class-weight", "purple=2", "-o", dir.resolve("n.mlp")
                .toString());
        assertEquals(MlpCli.BAD_INPUT, unknown.code());
        assertEquals("mlp train: --class-weight: class weights name class 'purple', which is "
                + "not a class of the data; its classes are red, green, blue",
                unknown.err().strip());
        Cli malformed = run("cv", "--class-weight", "blue");
        assertEquals(MlpCli.BAD_INPUT, malformed.code());
        assertTrue(malformed.err().startsWith("mlp cv: --class-weight: class weights must be "
                + "'balanced' or 'class=weight, ...'"), malformed.err());
        Cli regression = plain("cv", "--task", "regression", "--target", "x2", "--features",
                "x1", "--class-weight", "balanced");
        assertEquals(MlpCli.BAD_INPUT, regression.code(), regression.out());
        assertTrue(regression.err().contains("it needs --task classification"),
                regression.err());
        Cli noWeights = run("cv", "--weighted-metrics");
        assertEquals(MlpCli.BAD_INPUT, noWeights.code());
        assertTrue(noWeights.err().contains("give --class-weight too"), noWeights.err());
    }

    @Test
    void badCrossValidationOptionsAreRefused() {
        Cli one = run("cv", "--folds", "1");
        assertEquals(MlpCli.BAD_INPUT, one.code());
        assertEquals("mlp cv: --folds must be at least 2, found 1; 5 or 10 are usual",
                one.err().strip());
        Cli many = run("cv", "--folds", "101");
        assertEquals(MlpCli.BAD_INPUT, many.code());
        assertTrue(many.err().contains("--folds 101 needs at least 101 rows"), many.err());
        Cli metric = run("cv", "--metrics", "acuracy");
        assertEquals(MlpCli.BAD_INPUT, metric.code());
        assertTrue(metric.err().startsWith("mlp cv: --metrics: "), metric.err());
    }

    @Test
    void theBestCandidateOfAValidationSplitSearchReproducesWithThePrintedTrainCommand()
            throws IOException {
        Path model = dir.resolve("best.mlp");
        Cli tune = run("tune", "--layers", "choice(4|8,8)",
                "--optimizer", "adam(lr=loguniform(1e-3,1e-1))", "--candidates", "6",
                "--seed", "3", "--validation", "0.25", "--train-best", "-o", model.toString());
        assertEquals(MlpCli.OK, tune.code(), tune.err());
        String out = tune.out();
        assertTrue(out.startsWith("random search: 6 candidates on 100 rows"), out);
        assertTrue(out.contains("rank  candidate  accuracy  --layers  --optimizer"), out);
        Matcher best = Pattern.compile("best: candidate \\d+, validation-accuracy (\\S+)")
                .matcher(out);
        assertTrue(best.find(), out);
        String score = best.group(1);
        String command = lineAfter(out, "train it");
        assertTrue(command.contains(" --seed 3 --validation 0.25 -o " + model), command);
        assertTrue(Files.size(model) > 0, "--train-best saved the model");
        Files.delete(model);

        Cli train = Cli.run(words(command).toArray(new String[0]));
        assertEquals(MlpCli.OK, train.code(), train.err());
        Matcher reported = Pattern.compile("validation-accuracy +(\\S+)").matcher(train.out());
        assertTrue(reported.find(), train.out());
        assertEquals(score, reported.group(1), train.out());
    }

    @Test
    void theBestCandidateOfACrossValidatedSearchReproducesWithThePrintedCvCommand() {
        Cli tune = run("tune", "--activation", "choice(relu|tanh)",
                "--optimizer", "adam(lr=uniform(0.005,0.05))", "--candidates", "4",
                "--folds", "3", "--seed", "2", "--parallel", "2");
        assertEquals(MlpCli.OK, tune.code(), tune.err());
        Matcher best = Pattern.compile("best: candidate \\d+, accuracy (\\S+ ± \\S+)")
                .matcher(tune.out());
        assertTrue(best.find(), tune.out());
        String cvCommand = lineAfter(tune.out(), "reproduce its score:");
        Cli cv = Cli.run(words(cvCommand).toArray(new String[0]));
        assertEquals(MlpCli.OK, cv.code(), cv.err());
        String last = cv.out().strip().substring(cv.out().strip().lastIndexOf('\n') + 1);
        assertTrue(last.matches("mean ± std +" + Pattern.quote(best.group(1))),
                last + "\n" + tune.out());
        assertTrue(lineAfter(tune.out(), "train it on all the rows:").contains(" train "));
    }

    @Test
    void tuneTakesEveryTrainingOptionWithTheDefaultsOfTrain() {
        Cli help = Cli.run("tune", "--help");
        assertEquals(MlpCli.OK, help.code(), help.err());
        for (String option : List.of("--layers=N", "--activation=SPEC", "--loss=SPEC",
                "--schedule=SPEC", "--gradient=SPEC", "--early-stopping=SPEC",
                "--class-weight=WEIGHTS", "--weighted-metrics")) {
            assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
        assertTrue(help.out().contains("Optimizer (default: adam(lr=0.01))."), help.out());
        assertTrue(help.out().contains("Epochs (default: 100)."), help.out());
    }

    @Test
    void aGridTriesEveryPointAndRefusesAContinuousRange() {
        Cli grid = plain("tune", "--target", "kind", "--search", "grid", "--layers",
                "choice(4,8)", "--epochs", "int(5,7)", "--folds", "2");
        assertEquals(MlpCli.OK, grid.code(), grid.err());
        assertTrue(grid.out().startsWith("grid search: 6 candidates"), grid.out());
        Cli continuous = run("tune", "--search", "grid",
                "--optimizer", "adam(lr=loguniform(1e-4,1e-1))");
        assertEquals(MlpCli.BAD_INPUT, continuous.code());
        assertEquals("mlp tune: --optimizer: grid search cannot enumerate "
                + "loguniform(1e-4,1e-1), a continuous range; use choice(a, b, ...) or "
                + "int(lo, hi) for a grid, or random search", continuous.err().strip());
    }

    @Test
    void badSearchExpressionsAreShortErrors() {
        Cli loHi = run("tune", "--optimizer", "adam(lr=uniform(0.1,0.01))");
        assertEquals(MlpCli.BAD_INPUT, loHi.code());
        assertEquals("mlp tune: --optimizer: uniform(0.1,0.01) has lo > hi (0.1 > 0.01); "
                + "write uniform(lo, hi) with lo <= hi", loHi.err().strip());
        Cli empty = run("tune", "--layers", "choice(8||16)");
        assertEquals(MlpCli.BAD_INPUT, empty.code());
        assertTrue(empty.err().startsWith("mlp tune: --layers: choice(8||16) has an empty "
                + "option (number 2)"), empty.err());
        Cli nothing = run("tune", "--layers", "8");
        assertEquals(MlpCli.BAD_INPUT, nothing.code());
        assertTrue(nothing.err().contains("no option holds a range or choice"), nothing.err());
        Cli both = run("tune", "--layers", "choice(4|8)", "--folds", "3", "--validation",
                "0.2");
        assertEquals(MlpCli.BAD_INPUT, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        Cli badValue = run("tune", "--layers", "choice(4|x)", "--search", "grid",
                "--folds", "2");
        assertEquals(MlpCli.BAD_INPUT, badValue.code());
        assertTrue(badValue.err().startsWith("mlp tune: candidate 2: "), badValue.err());
        Cli badSpec = run("tune", "--optimizer", "choice(adam|adma)", "--search", "grid",
                "--folds", "2");
        assertEquals(MlpCli.BAD_INPUT, badSpec.code());
        assertTrue(badSpec.err().startsWith("mlp tune: candidate 2 (--optimizer adma --epochs 15): "
                + "unknown optimizer 'adma'; known: "),
                badSpec.err());
        Cli unreported = run("tune", "--layers", "choice(4|8)", "--validation", "0.2",
                "--metric", "precision");
        assertEquals(MlpCli.BAD_INPUT, unreported.code());
        assertTrue(unreported.err().contains("rank by precision with --folds"),
                unreported.err());
        Cli folds = run("tune", "--layers", "choice(4|8)", "--folds", "1");
        assertEquals(MlpCli.BAD_INPUT, folds.code());
        assertTrue(folds.err().contains("--folds must be at least 2"), folds.err());
        for (Cli c : List.of(loHi, empty, nothing, both, badValue, badSpec, folds)) {
            assertTrue(!c.err().contains("\tat "), c.err());
        }
    }
}
