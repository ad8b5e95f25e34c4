package dev.mlp.cli.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What {@code mlp inspect} says about a model file, as JSON. */
final class ModelJson {

    private ModelJson() {
    }

    static void write(JsonGenerator g, ServedModel m) throws IOException {
        ModelInfo info = m.info();
        g.writeStartObject();
        g.writeStringField("name", m.name());
        g.writeStringField("task", m.classification() ? "classification" : "regression");
        g.writeNumberField("formatVersion", info.formatVersion());
        g.writeStringField("frameworkVersion", info.frameworkVersion());
        g.writeNumberField("inputs", info.inputs());
        g.writeNumberField("outputs", m.model().network().outputSize());
        g.writeNumberField("parameters", info.parameterCount());
        g.writeStringField("precision", info.precision());
        g.writeArrayFieldStart("layers");
        for (ModelInfo.Layer l : info.layers()) {
            g.writeStartObject();
            g.writeNumberField("inputs", l.inputs());
            g.writeNumberField("neurons", l.neurons());
            g.writeStringField("activation", l.activation());
            g.writeStringField("activationVersion", l.activationVersion());
            g.writeBooleanField("bias", l.bias());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("plugins");
        for (ModelInfo.Plugin p : info.plugins()) {
            g.writeStartObject();
            g.writeStringField("role", p.role());
            g.writeStringField("kind", p.kind());
            g.writeStringField("spec", p.spec());
            g.writeStringField("version", p.version());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("scaling");
        for (Map.Entry<String, double[][]> e : info.scaling().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (double[] column : e.getValue()) {
                g.writeArray(column, 0, column.length);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        strings(g, "classes", info.classNames());
        strings(g, "features", info.metadata().featureNames());
        strings(g, "targets", info.metadata().targetNames());
        g.writeObjectFieldStart("training");
        g.writeNumberField("seed", info.training().seed());
        g.writeNumberField("epochs", info.training().epochsTrained());
        g.writeNumberField("epochsPerRun", info.training().epochsPerRun());
        g.writeNumberField("runs", info.training().runs().size());
        number(g, "finalLoss", info.training().finalLoss());
        g.writeArrayFieldStart("stoppedEarly");
        for (ModelInfo.Run r : info.training().runs()) {
            if (r.stopReason() != null) {
                g.writeString(r.stopReason());
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (Map.Entry<String, Double> e : info.metadata().metrics().entrySet()) {
            number(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("description", info.describe());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** JSON has no NaN: a value not known is null. */
    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }
}
