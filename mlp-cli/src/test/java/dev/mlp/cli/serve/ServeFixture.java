package dev.mlp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.cli.MlpCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Trains small models with the command line and talks to a server, for the serve tests. */
final class ServeFixture {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ServeFixture() {
    }

    /** Runs the command line in-process; fails on a non-zero exit code. */
    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MlpCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(MlpCli.OK, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Three separated classes in two features: {@code x1,x2,kind}. */
    static Path blobs(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        String[] names = {"red", "green", "blue"};
        double[][] centres = {{0, 0}, {4, 0}, {0, 4}};
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n",
                    centres[c][0] + 0.7 * r.nextGaussian(), centres[c][1] + 0.7 * r.nextGaussian(),
                    names[c]));
        }
        return Files.writeString(dir.resolve("blobs.csv"), sb);
    }

    /** A noisy plane {@code y = 2a - b + 1}: {@code a,b,y}. */
    static Path plane(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 60; i++) {
            double a = r.nextDouble(-1, 1);
            double b = r.nextDouble(-1, 1);
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b,
                    2 * a - b + 1 + 0.01 * r.nextGaussian()));
        }
        return Files.writeString(dir.resolve("plane.csv"), sb);
    }

    static Path trainClassifier(Path dir) throws IOException {
        Path model = dir.resolve("blobs.mlp");
        cli("train", "--data", blobs(dir).toString(), "--target", "kind", "--layers", "6",
                "--epochs", "30", "--quiet", "-o", model.toString());
        return model;
    }

    static Path trainRegression(Path dir) throws IOException {
        Path model = dir.resolve("plane.mlp");
        cli("train", "--data", plane(dir).toString(), "--target", "y", "--task", "regression",
                "--layers", "4", "--epochs", "30", "--quiet", "-o", model.toString());
        return model;
    }

    /**
     * Starts {@code mlp ARGS} in a process of its own, on the test class path and without
     * {@code $MLP_PLUGIN_PATH}.
     *
     * @param err where its standard error goes
     * @param args the command line
     * @return the process; its standard output is for {@link #listeningPort}
     */
    static Process start(Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MlpCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.environment().remove(MlpCli.PLUGIN_PATH);
        return pb.start();
    }

    /**
     * Reads what a serving process prints up to the line saying where it listens.
     *
     * @param serve a process of {@code mlp serve --port 0}
     * @return the port it listens on, or -1 if its output ended first
     */
    static int listeningPort(Process serve) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    static HttpResponse<String> post(URI uri, String type, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
