package dev.mlp.cli;

import dev.mlp.core.Model;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.data.DataTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run was given, as {@code mlp train} records it in each checkpoint: a
 * fingerprint of the training data (row count, shape, and a hash of every feature and target bit,
 * in row order) and the options that shape the run (layers, activations, every plugin spec,
 * the validation share). Resuming compares them with the new run's, so a run is not continued
 * on other data or with other options by mistake.
 *
 * <p>Held as named checkpoint values ({@code mlp-train/...}): the data as numbers, each option
 * as the characters of its text. The trainer ignores values it does not know.
 */
final class RunRecord {

    static final String PREFIX = "mlp-train/";
    private static final String DATA = PREFIX + "data";
    private static final String OPTION = PREFIX + "option/";

    /** The option names as the user writes them, by the model's role names. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("layers", "--layers"),
            Map.entry("network", "--network"),
            Map.entry("activations", "--activation/--output-activation"),
            Map.entry("task", "--task"),
            Map.entry("validation", "--validation"),
            Map.entry("features", "--features"),
            Map.entry("targets", "--target"),
            Map.entry("loss", "--loss"),
            Map.entry("optimizer", "--optimizer"),
            Map.entry("batch strategy", "--batch"),
            Map.entry("initializer", "--initializer"),
            Map.entry("input scaler", "--input-scaler"),
            Map.entry("target scaler", "--target-scaler"),
            Map.entry("schedule", "--schedule"),
            Map.entry("gradient transforms", "--gradient"),
            Map.entry("early stopping", "--early-stopping"),
            Map.entry("divergence", "--divergence"));

    private final double[] data;
    private final Map<String, String> options;

    private RunRecord(double[] data, Map<String, String> options) {
        this.data = data;
        this.options = options;
    }

    /**
     * @param table the training data
     * @param model the model about to be trained
     * @param task the task's name
     * @param validation the validation share
     * @return the record of this run
     */
    static RunRecord of(DataTable table, Model model, String task, double validation) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, table.rows());
        h = mix(h, table.inputs());
        h = mix(h, table.outputs());
        for (double v : table.features()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        for (double v : table.targets()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        double[] d = {table.rows(), table.inputs(), table.outputs(), h >>> 32, h & 0xFFFFFFFFL};
        Map<String, String> o = new LinkedHashMap<>();
        StringBuilder sizes = new StringBuilder();
        for (int s : model.network().sizes()) {
            sizes.append(sizes.length() == 0 ? "" : "-").append(s);
        }
        o.put("layers", sizes.toString());
        if (model.network() instanceof LayeredNetwork n) {
            o.put("network", n.spec());
        }
        o.put("activations", String.join(", ", model.activationSpecs()));
        o.put("task", task);
        o.put("validation", Double.toString(validation));
        o.put("features", String.join(", ", table.featureNames()));
        o.put("targets", String.join(", ", table.targetNames()));
        model.specs().forEach((role, spec) -> {
            if (!role.equals("metrics")) {
                o.put(role, spec);
            }
        });
        return new RunRecord(d, o);
    }

    private static long mix(long h, long v) {
        long z = h ^ (v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param values checkpoint values to add this record to
     * @return the values with the record added
     */
    Map<String, double[]> addTo(Map<String, double[]> values) {
        Map<String, double[]> out = new LinkedHashMap<>(values);
        out.put(DATA, data.clone());
        options.forEach((k, v) -> out.put(OPTION + k, chars(v)));
        return out;
    }

    /**
     * @param values a checkpoint's values
     * @return whether they hold a record of their run
     */
    static boolean recorded(Map<String, double[]> values) {
        return values.containsKey(DATA);
    }

    /**
     * Compares this run with the one a checkpoint records.
     *
     * @param values the checkpoint's values
     * @return one line per difference, empty if the runs match
     */
    List<String> differences(Map<String, double[]> values) {
        List<String> out = new ArrayList<>();
        double[] d = values.get(DATA);
        if (d != null && !java.util.Arrays.equals(d, data)) {
            if (d.length == data.length && d[0] == data[0] && d[1] == data[1]
                    && d[2] == data[2]) {
                out.add(String.format(Locale.ROOT, "the training data differ: same %d rows of "
                        + "%d features, but other values or another row order", (long) data[0],
                        (long) data[1]));
            } else {
                out.add(String.format(Locale.ROOT, "the training data differ: %s rows of %s "
                        + "features now, %s rows of %s in the checkpoint's run",
                        (long) data[0], (long) data[1],
                        d.length > 1 ? Long.toString((long) d[0]) : "?",
                        d.length > 1 ? Long.toString((long) d[1]) : "?"));
            }
        }
        java.util.Set<String> roles = new java.util.LinkedHashSet<>(options.keySet());
        for (String k : values.keySet()) {
            if (k.startsWith(OPTION)) {
                roles.add(k.substring(OPTION.length()));
            }
        }
        for (String role : roles) {
            String now = options.get(role);
            double[] was = values.get(OPTION + role);
            String before = was == null ? null : text(was);
            if (!java.util.Objects.equals(now, before)) {
                out.add(FLAGS.getOrDefault(role, role) + " (" + role + "): '"
                        + (now == null ? "none" : now) + "' now, '"
                        + (before == null ? "none" : before) + "' in the checkpoint's run");
            }
        }
        return out;
    }

    private static double[] chars(String s) {
        double[] d = new double[s.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.charAt(i);
        }
        return d;
    }

    private static String text(double[] d) {
        StringBuilder sb = new StringBuilder(d.length);
        for (double c : d) {
            sb.append((char) c);
        }
        return sb.toString();
    }
}
