package dev.mlp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlp.core.Mlp;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code GET /models/NAME} says about a model: its precision, whatever the file records. */
class ModelJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PRECISION_LINE = Pattern.compile("(?m)^precision: (.*)$");

    @TempDir
    Path dir;

    @Test
    void thePrecisionIsAFieldAndALineOfTheDescriptionForEitherPrecision() throws IOException {
        Path blobs = ServeFixture.blobs(dir);
        Path m64 = dir.resolve("m64.mlp");
        Path m32 = dir.resolve("m32.mlp");
        ServeFixture.cli("train", "--data", blobs.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "2", "--quiet", "-o", m64.toString());
        ServeFixture.cli("train", "--data", blobs.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "2", "--quiet", "--precision", "float32", "-o", m32.toString());
        JsonNode j64 = json(m64);
        JsonNode j32 = json(m32);
        assertEquals("float64", j64.get("precision").asText(), j64.toString());
        assertEquals("float32", j32.get("precision").asText(), j32.toString());
        assertEquals("float64", precisionLine(j64.get("description").asText()));
        assertEquals("float32", precisionLine(j32.get("description").asText()));
    }

    private static JsonNode json(Path model) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            ModelJson.write(g, ServedModel.load("m", model, Mlp.standard()));
        }
        return JSON.readTree(w.toString());
    }

    /** The value of the one {@code precision} line of a description. */
    private static String precisionLine(String description) {
        Matcher m = PRECISION_LINE.matcher(description);
        assertTrue(m.find(), description);
        String value = m.group(1).strip();
        assertFalse(m.find(), "two precision lines: " + description);
        return value;
    }
}
