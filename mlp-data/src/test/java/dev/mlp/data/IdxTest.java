package dev.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    /** Writes an IDX file of unsigned bytes; gzipped if the name ends in .gz. */
    static Path write(Path file, int type, int[] dims, double[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, (byte) type, (byte) dims.length});
        for (int d : dims) {
            out.writeInt(d);
        }
        for (double v : values) {
            switch (type) {
                case Idx.UBYTE, Idx.BYTE -> out.writeByte((int) v);
                case Idx.SHORT -> out.writeShort((int) v);
                case Idx.INT -> out.writeInt((int) v);
                case Idx.FLOAT -> out.writeFloat((float) v);
                default -> out.writeDouble(v);
            }
        }
        try (OutputStream f = Files.newOutputStream(file)) {
            if (file.toString().endsWith(".gz")) {
                try (GZIPOutputStream gz = new GZIPOutputStream(f)) {
                    gz.write(bytes.toByteArray());
                }
            } else {
                f.write(bytes.toByteArray());
            }
        }
        return file;
    }

    /** Three 2x3 "images" and their labels. */
    static final double[] PIXELS = {
        0, 255, 128, 1, 2, 3,
        10, 20, 30, 40, 50, 60,
        255, 255, 255, 0, 0, 0,
    };
    static final double[] LABELS = {2, 0, 2};

    @Test
    void plainAndGzippedFilesReadTheSame() throws IOException {
        for (String suffix : new String[] {"", ".gz"}) {
            Path images = write(dir.resolve("images" + suffix), Idx.UBYTE, new int[] {3, 2, 3},
                    PIXELS);
            Idx.Array a = Idx.read(images);
            assertEquals(Idx.UBYTE, a.type());
            assertArrayEquals(new int[] {3, 2, 3}, a.dimensions());
            assertEquals(3, a.items());
            assertEquals(6, a.itemSize());
            assertArrayEquals(PIXELS, a.values());
        }
    }

    @Test
    void everyValueTypeIsRead() throws IOException {
        double[] small = {-5, 0, 7, 100};
        for (int type : new int[] {Idx.BYTE, Idx.SHORT, Idx.INT, Idx.FLOAT, Idx.DOUBLE}) {
            Path f = write(dir.resolve("t" + type), type, new int[] {4}, small);
            assertArrayEquals(small, Idx.read(f).values(), "type " + type);
        }
        Path d = write(dir.resolve("pi"), Idx.DOUBLE, new int[] {1}, new double[] {Math.PI});
        assertEquals(Math.PI, Idx.read(d).values()[0]);
    }

    @Test
    void imagesAndLabelsMakeAScaledOneHotTable() throws IOException {
        Path images = write(dir.resolve("img.gz"), Idx.UBYTE, new int[] {3, 2, 3}, PIXELS);
        Path labels = write(dir.resolve("lab"), Idx.UBYTE, new int[] {3}, LABELS);
        DataTable t = Idx.classification(images, labels, true, List.of());
        assertEquals(List.of("0", "1", "2"), t.classNames());
        assertEquals(6, t.inputs());
        assertEquals("pixel5", t.featureNames().get(5));
        assertArrayEquals(new int[] {2, 0, 2}, t.labels());
        assertArrayEquals(new double[] {0, 0, 1}, t.y()[0]);
        double[] scaled = Arrays.stream(PIXELS).map(v -> v / 255).toArray();
        assertArrayEquals(scaled, t.features());
        assertEquals(1.0, t.x()[2][0]);
        DataTable named = Idx.classification(images, labels, false,
                List.of("cat", "dog", "bird", "fish"));
        assertEquals(4, named.outputs());
        assertEquals(255.0, named.x()[0][1]);
    }

    @Test
    void badFilesAreRefusedWithTheirNames() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello world");
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(text));
        assertEquals(text + " is not an IDX file: it starts with 68 65 6C 6C, not 00 00 <type "
                + "08, 09, 0B, 0C, 0D or 0E> <dimensions>", e.getMessage());
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals(empty + " is empty, not an IDX file",
                assertThrows(IllegalArgumentException.class, () -> Idx.read(empty))
                        .getMessage());
        Path full = write(dir.resolve("full"), Idx.UBYTE, new int[] {3, 2, 3}, PIXELS);
        byte[] b = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(b, b.length - 4));
        var t = assertThrows(IllegalArgumentException.class, () -> Idx.read(cut));
        assertEquals(cut + " is truncated: it ends after 14 of its 18 values (dimensions "
                + "[3, 2, 3])", t.getMessage());
        Path labels = write(dir.resolve("two-labels"), Idx.UBYTE, new int[] {2},
                new double[] {0, 1});
        var m = assertThrows(IllegalArgumentException.class,
                () -> Idx.classification(full, labels, true, List.of()));
        assertTrue(m.getMessage().contains("holds 3 images, but"), m.getMessage());
        Path three = write(dir.resolve("labels3"), Idx.UBYTE, new int[] {3}, LABELS);
        var names = assertThrows(IllegalArgumentException.class,
                () -> Idx.classification(full, three, true, List.of("a", "b")));
        assertTrue(names.getMessage().contains("has label 2, but only 2 class names"),
                names.getMessage());
    }
}
