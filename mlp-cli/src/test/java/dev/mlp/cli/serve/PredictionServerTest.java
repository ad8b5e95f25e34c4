package dev.mlp.cli.serve;

import static dev.mlp.cli.serve.ServeFixture.get;
import static dev.mlp.cli.serve.ServeFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlp.core.Mlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prediction server on an ephemeral port of 127.0.0.1, through a real HTTP client: its
 * answers against {@code mlp predict}, every kind of bad request, several models, and a bounded
 * load.
 */
class PredictionServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 64 * 1024;

    @TempDir
    static Path dir;

    private static PredictionServer server;
    private static URI base;
    /** {@code mlp predict}'s output for the feature rows of blobs.csv. */
    private static List<String> expected;
    /** The rows of blobs.csv without the class column. */
    private static List<double[]> rows;

    @BeforeAll
    static void start() throws IOException {
        Path classifier = ServeFixture.trainClassifier(dir);
        Path regression = ServeFixture.trainRegression(dir);
        Path features = dir.resolve("features.csv");
        List<String> lines = Files.readAllLines(dir.resolve("blobs.csv"));
        StringBuilder sb = new StringBuilder();
        rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            sb.append(f[0]).append(',').append(f[1]).append('\n');
            if (i > 0) {
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        Files.writeString(features, sb);
        Path predictions = dir.resolve("p.csv");
        ServeFixture.cli("predict", "-m", classifier.toString(), "--data", features.toString(),
                "-o", predictions.toString());
        expected = Files.readAllLines(predictions);
        Map<String, ServedModel> models = new LinkedHashMap<>();
        models.put("blobs", ServedModel.load("blobs", classifier, Mlp.standard()));
        models.put("plane", ServedModel.load("plane", regression, Mlp.standard()));
        server = PredictionServer.start(models,
                new PredictionServer.Config("127.0.0.1", 0, 4, LIMIT));
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private static URI uri(String path) {
        return base.resolve(path);
    }

    /** The feature rows as features.csv writes them, which {@code mlp predict} repeats. */
    private static String csvBody() throws IOException {
        return Files.readString(dir.resolve("features.csv"));
    }

    private static String jsonObjects(List<double[]> rs) {
        StringBuilder sb = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rs.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"x2\":").append(rs.get(i)[1])
                    .append(",\"x1\":").append(rs.get(i)[0]).append('}');
        }
        return sb.append("]}").toString();
    }

    private static String jsonArrays(List<double[]> rs) {
        StringBuilder sb = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rs.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('[').append(rs.get(i)[0]).append(',')
                    .append(rs.get(i)[1]).append(']');
        }
        return sb.append("]}").toString();
    }

    /** Checks a JSON answer row by row against {@code mlp predict}'s CSV lines. */
    private static void assertSameAsPredict(String body, int from) throws IOException {
        JsonNode p = JSON.readTree(body).get("predictions");
        String[] classes = {"red", "green", "blue"};
        for (int i = 0; i < p.size(); i++) {
            String[] f = expected.get(from + i + 1).split(",");
            assertEquals(f[2], p.get(i).get("label").asText(), "row " + (from + i));
            for (int c = 0; c < 3; c++) {
                assertEquals(Double.parseDouble(f[3 + c]),
                        p.get(i).get("probabilities").get(classes[c]).asDouble(),
                        "row " + (from + i) + " p(" + classes[c] + ")");
            }
        }
    }

    @Test
    void csvAndJsonRequestsGiveTheSamePredictionsAsMlpPredict() throws Exception {
        String csv = csvBody();
        HttpResponse<String> asCsv = post(uri("/models/blobs/predict"), "text/csv", csv,
                "text/csv");
        assertEquals(200, asCsv.statusCode(), asCsv.body());
        assertEquals(String.join("\n", expected) + "\n", asCsv.body());

        HttpResponse<String> csvToJson = post(uri("/models/blobs/predict"),
                "text/csv; charset=utf-8", csv, null);
        assertEquals(200, csvToJson.statusCode(), csvToJson.body());
        assertTrue(csvToJson.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/json"));
        assertEquals(rows.size(), JSON.readTree(csvToJson.body()).get("predictions").size());
        assertSameAsPredict(csvToJson.body(), 0);

        HttpResponse<String> objects = post(uri("/models/blobs/predict"), "application/json",
                jsonObjects(rows), "application/json");
        assertEquals(200, objects.statusCode(), objects.body());
        assertEquals(csvToJson.body(), objects.body());

        HttpResponse<String> arrays = post(uri("/models/blobs/predict"), "application/json",
                jsonArrays(rows), null);
        assertEquals(200, arrays.statusCode(), arrays.body());
        assertEquals(csvToJson.body(), arrays.body());
    }

    @Test
    void regressionAnswersValuesByTargetName() throws Exception {
        Path predictions = dir.resolve("plane-p.csv");
        Path features = dir.resolve("plane-x.csv");
        Files.writeString(features, "a,b\n0.25,-0.5\n-1,1\n");
        ServeFixture.cli("predict", "-m", dir.resolve("plane.mlp").toString(), "--data",
                features.toString(), "-o", predictions.toString());
        List<String> want = Files.readAllLines(predictions);
        HttpResponse<String> r = post(uri("/models/plane/predict"), "application/json",
                "{\"rows\":[{\"a\":0.25,\"b\":-0.5},[-1,1]]}", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode p = JSON.readTree(r.body()).get("predictions");
        assertEquals(2, p.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(Double.parseDouble(want.get(i + 1).split(",")[2]),
                    p.get(i).get("values").get("y").asDouble(), r.body());
        }
    }

    @Test
    void modelsHealthAndInspect() throws Exception {
        HttpResponse<String> health = get(uri("/health"));
        assertEquals(200, health.statusCode());
        assertEquals("ok", JSON.readTree(health.body()).get("status").asText());
        HttpResponse<String> model = get(uri("/models/blobs"));
        assertEquals(200, model.statusCode(), model.body());
        JsonNode m = JSON.readTree(model.body());
        assertEquals("classification", m.get("task").asText());
        assertEquals("[\"red\",\"green\",\"blue\"]", m.get("classes").toString());
        assertEquals("[\"x1\",\"x2\"]", m.get("features").toString());
        assertEquals(2, m.get("inputs").asInt());
        assertEquals(6, m.get("layers").get(0).get("neurons").asInt());
        assertTrue(m.get("description").asText().contains("2 -> 6 relu -> 3 softmax"),
                m.toString());
        assertEquals("float64", m.get("precision").asText(), m.toString());
        HttpResponse<String> list = get(uri("/models"));
        assertEquals(2, JSON.readTree(list.body()).get("models").size());
        // with two models, the short paths ask for a name
        HttpResponse<String> shortPath = post(uri("/predict"), "application/json",
                "{\"rows\":[]}", null);
        assertError(shortPath, 404, "blobs, plane");
    }

    private static void assertError(HttpResponse<String> r, int status, String mentions)
            throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/json"), r.headers().toString());
        JsonNode e = JSON.readTree(r.body());
        assertEquals(status, e.get("status").asInt(), r.body());
        assertTrue(e.get("error").asText().contains(mentions),
                "'" + mentions + "' not in " + r.body());
    }

    @Test
    void badRequestsGetA4xxNamingTheProblem() throws Exception {
        URI predict = uri("/models/blobs/predict");
        String json = "application/json";
        assertError(post(predict, json, "{\"rows\":[{\"x1\":1,", null), 400, "malformed JSON");
        assertError(post(predict, json, "{\"rows\":[[1,2]]} {}", null), 400, "malformed JSON");
        assertError(post(predict, json, "{\"rows\":[{\"x1\":NaN,\"x2\":1}]}", null), 400,
                "malformed JSON");
        assertError(post(predict, json, "", null), 400, "empty body");
        assertError(post(predict, json, "{\"rows\":[{\"x1\":1}]}", null), 422,
                "row 0: missing column 'x2'");
        assertError(post(predict, json, "{\"rows\":[{\"x1\":1,\"x2\":2},{\"x1\":1,\"x2\":2,"
                + "\"x3\":0}]}", null), 422, "row 1: unknown column 'x3'");
        assertError(post(predict, json, "{\"rows\":[[1,2,3]]}", null), 422,
                "row 0 has 3 values, but the model takes 2");
        assertError(post(predict, json, "{\"rows\":[{\"x1\":\"1\",\"x2\":2}]}", null), 422,
                "row 0, column 'x1': expected a number, found the string \"1\"");
        assertError(post(predict, json, "{\"rows\":[[1,null]]}", null), 422,
                "row 0, column 'x2': expected a number, found null");
        assertError(post(predict, json, "{\"rows\":[[1,1e999]]}", null), 422,
                "is not a finite number");
        assertError(post(predict, json, "{\"rows\":{}}", null), 422, "must be an array");
        assertError(post(predict, json, "{\"rows\":[],\"limit\":3}", null), 422,
                "unknown field 'limit'");
        assertError(post(predict, json, "[[1,2]]", null), 422, "must be an object");
        assertError(post(predict, "text/csv", "x1,x2\n1,NaN\n", null), 422,
                "CSV line 2, column 'x2': NaN is not a finite number");
        assertError(post(predict, "text/csv", "x1,x2\n1,abc\n", null), 422,
                "CSV line 2, column 'x2': 'abc' is not a number");
        assertError(post(predict, "text/csv", "x1\n1\n", null), 422,
                "CSV header: missing column 'x2'");
        assertError(post(predict, "text/csv", "x1,x2,kind\n1,2,red\n", null), 422,
                "CSV header: unknown column 'kind'");
        assertError(post(predict, "text/csv", "x1,x2\n1,2,3\n", null), 400,
                "CSV line 2 has 3 fields");
        assertError(post(predict, "text/csv", "x1,x2\n\"1,2\n", null), 400, "never closed");
        // size, type, method, path
        String big = "{\"rows\":[" + "[1,2],".repeat((int) (LIMIT / 6)) + "[1,2]]}";
        assertError(post(predict, json, big, null), 413, "larger than the limit of " + LIMIT);
        assertError(post(predict, "text/plain", "1,2", null), 415, "text/plain");
        assertError(post(predict, null, "{\"rows\":[]}", null), 415, "application/json");
        assertError(post(predict, json, "{\"rows\":[]}", "application/xml"), 406,
                "application/xml");
        HttpResponse<String> wrongMethod = get(predict);
        assertError(wrongMethod, 405, "GET is not allowed");
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertError(post(uri("/health"), json, "{}", null), 405, "use GET");
        assertError(get(uri("/nothing/here")), 404, "no such endpoint: /nothing/here");
        assertError(get(uri("/models/wine/predict")), 404, "no model named 'wine'");
        // the server is still fine after all of that
        assertEquals(200, get(uri("/health")).statusCode());
    }

    @Test
    void aBodyLargerThanTheLimitWithoutContentLengthIsRefused() throws Exception {
        byte[] chunk = "[1,2],".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        HttpRequest req = HttpRequest.newBuilder(uri("/models/blobs/predict"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        return sent++ < 2 * LIMIT ? chunk[(int) (sent % chunk.length)] : -1;
                    }
                })).build();
        HttpResponse<String> r = ServeFixture.CLIENT.send(req,
                HttpResponse.BodyHandlers.ofString());
        assertError(r, 413, "larger than the limit");
    }

    @Test
    void aHeaderWithoutItsBodyDoesNotStopOtherRequests() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", server.address().getPort())) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST /models/blobs/predict HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"rows\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            HttpResponse<String> r = post(uri("/models/blobs/predict"), "application/json",
                    jsonArrays(rows.subList(0, 3)), null);
            assertEquals(200, r.statusCode(), r.body());
            assertSameAsPredict(r.body(), 0);
        }
    }

    @Test
    void boundedLoadFromFourClientThreads() throws Exception {
        int requests = 2000;
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                final int first = t;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = first; i < requests; i += clients) {
                        int row = i % rows.size();
                        int n = 1 + i % 4;
                        List<double[]> batch = new ArrayList<>();
                        for (int k = 0; k < n; k++) {
                            batch.add(rows.get((row + k) % rows.size()));
                        }
                        HttpResponse<String> r = post(uri("/models/blobs/predict"),
                                "application/json", i % 2 == 0 ? jsonArrays(batch)
                                        : jsonObjects(batch), null);
                        assertEquals(200, r.statusCode(), r.body());
                        JsonNode p = JSON.readTree(r.body()).get("predictions");
                        assertEquals(n, p.size());
                        for (int k = 0; k < n; k++) {
                            String[] f = expected.get((row + k) % rows.size() + 1).split(",");
                            assertEquals(f[2], p.get(k).get("label").asText());
                            assertEquals(Double.parseDouble(f[3]),
                                    p.get(k).get("probabilities").get("red").asDouble());
                        }
                        ok++;
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertEquals(requests, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
