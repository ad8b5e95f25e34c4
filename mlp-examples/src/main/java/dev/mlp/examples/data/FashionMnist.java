package dev.mlp.examples.data;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelMetadata;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.data.DataTable;
import dev.mlp.data.Idx;
import dev.mlp.examples.DataUnavailableException;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 70,000 grey 28x28 images of clothing in 10
 * classes, 60,000 to train and 10,000 to test, read from the IDX files of the Debian package
 * {@code dataset-fashion-mnist}. A 784-256-128-10 network (ReLU, softmax with cross-entropy, He
 * initialization, Adam, mini-batches of 128) trains for a few epochs, printing the time of each,
 * and is scored on the 10,000 test images.
 *
 * <p>The files are looked for in the directory named by the system property
 * {@value #DIR_PROPERTY}, else in {@value #DEFAULT_DIR}. Without them the example says how to
 * install them and {@link dev.mlp.examples.Main} exits with code 2. The system property
 * {@value #EPOCHS_PROPERTY} changes the number of epochs; {@value #SAVE_PROPERTY} names a file to
 * save the trained model to.
 */
public final class FashionMnist implements Example {

    /** Where the Debian package installs the files. */
    public static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";
    /** The system property naming another directory. */
    public static final String DIR_PROPERTY = "mlp.fashion-mnist.dir";
    /** The system property giving the number of epochs. */
    public static final String EPOCHS_PROPERTY = "mlp.fashion-mnist.epochs";
    /** The system property naming a file to save the trained model to. */
    public static final String SAVE_PROPERTY = "mlp.fashion-mnist.save";
    /** The default number of epochs. */
    public static final int DEFAULT_EPOCHS = 12;

    /** The ten classes, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final Path dir;
    private final int epochs;
    private final Path save;

    /** Uses the system properties, or the defaults. */
    public FashionMnist() {
        this(Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR)),
                Integer.getInteger(EPOCHS_PROPERTY, DEFAULT_EPOCHS),
                System.getProperty(SAVE_PROPERTY) == null ? null
                        : Path.of(System.getProperty(SAVE_PROPERTY)));
    }

    /**
     * @param dir the directory holding the four IDX files
     * @param epochs the number of epochs, at least 1
     * @param save where to save the trained model, or {@code null}
     */
    public FashionMnist(Path dir, int epochs, Path save) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
        }
        this.dir = dir;
        this.epochs = epochs;
        this.save = save;
    }

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String title() {
        return "Fashion-MNIST, 784-256-128-10 ReLU network, test accuracy (needs the "
                + "dataset-fashion-mnist package)";
    }

    /**
     * Finds one of the data set's files, gzipped or not.
     *
     * @param dir the directory
     * @param stem the file name without {@code .gz}
     * @return the file
     * @throws DataUnavailableException if neither form is there
     */
    static Path find(Path dir, String stem) {
        for (String name : new String[] {stem + ".gz", stem}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DataUnavailableException("Fashion-MNIST is not installed: " + dir.resolve(stem)
                + "[.gz] is missing.\nInstall the Debian package with\n"
                + "    sudo apt-get install dataset-fashion-mnist\n"
                + "or put the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, gzipped or not) in a "
                + "directory and run with -D" + DIR_PROPERTY + "=<directory>.");
    }

    @Override
    public void run(Report r) {
        Path trainImages = find(dir, "train-images-idx3-ubyte");
        Path trainLabels = find(dir, "train-labels-idx1-ubyte");
        Path testImages = find(dir, "t10k-images-idx3-ubyte");
        Path testLabels = find(dir, "t10k-labels-idx1-ubyte");
        DataTable train;
        DataTable test;
        long start = System.nanoTime();
        try {
            train = Idx.classification(trainImages, trainLabels, true, CLASSES);
            test = Idx.classification(testImages, testLabels, true, CLASSES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.section("data from " + dir);
        r.value("training images", train.rows());
        r.value("test images", test.rows());
        r.value("pixels per image", train.inputs());
        r.value("load time (s)", (System.nanoTime() - start) / 1e9);

        List<Double> seconds = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            private long last;

            @Override
            public void runStarted(RunStart event) {
                last = System.nanoTime();
            }

            @Override
            public void epochFinished(EpochEnd event) {
                long now = System.nanoTime();
                double s = (now - last) / 1e9;
                last = now;
                seconds.add(s);
                r.note(String.format(Locale.ROOT, "epoch %2d  loss %.4f  %.1f s", event.epoch(),
                        event.loss(), s));
            }
        };
        Model m = Mlp.builder()
                .inputs(train.inputs())
                .layer(256, "relu")
                .layer(128, "relu")
                .layer(CLASSES.size(), "softmax")
                .loss("cross-entropy")
                .optimizer("adam(lr=0.001)")
                .batch("mini-batch(size=128)")
                .initializer("he")
                .epochs(epochs)
                .seed(1)
                .listener(timer)
                .build();
        m.classNames(CLASSES);
        r.section("training " + m.network() + ", " + m.specs());
        TrainingResult result = m.fit(train.toDataset());
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        r.value("epochs", result.epochs());
        r.value("final training loss", result.finalLoss());
        r.value("mean time per epoch (s)", mean);

        r.section("test set");
        double[][] x = test.x();
        double[][] y = test.y();
        double accuracy = m.accuracy(x, y);
        r.value("test accuracy", accuracy);
        int[][] confusion = new int[CLASSES.size()][CLASSES.size()];
        double[][] p = m.predict(x);
        for (int i = 0; i < p.length; i++) {
            confusion[Model.argmax(y[i])][Model.argmax(p[i])]++;
        }
        r.note("per-class accuracy:");
        for (int c = 0; c < CLASSES.size(); c++) {
            int total = 0;
            for (int v : confusion[c]) {
                total += v;
            }
            r.note(String.format(Locale.ROOT, "  %-12s %5.1f%%", CLASSES.get(c),
                    total == 0 ? Double.NaN : 100.0 * confusion[c][c] / total));
        }
        if (save != null) {
            try {
                ModelFile.save(m, save, ModelMetadata.columns(train.featureNames(),
                        List.of("label")).withMetric("test accuracy", accuracy));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            r.note("saved the model to " + save);
        }
    }
}
