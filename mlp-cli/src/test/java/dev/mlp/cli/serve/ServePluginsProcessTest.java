package dev.mlp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spi.LayerProvider;
import dev.mlp.cli.MlpCli;
import dev.mlp.cli.TestPlugins;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlp serve} in its own process with a model that needs a plugin jar: with
 * {@code --plugins} it answers as {@code mlp predict} does, without it the model is refused at
 * start, and a bad {@code --plugins} entry is refused as by the other commands.
 */
class ServePluginsProcessTest {

    /** A network with the test layer plugin, which only its jar makes known. */
    private static final String NETWORK = "dense(4, relu) negate-test-layer dense(3, softmax)";

    @TempDir
    Path dir;

    private Path jar;
    private Path model;

    @BeforeEach
    void trainWithThePluginJar() throws IOException {
        jar = TestPlugins.jar(dir.resolve("plugins/negate.jar"), LayerProvider.class,
                TestPlugins.Negate.class);
        model = dir.resolve("negate.mlp");
        ServeFixture.cli("--plugins", jar.toString(), "train", "--data",
                ServeFixture.blobs(dir).toString(), "--target", "kind", "--network", NETWORK,
                "--epochs", "30", "--quiet", "-o", model.toString());
    }

    @Test
    void withPluginsTheModelIsServedAndAnswersAsPredictDoes() throws Exception {
        Path features = Files.writeString(dir.resolve("features.csv"),
                "x1,x2\n0.1,0.2\n4,0.1\n-0.3,3.9\n");
        String expected = ServeFixture.cli("--plugins", jar.toString(), "predict", "-m",
                model.toString(), "--data", features.toString());
        Path err = dir.resolve("serve.err");
        Process p = ServeFixture.start(err, "--plugins", jar.toString(), "serve", "-m",
                model.toString(), "--port", "0");
        try {
            int port = ServeFixture.listeningPort(p);
            assertTrue(port > 0, "the server did not say where it listens: "
                    + Files.readString(err));
            HttpResponse<String> r = ServeFixture.post(URI.create("http://127.0.0.1:" + port
                    + "/predict"), "text/csv", Files.readString(features), "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(expected, r.body());
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(MlpCli.OK, p.exitValue(), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void withoutPluginsTheModelIsRefusedNamingTheMissingLayer() throws Exception {
        String message = refusal("serve", "-m", model.toString(), "--port", "0");
        assertTrue(message.contains("mlp serve: -m " + model + ": the model needs the layer "
                + "'negate-test-layer'"), message);
        assertTrue(message.contains("Add the jar that provides it."), message);
    }

    @Test
    void aMissingOrClashingPluginJarIsRefusedBeforeServing() throws Exception {
        String missing = refusal("--plugins", dir.resolve("no-such.jar").toString(), "serve",
                "-m", model.toString(), "--port", "0");
        assertTrue(missing.contains("--plugins: no such directory or jar"), missing);
        Path clash = TestPlugins.jar(dir.resolve("clash/clash.jar"),
                dev.mlp.api.spi.OptimizerProvider.class, TestPlugins.ClashingAdam.class);
        String clashing = refusal("--plugins", jar + "," + clash, "serve", "-m",
                model.toString(), "--port", "0");
        assertTrue(clashing.contains("two optimizer providers claim the name 'adam'"),
                clashing);
    }

    /**
     * Runs a command line that must be refused.
     *
     * @return its standard error: at most two lines, no stack trace
     */
    private String refusal(String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "serve", ".err");
        Process p = ServeFixture.start(err, args);
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + String.join(" ",
                    args));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String message = Files.readString(err);
            assertEquals(MlpCli.BAD_INPUT, p.exitValue(), message);
            assertFalse(out.contains("listening on"), out);
            assertFalse(message.contains("\tat ") || message.contains("Exception"), message);
            assertTrue(message.strip().lines().count() <= 2, "at most two lines: " + message);
            return message;
        } finally {
            p.destroyForcibly();
        }
    }
}
