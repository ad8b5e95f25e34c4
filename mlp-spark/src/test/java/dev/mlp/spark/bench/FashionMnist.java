package dev.mlp.spark.bench;

import dev.mlp.core.Dataset;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads Fashion-MNIST's gzipped IDX files (the Debian package {@code dataset-fashion-mnist}
 * installs them in {@value #DEFAULT_DIR}): pixels scaled to [0, 1], one-hot labels.
 */
final class FashionMnist {

    /** Where the Debian package puts the files. */
    static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";

    private FashionMnist() {
    }

    /**
     * @param dir the directory of the four {@code .gz} files
     * @return whether the training and test files are all there
     */
    static boolean present(Path dir) {
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            if (!Files.exists(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the first {@code rows} images and labels of one part.
     *
     * @param dir the directory of the files
     * @param part {@code "train"} or {@code "t10k"}
     * @param rows how many, at most the part's size
     * @return the samples
     * @throws IOException if a file is missing, damaged or too short
     */
    static Dataset read(Path dir, String part, int rows) throws IOException {
        Path images = dir.resolve(part + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(part + "-labels-idx1-ubyte.gz");
        double[] x = new double[rows * 784];
        double[] y = new double[rows * 10];
        try (DataInputStream in = idx(images, 2051, rows)) {
            int h = in.readInt();
            int w = in.readInt();
            if (h * w != 784) {
                throw new IOException(images + ": images must be 28x28, found " + h + "x" + w);
            }
            byte[] pixels = new byte[784];
            for (int i = 0; i < rows; i++) {
                in.readFully(pixels);
                for (int j = 0; j < 784; j++) {
                    x[i * 784 + j] = (pixels[j] & 0xff) / 255.0;
                }
            }
        }
        try (DataInputStream in = idx(labels, 2049, rows)) {
            for (int i = 0; i < rows; i++) {
                int label = in.readUnsignedByte();
                if (label > 9) {
                    throw new IOException(labels + ": label " + i + " is " + label);
                }
                y[i * 10 + label] = 1;
            }
        }
        return new Dataset(x, y, rows, 784, 10);
    }

    private static DataInputStream idx(Path file, int magic, int rows) throws IOException {
        InputStream raw = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(raw);
        int m = in.readInt();
        int n = in.readInt();
        if (m != magic) {
            in.close();
            throw new IOException(file + ": magic number must be " + magic + ", found " + m);
        }
        if (n < rows) {
            in.close();
            throw new IOException(file + ": has " + n + " items, " + rows + " requested");
        }
        return in;
    }
}
