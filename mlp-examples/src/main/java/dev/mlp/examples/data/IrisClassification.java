package dev.mlp.examples.data;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Iris (Fisher 1936): 150 flowers, 4 measurements, 3 species, read from the CSV shipped in this
 * module's resources. A seeded stratified split holds out 30 flowers (10 per species); a
 * 4-8-3 network (tanh, softmax with cross-entropy, Adam, z-scored inputs) trains on the other
 * 120 and is scored on the held-out 30.
 */
public final class IrisClassification implements Example {

    static final String RESOURCE = "/data/iris.csv";
    static final long SEED = 7;

    @Override
    public String name() {
        return "iris";
    }

    @Override
    public String title() {
        return "Iris classification from CSV, 4-8-3 softmax network, held-out test accuracy";
    }

    /** The parsed data: features, one-hot targets, class names. */
    record Table(double[][] x, double[][] y, List<String> classes) {
    }

    static Table load() {
        InputStream in = IrisClassification.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8))) {
            String header = br.readLine();
            if (header == null) {
                throw new IllegalStateException(RESOURCE + " is empty");
            }
            String line;
            int n = 1;
            while ((line = br.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 5) {
                    throw new IllegalStateException(RESOURCE + " row " + n + ": expected 5 "
                            + "fields, found " + f.length);
                }
                double[] v = new double[4];
                for (int c = 0; c < 4; c++) {
                    try {
                        v[c] = Double.parseDouble(f[c].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(RESOURCE + " row " + n + ", column " + c
                                + ": '" + f[c] + "' is not a number");
                    }
                }
                rows.add(v);
                String label = f[4].trim();
                labels.add(label);
                classes.putIfAbsent(label, classes.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[][] x = rows.toArray(new double[0][]);
        double[][] y = new double[x.length][classes.size()];
        for (int i = 0; i < x.length; i++) {
            y[i][classes.get(labels.get(i))] = 1.0;
        }
        return new Table(x, y, new ArrayList<>(classes.keySet()));
    }

    @Override
    public void run(Report r) {
        Table t = load();
        int k = t.classes().size();
        // stratified split: shuffle each class's rows with the seed, hold out a fifth of each
        SplittableRandom random = new SplittableRandom(SEED);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < t.x().length; i++) {
                if (t.y()[i][c] == 1.0) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer tmp = members.get(i);
                members.set(i, members.get(j));
                members.set(j, tmp);
            }
            int hold = members.size() / 5;
            test.addAll(members.subList(0, hold));
            train.addAll(members.subList(hold, members.size()));
        }
        double[][] xTrain = pick(t.x(), train);
        double[][] yTrain = pick(t.y(), train);
        double[][] xTest = pick(t.x(), test);
        double[][] yTest = pick(t.y(), test);

        Model m = Mlp.builder()
                .inputs(4)
                .layer(8, "tanh")
                .layer(k, "softmax")
                .loss("cross-entropy")
                .optimizer("adam(lr=0.01)")
                .batch("mini-batch(size=16, shuffle=true)")
                .initializer("xavier")
                .inputScaler("z-score")
                .epochs(200)
                .seed(SEED)
                .build();
        long start = System.nanoTime();
        TrainingResult result = m.fit(xTrain, yTrain);
        double ms = (System.nanoTime() - start) / 1e6;
        r.section("data: " + t.x().length + " rows, classes " + t.classes());
        r.value("training rows", train.size());
        r.value("test rows", test.size());
        r.section("training: " + m.specs());
        r.value("loss, epoch 1", result.epochLosses().get(0));
        r.value("loss, epoch " + result.epochs(), result.finalLoss());
        r.value("training time (ms)", ms);
        r.section("held-out evaluation");
        r.value("training accuracy", m.accuracy(xTrain, yTrain));
        r.value("test accuracy", m.accuracy(xTest, yTest));
        r.value("test loss", m.loss(xTest, yTest));
        int[][] confusion = new int[k][k];
        double[][] p = m.predict(xTest);
        for (int i = 0; i < p.length; i++) {
            confusion[Model.argmax(yTest[i])][Model.argmax(p[i])]++;
        }
        r.note("confusion matrix (rows: true class, columns: predicted), classes " + t.classes());
        for (int c = 0; c < k; c++) {
            r.note(String.format("%-12s %s", t.classes().get(c),
                    java.util.Arrays.toString(confusion[c])));
        }
    }

    private static double[][] pick(double[][] m, List<Integer> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = m[rows.get(i)].clone();
        }
        return out;
    }
}
