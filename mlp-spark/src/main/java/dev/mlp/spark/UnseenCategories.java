package dev.mlp.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, per raw input column, the cells of transformed rows whose category training never
 * saw (those an encoder with {@code unseen=ignore} encodes neutrally), with one Spark
 * accumulator per categorical column, and reports them on the driver: when a stage that
 * encoded such cells completes, one warning line gives the count of each column.
 *
 * <p>The counts are of the cells the executors encoded: an action that computes a transformed
 * dataset twice (or a task that is retried) counts its rows again, as Spark's accumulators in
 * transformations do.
 */
final class UnseenCategories implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(UnseenCategories.class);

    /** The name of each accumulator: this, then the column's name. */
    static final String PREFIX = "mlp: cells of a category not seen in training, column ";

    /** The Spark contexts the reporting listener is installed on. */
    private static final Set<SparkContext> LISTENING = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private final Map<String, LongAccumulator> counters;

    private UnseenCategories(Map<String, LongAccumulator> counters) {
        this.counters = counters;
    }

    /**
     * Registers one accumulator per categorical column, and the listener that reports them.
     *
     * @param sc the Spark context of the transform
     * @param columns the categorical raw columns
     * @return the counters
     */
    static UnseenCategories register(SparkContext sc, List<String> columns) {
        Map<String, LongAccumulator> counters = new LinkedHashMap<>();
        for (String c : columns) {
            counters.put(c, sc.longAccumulator(PREFIX + "'" + c + "'"));
        }
        if (LISTENING.add(sc)) {
            sc.addSparkListener(new Report());
        }
        return new UnseenCategories(counters);
    }

    /**
     * Adds the unseen cells of encoded rows; runs on the executors.
     *
     * @param unseen the count per column name
     */
    void add(Map<String, Integer> unseen) {
        for (Map.Entry<String, Integer> e : unseen.entrySet()) {
            LongAccumulator a = counters.get(e.getKey());
            if (a != null) {
                a.add(e.getValue());
            }
        }
    }

    /** @return the cells counted so far per categorical column, in column order */
    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, LongAccumulator> e : counters.entrySet()) {
            out.put(e.getKey(), e.getValue().value());
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the columns counted */
    Set<String> columns() {
        return counters.keySet();
    }

    /** Sums the counters' updates of each stage's tasks and logs them when it completes. */
    private static final class Report extends SparkListener {
        private final Map<Integer, Map<String, Long>> byStage = new ConcurrentHashMap<>();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo() == null) {
                return;
            }
            scala.collection.Iterator<AccumulableInfo> it = end.taskInfo().accumulables()
                    .iterator();
            while (it.hasNext()) {
                AccumulableInfo a = it.next();
                if (a.name().isEmpty() || a.update().isEmpty()
                        || !a.name().get().startsWith(PREFIX)
                        || !(a.update().get() instanceof Long n) || n == 0) {
                    continue;
                }
                String column = a.name().get().substring(PREFIX.length());
                byStage.computeIfAbsent(end.stageId(), k -> new ConcurrentHashMap<>())
                        .merge(column, n, Long::sum);
            }
        }

        @Override
        public void onStageCompleted(SparkListenerStageCompleted completed) {
            Map<String, Long> counts = byStage.remove(completed.stageInfo().stageId());
            if (counts == null || counts.isEmpty()) {
                return;
            }
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
                line.append(line.length() == 0 ? "" : ", ").append(e.getValue())
                        .append(e.getValue() == 1 ? " cell" : " cells").append(" in column ")
                        .append(e.getKey());
            }
            LOG.warn("SparkMlpModel.transform (stage {}): {} held a category not seen in "
                    + "training, encoded neutrally (the encoder's unseen=ignore policy); to "
                    + "refuse such rows instead, fit with an encoder with unseen=error, such as "
                    + "one-hot(unseen=error)",
                    completed.stageInfo().stageId(), line);
        }
    }
}
