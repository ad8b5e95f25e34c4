package dev.mlp.spark.bench;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.spark.NetworkSpec;
import dev.mlp.spark.SparkTrainer;
import dev.mlp.spark.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The wall time of one full-batch {@link SparkTrainer} step against the model's size and the
 * number of partitions, on any master: {@code local[N]} or a standalone cluster
 * ({@code spark://host:port}, as {@code mlp-spark/scaling/run.sh} starts one). Not a test: run
 * it by hand.
 *
 * <p>The network is {@code inputs-hidden-10} (sigmoid, softmax, cross-entropy,
 * {@code sgd(lr=0.01)}) on seeded random rows, cut by {@code TrainingData.parallelize} into the
 * given partitions. Each configuration runs {@code warmup} untimed steps, then {@code steps}
 * timed ones; the table gives the median step, the parameters, the bytes a step moves (the
 * weights to every partition and a gradient back from each: {@code 2 × partitions × 8 ×
 * parameters}) and the multiply-adds of a step ({@code 3 × rows × parameters}, forward pass,
 * weight gradients and the back-propagated deltas).
 *
 * <p>Arguments (all optional): {@code master=local[2] rows=4000 inputs=784 hidden=16,128,512
 * partitions=1,2,4 steps=10 warmup=3 blockSize=256 timings=false}; {@code timings=true} logs
 * each step's breakdown ({@code SparkTrainer} at DEBUG: broadcast, job, slowest task, merging
 * on the driver) to standard error. Other {@code spark.*} settings (for a
 * cluster: {@code spark.executor.extraClassPath}, {@code spark.cores.max}...) are taken from
 * system properties, as {@code SparkConf} does.
 */
public final class StepTime {

    private StepTime() {
    }

    /**
     * @param args {@code key=value} options
     */
    public static void main(String[] args) {
        String master = "local[2]";
        int rows = 4000;
        int inputs = 784;
        int[] hidden = {16, 128, 512};
        int[] partitions = {1, 2, 4};
        int steps = 10;
        int warmup = 3;
        int blockSize = 256;
        boolean timings = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("options are key=value, found '" + a + "'");
            }
            switch (kv[0]) {
                case "master" -> master = kv[1];
                case "rows" -> rows = Integer.parseInt(kv[1]);
                case "inputs" -> inputs = Integer.parseInt(kv[1]);
                case "hidden" -> hidden = ints(kv[1]);
                case "partitions" -> partitions = ints(kv[1]);
                case "steps" -> steps = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "blockSize" -> blockSize = Integer.parseInt(kv[1]);
                case "timings" -> timings = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; known: master, rows, inputs, hidden, partitions, steps, warmup, "
                        + "blockSize, timings");
            }
        }
        SparkConf conf = new SparkConf().setMaster(master).setAppName("mlp-spark-step-time")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.locality.wait", "0");
        Dataset data = randomRows(rows, inputs, 10, 1);
        List<String> lines = new ArrayList<>();
        lines.add("| hidden | parameters | partitions | rows per partition | MB moved per step "
                + "| multiply-adds per step (G) | s per step (median) |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            if (timings) {
                org.apache.logging.log4j.core.config.Configurator.setLevel(
                        SparkTrainer.class.getName(), org.apache.logging.log4j.Level.DEBUG);
                sc.sc().addSparkListener(new TaskTimes());
            }
            System.out.printf(Locale.ROOT, "master %s, %d rows, %d inputs, %d executors' cores%n",
                    master, rows, inputs, sc.defaultParallelism());
            for (int h : hidden) {
                NetworkSpec spec = new NetworkSpec(inputs, List.of(h, 10),
                        List.of("sigmoid", "softmax"), "cross-entropy");
                long params = spec.parameterCount();
                for (int p : partitions) {
                    double seconds = median(sc, spec, data, p, blockSize, warmup, steps);
                    String line = String.format(Locale.ROOT, "| %d | %d | %d | %d | %.2f | %.3f "
                            + "| %.4f |", h, params, p, rows / p, 2.0 * p * 8 * params / 1e6,
                            3.0 * rows * params / 1e9, seconds);
                    System.out.println(line);
                    lines.add(line);
                }
            }
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static double median(JavaSparkContext sc, NetworkSpec spec, Dataset data,
                                 int partitions, int blockSize, int warmup, int steps) {
        List<Long> ends = new ArrayList<>();
        TrainingListener clock = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                ends.add(System.nanoTime());
            }
        };
        Network network = spec.network();
        network.initialize(Mlp.standard().registry().initializer("xavier"),
                new SplittableRandom(1));
        try (TrainingData d = TrainingData.parallelize(sc, data, partitions, blockSize)) {
            d.rows(); // packed and cached before timing
            ends.add(System.nanoTime());
            new SparkTrainer(spec, "sgd(lr=0.01)", "full-batch", warmup + steps, 1, 2,
                    List.of(clock)).train(sc, network, d);
        }
        double[] step = new double[steps];
        for (int i = 0; i < steps; i++) {
            step[i] = (ends.get(warmup + i + 1) - ends.get(warmup + i)) / 1e9;
        }
        Arrays.sort(step);
        return steps % 2 == 1 ? step[steps / 2] : (step[steps / 2 - 1] + step[steps / 2]) / 2;
    }

    /**
     * Prints each task's times as Spark's task metrics give them, relative to its job: from the
     * job's start to the task's launch, deserializing the task, running it, serializing its
     * result (and the result's size), garbage collection, and from the task's end to the job's.
     */
    private static final class TaskTimes extends org.apache.spark.scheduler.SparkListener {
        private final java.util.Map<Integer, Long> jobStartByStage =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Integer, Integer> jobByStage =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Integer, List<String>> tasksByJob =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Integer, List<Long>> finishesByJob =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) {
            for (Object id : scala.collection.JavaConverters.seqAsJavaListConverter(
                    e.stageIds()).asJava()) {
                jobStartByStage.put((Integer) id, e.time());
                jobByStage.put((Integer) id, e.jobId());
            }
        }

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd e) {
            var info = e.taskInfo();
            var m = e.taskMetrics();
            Long start = jobStartByStage.get(e.stageId());
            Integer job = jobByStage.get(e.stageId());
            if (start == null || m == null) {
                return;
            }
            tasksByJob.computeIfAbsent(job, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(String.format(Locale.ROOT, "launch +%d ms, deserialize %d ms, run %d "
                            + "ms, result serialization %d ms (%d KB), gc %d ms",
                            info.launchTime() - start, m.executorDeserializeTime(),
                            m.executorRunTime(), m.resultSerializationTime(),
                            m.resultSize() / 1024, m.jvmGCTime()));
            finishesByJob.computeIfAbsent(job,
                    k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(info.finishTime());
        }

        @Override
        public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd e) {
            List<Long> ends = finishesByJob.getOrDefault(e.jobId(), List.of());
            long last = ends.stream().mapToLong(Long::longValue).max().orElse(e.time());
            System.err.printf(Locale.ROOT, "spark job %d: last task ended %d ms before the job; "
                    + "tasks: %s%n", e.jobId(), e.time() - last,
                    tasksByJob.getOrDefault(e.jobId(), List.of()));
        }
    }

    private static Dataset randomRows(int rows, int inputs, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[rows * inputs];
        double[] y = new double[rows * classes];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        for (int i = 0; i < rows; i++) {
            y[i * classes + r.nextInt(classes)] = 1;
        }
        return new Dataset(x, y, rows, inputs, classes);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.strip()))
                .toArray();
    }
}
