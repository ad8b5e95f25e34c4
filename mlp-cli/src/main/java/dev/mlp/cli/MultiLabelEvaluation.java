package dev.mlp.cli;

import dev.mlp.api.Evaluation;
import dev.mlp.api.Metric;
import dev.mlp.core.Model;
import dev.mlp.core.MultiLabel;
import dev.mlp.core.metric.Evaluator;
import dev.mlp.core.metric.MultiLabelMetrics;
import dev.mlp.data.DataTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code mlp evaluate} prints for a multi-label model: the loss, subset accuracy, Hamming
 * loss, micro and macro F1 on the decisions at the labels' thresholds, then precision, recall,
 * F1 and support per label.
 */
final class MultiLabelEvaluation {

    private MultiLabelEvaluation() {
    }

    static void print(PrintWriter out, SavedModel saved, Path modelFile, Path data,
                      DataTable table, MultiLabel labels, Plugins plugins) {
        Model model = saved.model();
        List<Metric> metrics = new ArrayList<>();
        for (String name : ModelOptions.MULTI_LABEL_METRICS) {
            metrics.add(plugins.mlp().registry().metric(name));
        }
        Evaluation ev = new Evaluator(model.network(), model.trainer().loss(), metrics,
                model.targetScaling()).decideAt(labels.thresholds())
                .evaluate(model.scaled(table.toDataset()));
        out.printf(Locale.ROOT, "%s on %s (%d rows, %d labels)%n", modelFile, data,
                ev.samples(), labels.size());
        for (Map.Entry<String, Double> e : ev.values().entrySet()) {
            out.printf(Locale.ROOT, "  %-16s %.6f%n", e.getKey(), e.getValue());
        }
        double[][] p = model.predict(table.x());
        int k = labels.size();
        double[] decided = new double[p.length * k];
        for (int r = 0; r < p.length; r++) {
            int[] d = labels.decide(p[r]);
            for (int j = 0; j < k; j++) {
                decided[r * k + j] = d[j];
            }
        }
        List<MultiLabelMetrics.LabelCounts> counts = MultiLabelMetrics.perLabel(decided,
                table.targets(), null, p.length, k);
        int w = 5;
        for (String l : labels.labels()) {
            w = Math.max(w, l.length());
        }
        out.println();
        out.printf(Locale.ROOT, "  %-" + w + "s  %9s  %9s  %9s  %9s  %7s%n", "label",
                "threshold", "precision", "recall", "f1", "support");
        double[] t = labels.thresholds();
        for (int j = 0; j < k; j++) {
            MultiLabelMetrics.LabelCounts c = counts.get(j);
            out.printf(Locale.ROOT, "  %-" + w + "s  %9.3f  %9.4f  %9.4f  %9.4f  %7.0f%n",
                    labels.labels().get(j), t[j], c.precision(), c.recall(), c.f1(),
                    c.support());
        }
    }
}
