package dev.mlp.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of the MNIST and Fashion-MNIST data sets: two zero bytes, a type
 * byte, the number of dimensions, each dimension as a big-endian 32-bit integer, then the values
 * in row-major order. Gzipped files are recognized by their first two bytes and read as they are.
 * All six IDX value types are read (unsigned and signed byte, 16- and 32-bit integers, 32- and
 * 64-bit floats).
 *
 * <pre>{@code
 * DataTable train = Idx.classification(Path.of("train-images-idx3-ubyte.gz"),
 *         Path.of("train-labels-idx1-ubyte.gz"), true, List.of());
 * }</pre>
 */
public final class Idx {

    private Idx() {
    }

    /** The IDX type codes. */
    static final int UBYTE = 0x08;
    static final int BYTE = 0x09;
    static final int SHORT = 0x0B;
    static final int INT = 0x0C;
    static final int FLOAT = 0x0D;
    static final int DOUBLE = 0x0E;

    /**
     * The content of an IDX file.
     *
     * @param type the IDX type code ({@code 0x08} unsigned byte, ..., {@code 0x0E} double)
     * @param dimensions the size of each dimension, outermost first
     * @param values every value, row-major (not copied: do not modify)
     */
    public record Array(int type, int[] dimensions, double[] values) {

        /** @return the size of the first dimension (the number of items) */
        public int items() {
            return dimensions.length == 0 ? 1 : dimensions[0];
        }

        /** @return the number of values per item (the product of the other dimensions) */
        public int itemSize() {
            int n = 1;
            for (int d = 1; d < dimensions.length; d++) {
                n *= dimensions[d];
            }
            return n;
        }
    }

    /**
     * Reads an IDX file, gzipped or not.
     *
     * @param file the file
     * @return its type, dimensions and values
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not an IDX file or ends early, naming the file
     */
    public static Array read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b
                    ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(new DataInputStream(in), file.toString());
        }
    }

    private static Array read(DataInputStream in, String source) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got == 0) {
            throw new IllegalArgumentException(source + " is empty, not an IDX file");
        }
        int type = Byte.toUnsignedInt(magic[2]);
        int dims = Byte.toUnsignedInt(magic[3]);
        if (got < 4 || magic[0] != 0 || magic[1] != 0 || size(type) == 0) {
            throw new IllegalArgumentException(source + " is not an IDX file: it starts with "
                    + hex(magic, got) + ", not 00 00 <type 08, 09, 0B, 0C, 0D or 0E> <dimensions>");
        }
        int[] shape = new int[dims];
        long count = 1;
        try {
            for (int d = 0; d < dims; d++) {
                shape[d] = in.readInt();
                if (shape[d] < 0) {
                    throw new IllegalArgumentException(source + ": dimension " + d
                            + " has negative size " + shape[d]);
                }
                count *= shape[d];
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(source + " ends inside its header");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + " holds " + count + " values, more than "
                    + "one array can hold");
        }
        double[] values = new double[(int) count];
        int size = size(type);
        byte[] buf = new byte[1 << 16];
        int i = 0;
        while (i < values.length) {
            int want = Math.min(buf.length / size, values.length - i) * size;
            int n = in.readNBytes(buf, 0, want);
            if (n < want) {
                throw new IllegalArgumentException(source + " is truncated: it ends after "
                        + (i + n / size) + " of its " + count + " values (dimensions "
                        + Arrays.toString(shape) + ")");
            }
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf, 0, n);
            for (int j = 0; j < n / size; j++) {
                values[i++] = switch (type) {
                    case UBYTE -> Byte.toUnsignedInt(bb.get());
                    case BYTE -> bb.get();
                    case SHORT -> bb.getShort();
                    case INT -> bb.getInt();
                    case FLOAT -> bb.getFloat();
                    default -> bb.getDouble();
                };
            }
        }
        if (in.read() != -1) {
            throw new IllegalArgumentException(source + " has data after its " + count
                    + " values (dimensions " + Arrays.toString(shape) + ")");
        }
        return new Array(type, shape, values);
    }

    private static int size(int type) {
        return switch (type) {
            case UBYTE, BYTE -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case DOUBLE -> 8;
            default -> 0;
        };
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", b[i]));
        }
        return sb.toString();
    }

    /**
     * Reads an image file and its label file into a classification table: each image flattened
     * to one row of features (named {@code "pixel0"}, {@code "pixel1"}, ...), each label one-hot.
     *
     * @param images an IDX file of {@code n x ...} values (for MNIST, {@code n x 28 x 28}
     *        unsigned bytes)
     * @param labels an IDX file of {@code n} integer labels from 0
     * @param scale whether to divide unsigned-byte values by 255, to [0, 1]
     * @param classNames a name per label value; empty to name the classes {@code "0"},
     *        {@code "1"}, ... up to the largest label
     * @return the table
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the files do not fit together
     */
    public static DataTable classification(Path images, Path labels, boolean scale,
                                           List<String> classNames) throws IOException {
        Array x = read(images);
        Array y = read(labels);
        if (x.dimensions().length < 1) {
            throw new IllegalArgumentException(images + " holds a single value, not images");
        }
        if (y.dimensions().length != 1) {
            throw new IllegalArgumentException(labels + " must hold one label per image (1 "
                    + "dimension), found dimensions " + Arrays.toString(y.dimensions()));
        }
        if (x.items() != y.items()) {
            throw new IllegalArgumentException(images + " holds " + x.items() + " images, but "
                    + labels + " holds " + y.items() + " labels");
        }
        if (scale) {
            if (x.type() != UBYTE) {
                throw new IllegalArgumentException("scaling to [0, 1] divides unsigned bytes by "
                        + "255, but " + images + " holds type 0x"
                        + Integer.toHexString(x.type()));
            }
            double[] v = x.values();
            for (int i = 0; i < v.length; i++) {
                v[i] /= 255.0;
            }
        }
        int[] l = new int[y.items()];
        int max = -1;
        for (int i = 0; i < l.length; i++) {
            double v = y.values()[i];
            if (v != Math.rint(v) || v < 0) {
                throw new IllegalArgumentException(labels + ": label " + i + " is " + v
                        + ", not a class index 0, 1, 2, ...");
            }
            l[i] = (int) v;
            max = Math.max(max, l[i]);
        }
        List<String> names = new ArrayList<>(classNames);
        if (names.isEmpty()) {
            for (int c = 0; c <= max; c++) {
                names.add(Integer.toString(c));
            }
        } else if (max >= names.size()) {
            throw new IllegalArgumentException(labels + " has label " + max + ", but only "
                    + names.size() + " class names were given");
        }
        int width = x.itemSize();
        List<String> pixels = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            pixels.add("pixel" + i);
        }
        return DataTable.classification(images.toString(), x.values(), pixels,
                labels.getFileName().toString(), l, names);
    }
}
