package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.cli.serve.ServedModel;
import dev.mlp.core.Mlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --backend} of evaluate, predict and serve: the backend of a saved model's passes. */
class BackendOptionTest {

    @TempDir
    Path dir;

    private Path data;
    private Path model;

    @BeforeEach
    void trainAModel() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        for (int i = 0; i < 60; i++) {
            int c = i % 2;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", 3 * c + r.nextGaussian(),
                    r.nextGaussian(), c == 0 ? "a" : "b"));
        }
        data = Files.writeString(dir.resolve("d.csv"), sb);
        model = dir.resolve("m.mlp");
        Cli t = Cli.run("train", "--data", data.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "20", "--quiet", "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
    }

    private static BackendOption named(String name) {
        BackendOption o = new BackendOption();
        new CommandLine(new Holder(o)).parseArgs(name == null ? new String[0]
                : new String[] {"--backend", name});
        return o;
    }

    /** A command that only carries the option, to parse it as the commands do. */
    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        final BackendOption option;

        Holder(BackendOption option) {
            this.option = option;
        }
    }

    @Test
    void aNamedBackendRunsTheLoadedModelAndNoneLeavesTheDefaults() throws IOException {
        Mlp base = Mlp.standard();
        assertSame(base, named(null).apply(base));
        Mlp forced = named("java").apply(base);
        assertSame(base.registry(), forced.registry());
        assertEquals("java", SavedModel.load(model, forced).model().trainer().options()
                .backend().name());
        assertEquals("java", ServedModel.load("m", model, forced).model().trainer().options()
                .backend().name());
    }

    @Test
    void evaluateAndPredictTakeItAndGiveTheSameNumbersOnJava() {
        Cli plain = Cli.run("evaluate", "-m", model.toString(), "--data", data.toString());
        Cli java = Cli.run("evaluate", "-m", model.toString(), "--data", data.toString(),
                "--backend", "java");
        assertEquals(MlpCli.OK, java.code(), java.err());
        assertEquals(plain.out(), java.out());
        assertTrue(java.out().contains("accuracy"), java.out());
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", data.toString(),
                "--backend", "java");
        assertEquals(MlpCli.OK, p.code(), p.err());
        assertEquals(Cli.run("predict", "-m", model.toString(), "--data", data.toString())
                .out(), p.out());
    }

    @Test
    void anUnknownOrBlankBackendIsBadInputOnEveryCommand() {
        for (String command : new String[] {"evaluate", "predict", "serve"}) {
            Cli c = command.equals("serve")
                    ? Cli.run(command, "-m", model.toString(), "--port", "0", "--backend",
                            "no-such-backend")
                    : Cli.run(command, "-m", model.toString(), "--data", data.toString(),
                            "--backend", "no-such-backend");
            assertEquals(MlpCli.BAD_INPUT, c.code(), command + ": " + c.out() + c.err());
            assertTrue(c.err().contains("--backend: unknown compute backend 'no-such-backend'"
                    + "; known: java"), command + ": " + c.err());
            assertTrue(!c.err().contains("\tat "), c.err());
        }
        BadInputException blank = assertThrows(BadInputException.class,
                () -> named(" ").apply(Mlp.standard()));
        assertTrue(blank.getMessage().contains("--backend needs a compute backend's name"),
                blank.getMessage());
    }
}
