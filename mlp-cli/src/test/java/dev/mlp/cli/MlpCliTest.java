package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MlpCliTest {

    @Test
    void noCommandIsBadUsage() {
        Cli r = Cli.run();
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("choose a command"), r.err());
    }

    @Test
    void unknownCommandIsBadUsage() {
        Cli r = Cli.run("trian");
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("trian"), r.err());
    }

    @Test
    void pluginsListsEveryKindWithParametersAndOrigin() {
        Cli r = Cli.run("plugins");
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("optimizer:"), r.out());
        assertTrue(r.out().contains("  adam"), r.out());
        assertTrue(r.out().contains("lr (real > 0.0, default 0.001)"), r.out());
        assertTrue(r.out().contains("from dev.mlp.optimizers.Adam$Provider (file:"), r.out());
        assertTrue(r.out().contains("identity (alias linear)"), r.out());
    }

    @Test
    void pluginsOfOneKind() {
        Cli r = Cli.run("plugins", "--kind", "loss");
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("cross-entropy"), r.out());
        assertTrue(!r.out().contains("adam"), r.out());
    }

    @Test
    void pluginsListsTheMetricAndComputeBackendKinds() {
        Cli r = Cli.run("plugins");
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("\nmetric:\n  accuracy"), r.out());
        assertTrue(r.out().contains("from dev.mlp.core.metric.MetricProviders$F1 (file:"), r.out());
        assertTrue(r.out().contains("\ncompute backend:\n"), r.out());
        assertTrue(r.out().contains("from dev.mlp.core.kernel.JavaBackendProvider (file:"),
                r.out());
        Cli one = Cli.run("plugins", "--kind", "compute-backend");
        assertEquals(MlpCli.OK, one.code(), one.err());
        assertTrue(one.out().startsWith("compute backend:\n  java"), one.out());
        assertTrue(!one.out().contains("accuracy"), one.out());
    }

    @Test
    void pluginsSaysWhichBackendsRunHereAndWhichOneIsUsed() {
        Cli r = Cli.run("plugins", "--kind", "compute-backend");
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("  java-vector  version"), r.out());
        assertTrue(r.out().contains("  native-blas  version"), r.out());
        // surefire starts the JVM without the Vector API
        assertTrue(r.out().contains("cannot run here: the Vector API is not loaded; start the "
                + "JVM with --add-modules jdk.incubator.vector"), r.out());
        String used = dev.mlp.core.kernel.MatrixBackends.standard().name();
        assertTrue(r.out().contains("  used when none is named: " + used
                + " (the fastest that runs here)"), r.out());
    }

    @Test
    void badOptionValueIsBadUsage() {
        Cli r = Cli.run("plugins", "--kind", "nonsense");
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("nonsense"), r.err());
    }

    @Test
    void badInputExceptionsAreRecognised() {
        assertTrue(MlpCli.isBadInput(new IllegalArgumentException("x")));
        assertTrue(MlpCli.isBadInput(new BadInputException("x")));
        assertTrue(MlpCli.isBadInput(new java.nio.file.NoSuchFileException("x")));
        assertTrue(!MlpCli.isBadInput(new IllegalStateException("x")));
    }
}
