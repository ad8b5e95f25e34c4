package dev.mlp.cli.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes predictions as JSON, or as CSV in the columns {@code mlp predict} writes. */
final class PredictionWriter {

    private PredictionWriter() {
    }

    /**
     * {@code {"model": NAME, "predictions": [...]}}: for a classifier each prediction is
     * {@code {"label": CLASS, "probabilities": {CLASS: p, ...}}}, for regression
     * {@code {"values": {TARGET: v, ...}}}; followed by {@code "unseen": {COLUMN: count}} when
     * categories not seen in training were encoded neutrally.
     */
    static void json(JsonGenerator g, ServedModel m, double[][] p, Map<String, Integer> unseen)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("model", m.name());
        g.writeArrayFieldStart("predictions");
        List<String> classes = m.classNames();
        List<String> outputs = m.classification() ? List.of() : m.outputNames();
        for (double[] row : p) {
            g.writeStartObject();
            if (m.classification()) {
                g.writeStringField("label", m.label(row));
                g.writeObjectFieldStart("probabilities");
                double[] prob = ServedModel.probabilities(row);
                for (int c = 0; c < prob.length; c++) {
                    g.writeNumberField(classes.get(c), prob[c]);
                }
                g.writeEndObject();
            } else {
                g.writeObjectFieldStart("values");
                for (int j = 0; j < row.length; j++) {
                    g.writeNumberField(outputs.get(j), row[j]);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!unseen.isEmpty()) {
            g.writeObjectFieldStart("unseen");
            for (Map.Entry<String, Integer> e : unseen.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * The features followed by {@code prediction} and one {@code p(CLASS)} column per class for
     * a classifier, or one column per target for regression, as {@code mlp predict} writes them:
     * the features as the request wrote them when {@code written} holds them (a CSV request),
     * else as numbers.
     */
    static String csv(ServedModel m, double[][] x, List<String> written, double[][] p) {
        StringBuilder sb = new StringBuilder();
        List<String> features = m.featureNames();
        for (int c = 0; c < m.inputs(); c++) {
            sb.append(quote(c < features.size() ? features.get(c) : "x" + c)).append(',');
        }
        if (m.classification()) {
            sb.append("prediction");
            for (String c : m.classNames()) {
                sb.append(',').append(quote("p(" + c + ")"));
            }
        } else {
            List<String> names = m.outputNames();
            for (int j = 0; j < names.size(); j++) {
                sb.append(j == 0 ? "" : ",").append(quote(names.get(j)));
            }
        }
        sb.append('\n');
        for (int i = 0; i < x.length; i++) {
            if (written != null) {
                sb.append(written.get(i)).append(',');
            } else {
                for (double v : x[i]) {
                    sb.append(v).append(',');
                }
            }
            if (m.classification()) {
                sb.append(quote(m.label(p[i])));
                for (double v : ServedModel.probabilities(p[i])) {
                    sb.append(',').append(v);
                }
            } else {
                for (int j = 0; j < p[i].length; j++) {
                    sb.append(j == 0 ? "" : ",").append(p[i][j]);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
                && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
