package dev.mlp.cli.serve;

import static dev.mlp.cli.serve.ServeFixture.cli;
import static dev.mlp.cli.serve.ServeFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlp.core.Mlp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on text columns and missing cells is served from its raw columns: the server
 * encodes and fills them with the preprocessing stored in the model file, giving the bits of
 * {@code mlp predict} on the same cells.
 */
class RawColumnsServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static PredictionServer server;
    private static URI base;
    /** {@code mlp predict}'s output for {@link #QUERY}. */
    private static List<String> expected;

    /** Raw rows: a missing weight, a missing habitat, and a habitat never seen in training. */
    private static final String QUERY = String.join("\n",
            "habitat,weight",
            "sea,0.5",
            "forest,NA",
            ",20.1",
            "tundra,10.2",
            "");

    @BeforeAll
    static void start() throws IOException {
        StringBuilder sb = new StringBuilder("habitat,weight,kind\n");
        String[] habitats = {"sea", "forest", "desert"};
        String[] kinds = {"fish", "deer", "camel"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            String weight = i % 13 == 4 ? "NA" : String.format(java.util.Locale.ROOT, "%.2f",
                    10 * c + r.nextGaussian());
            sb.append(i % 11 == 2 ? "" : habitats[c]).append(',').append(weight).append(',')
                    .append(kinds[c]).append('\n');
        }
        Path data = Files.writeString(dir.resolve("animals.csv"), sb);
        Path model = dir.resolve("animals.mlp");
        cli("train", "--data", data.toString(), "--target", "kind", "--layers", "6",
                "--epochs", "40", "--quiet", "-o", model.toString());
        Path strict = dir.resolve("strict.mlp");
        cli("train", "--data", data.toString(), "--target", "kind", "--layers", "6",
                "--epochs", "5", "--encoder", "one-hot(unseen=error)", "--quiet", "-o",
                strict.toString());
        Path query = Files.writeString(dir.resolve("query.csv"), QUERY);
        Path predictions = dir.resolve("p.csv");
        cli("predict", "-m", model.toString(), "--data", query.toString(), "-o",
                predictions.toString());
        expected = Files.readAllLines(predictions);
        Map<String, ServedModel> models = new LinkedHashMap<>();
        models.put("animals", ServedModel.load("animals", model, Mlp.standard()));
        models.put("strict", ServedModel.load("strict", strict, Mlp.standard()));
        server = PredictionServer.start(models,
                new PredictionServer.Config("127.0.0.1", 0, 2, 64 * 1024));
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private static void assertSameAsPredict(String body) throws IOException {
        JsonNode p = JSON.readTree(body).get("predictions");
        String[] header = expected.get(0).split(",");
        assertEquals(expected.size() - 1, p.size(), body);
        for (int i = 0; i < p.size(); i++) {
            String[] f = expected.get(i + 1).split(",", -1);
            assertEquals(f[2], p.get(i).get("label").asText(), "row " + i);
            for (int c = 3; c < header.length; c++) {
                String cls = header[c].substring(2, header[c].length() - 1);
                assertEquals(Double.parseDouble(f[c]),
                        p.get(i).get("probabilities").get(cls).asDouble(), "row " + i + " " + cls);
            }
        }
    }

    @Test
    void csvAndJsonRequestsGiveThePredictBitsAndCountUnseenCategories() throws Exception {
        HttpResponse<String> csv = post(base.resolve("/models/animals/predict"), "text/csv",
                QUERY, null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertSameAsPredict(csv.body());
        assertEquals(1, JSON.readTree(csv.body()).get("unseen").get("habitat").asInt());
        assertEquals("habitat=1", csv.headers().firstValue("X-Unseen-Categories").orElse(""));

        String objects = "{\"rows\":[{\"weight\":0.5,\"habitat\":\"sea\"},"
                + "{\"habitat\":\"forest\",\"weight\":null},{\"habitat\":null,\"weight\":20.1},"
                + "{\"habitat\":\"tundra\",\"weight\":\"10.2\"}]}";
        HttpResponse<String> json = post(base.resolve("/models/animals/predict"),
                "application/json", objects, null);
        assertEquals(200, json.statusCode(), json.body());
        assertSameAsPredict(json.body());

        String arrays = "{\"rows\":[[\"sea\",0.5],[\"forest\",null],[null,20.1],"
                + "[\"tundra\",10.2]]}";
        HttpResponse<String> arr = post(base.resolve("/models/animals/predict"),
                "application/json", arrays, null);
        assertEquals(200, arr.statusCode(), arr.body());
        assertSameAsPredict(arr.body());

        HttpResponse<String> asCsv = post(base.resolve("/models/animals/predict"), "text/csv",
                QUERY, "text/csv");
        assertEquals(200, asCsv.statusCode(), asCsv.body());
        assertEquals(expected, List.of(asCsv.body().split("\n")));
    }

    @Test
    void cellsThatDoNotFitAreRefusedNamingRowAndColumn() throws Exception {
        HttpResponse<String> bool = post(base.resolve("/models/animals/predict"),
                "application/json", "{\"rows\":[{\"habitat\":true,\"weight\":1}]}", null);
        assertEquals(422, bool.statusCode(), bool.body());
        assertTrue(bool.body().contains("row 0, column 'habitat'"), bool.body());

        HttpResponse<String> word = post(base.resolve("/models/animals/predict"), "text/csv",
                "habitat,weight\nsea,heavy\n", null);
        assertEquals(422, word.statusCode(), word.body());
        assertTrue(word.body().contains("weight") && word.body().contains("heavy"),
                word.body());

        HttpResponse<String> missingColumn = post(base.resolve("/models/animals/predict"),
                "application/json", "{\"rows\":[{\"habitat\":\"sea\"}]}", null);
        assertEquals(422, missingColumn.statusCode(), missingColumn.body());
        assertTrue(missingColumn.body().contains("missing column 'weight'"),
                missingColumn.body());

        HttpResponse<String> unseen = post(base.resolve("/models/strict/predict"), "text/csv",
                "habitat,weight\ntundra,1\n", null);
        assertEquals(422, unseen.statusCode(), unseen.body());
        assertTrue(unseen.body().contains("'tundra' is a category not seen in training"),
                unseen.body());
    }
}
