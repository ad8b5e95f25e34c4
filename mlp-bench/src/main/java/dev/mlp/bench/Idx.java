package dev.mlp.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader for the gzip-compressed IDX files of MNIST and Fashion-MNIST, enough for the
 * benchmarks: unsigned-byte images and labels.
 */
final class Idx {

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    private Idx() {
    }

    /**
     * Reads images, scaled from {@code 0..255} to {@code [0, 1]}.
     *
     * @param file an {@code *-images-idx3-ubyte.gz} file
     * @return one row of {@code rows x cols} pixels per image
     * @throws IOException if the file cannot be read or is not an IDX image file
     */
    static double[][] images(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES) {
                throw new IOException(file + ": not an IDX image file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x803)");
            }
            int count = in.readInt();
            int pixels = in.readInt() * in.readInt();
            byte[] buffer = new byte[pixels];
            double[][] out = new double[count][pixels];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < pixels; p++) {
                    out[i][p] = (buffer[p] & 0xff) / 255.0;
                }
            }
            return out;
        }
    }

    /**
     * Reads labels.
     *
     * @param file an {@code *-labels-idx1-ubyte.gz} file
     * @return one label per sample
     * @throws IOException if the file cannot be read or is not an IDX label file
     */
    static int[] labels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS) {
                throw new IOException(file + ": not an IDX label file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x801)");
            }
            int count = in.readInt();
            byte[] buffer = new byte[count];
            in.readFully(buffer);
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = buffer[i] & 0xff;
            }
            return out;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }
}
