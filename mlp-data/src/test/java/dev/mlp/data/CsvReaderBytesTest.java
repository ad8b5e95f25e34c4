package dev.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading bytes: decoding errors, compressed files, streaming over block ends, progress. */
class CsvReaderBytesTest {

    @TempDir
    Path dir;

    private static final String FLOWERS = "sepal,petal,species\n5.1,1.4,setosa\n"
            + "7.0,4.7,versicolor\n6.3,6.0,virginica\n";

    private static String error(CsvReader r, byte[] bytes) {
        return assertThrows(IllegalArgumentException.class,
                () -> r.read(new ByteArrayInputStream(bytes), "data.csv")).getMessage();
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void latin1TextNamesLineByteAndWhatToDo() throws IOException {
        byte[] latin1 = "x,city\n1,Bonn\n2,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("data.csv: line 3 (byte offset 17) is not UTF-8 text, and CSV files are "
                + "read as UTF-8: if this is a spreadsheet or a binary file, export the data as "
                + "CSV; if it is text in another encoding such as Latin-1, convert it first (for "
                + "example iconv -f latin1 -t utf-8 in.csv > out.csv)",
                error(CsvReader.builder().classTarget("city").build(), latin1));
        DataTable t = CsvReader.builder().charset(StandardCharsets.ISO_8859_1).classTarget("city")
                .build().read(new ByteArrayInputStream(latin1), "data.csv");
        assertEquals(List.of("Bonn", "M\u00fcnchen"), t.classNames());
        // a multi-byte sequence cut short at the end of the file
        byte[] cut = Arrays.copyOf("a\n\u00e9".getBytes(StandardCharsets.UTF_8), 3);
        assertTrue(error(CsvReader.builder().build(), cut)
                .startsWith("data.csv: line 2 (byte offset 2) is not UTF-8 text"));
    }

    @Test
    void binaryAndCompressedFilesAreRecognized() throws IOException {
        assertEquals("data.csv: line 2 (byte offset 6) holds a NUL byte, so this is a binary "
                + "file, not CSV text: export the data as CSV (UTF-8 text)",
                error(CsvReader.builder().build(), "a,b\n1,\0\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("data.csv is a ZIP archive, not CSV text: extract the CSV file from it and "
                + "read that", error(CsvReader.builder().build(),
                new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}));
        assertEquals("data.csv is xz-compressed: decompress it first (xz -d); gzip-compressed "
                + "files are read as they are", error(CsvReader.builder().build(),
                new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1}));
        assertEquals("data.csv is UTF-16 text (it starts with a UTF-16 byte order mark), but "
                + "CSV files are read as UTF-8: save it as UTF-8", error(CsvReader.builder()
                .build(), "\ufeffa,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE)));
        byte[] gz = gzip(FLOWERS.getBytes(StandardCharsets.UTF_8));
        String damaged = error(CsvReader.builder().classTarget("species").build(),
                Arrays.copyOf(gz, gz.length - 12));
        assertTrue(damaged.startsWith("data.csv is gzip-compressed, but its compressed data is "
                + "damaged or cut short ("), damaged);
    }

    @Test
    void gzipFilesAreReadAsTheyAre() throws IOException {
        Path plain = dir.resolve("flowers.csv");
        Path packed = dir.resolve("flowers.csv.gz");
        Files.writeString(plain, FLOWERS, StandardCharsets.UTF_8);
        Files.write(packed, gzip(FLOWERS.getBytes(StandardCharsets.UTF_8)));
        CsvReader r = CsvReader.builder().classTarget("species").build();
        DataTable a = r.read(plain);
        DataTable b = r.read(packed);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(packed + ": 3 rows, 2 features, 3 classes (setosa, versicolor, virginica)",
                b.toString());
    }

    /** Text of many blocks with multi-byte characters, quoted line breaks and odd numbers. */
    private static String longText(int rows) {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("\ufeff\"x\u00e9\",y,\"la\nbel\"\r\n");
        for (int i = 0; i < rows; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30));
            String x = switch (i % 5) {
                case 0 -> Double.toString(v);
                case 1 -> String.format(Locale.ROOT, "%.3f", v);
                case 2 -> String.format(Locale.ROOT, "%.17e", v);
                case 3 -> " " + random.nextInt(-1000, 1000) + " ";
                default -> "\"" + String.format(Locale.ROOT, "%.8g", v) + "\"";
            };
            String label = i % 7 == 0 ? "\"\u00fc\nber\"" : i % 3 == 0 ? "\u65e5\u672c" : "b";
            sb.append(x).append(',').append(random.nextInt(100)).append('.')
                    .append(random.nextInt(100)).append(',').append(label)
                    .append(i % 2 == 0 ? "\n" : "\r\n");
            if (i % 1000 == 0) {
                sb.append("\n  \n");
            }
        }
        return sb.toString();
    }

    @Test
    void bytesAndTextAcrossManyBlocksGiveTheJdkValues() throws IOException {
        int rows = 30_000;
        String text = longText(rows);
        CsvReader r = CsvReader.builder().classTarget("la\nbel").build();
        DataTable fromBytes = r.read(new ByteArrayInputStream(text.getBytes(
                StandardCharsets.UTF_8)), "data.csv");
        DataTable fromText = r.read(new StringReader(text), "data.csv");
        assertEquals(rows, fromBytes.rows());
        assertEquals(List.of("x\u00e9", "y"), fromBytes.featureNames());
        assertEquals(List.of("\u00fc\nber", "b", "\u65e5\u672c"), fromBytes.classNames());
        assertArrayEquals(fromText.features(), fromBytes.features());
        assertArrayEquals(fromText.labels(), fromBytes.labels());
        // each value is what Double.parseDouble makes of the cell
        List<String> cells = new ArrayList<>();
        for (String line : text.substring(text.indexOf("\r\n") + 2).split("\r?\n")) {
            if (!line.isBlank() && Character.isDigit(line.strip().replace("\"", "")
                    .replace("-", "").charAt(0))) {
                String[] f = line.split(",");
                cells.add(f[0].strip().replace("\"", ""));
                cells.add(f[1]);
            }
        }
        assertEquals(2 * rows, cells.size());
        double[] expected = new double[cells.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Double.parseDouble(cells.get(i));
        }
        assertArrayEquals(expected, fromBytes.features());
    }

    @Test
    void numbersMatchTheGrammarAndTheJdkBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "0123456789012345678901234567890123456789.eE+-x ";
        for (int n = 0; n < 40_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(1, 26);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            double expected = CsvReader.isNumber(s) ? Double.parseDouble(s) : Double.NaN;
            double actual = Numbers.parse(s.toCharArray(), 0, s.length());
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                    s);
        }
        for (int n = 0; n < 10_000; n++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            for (String s : new String[] {Double.toString(v), String.format(Locale.ROOT,
                    "%." + random.nextInt(18) + "f", v % 1e6), String.format(Locale.ROOT,
                    "%." + random.nextInt(20) + "e", v)}) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                        Double.doubleToRawLongBits(Numbers.parse(s.toCharArray(), 0,
                                s.length())), s);
            }
        }
    }

    @Test
    void progressHearsRowsAndBytesUpToTheEnd() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(',').append(i % 3).append('\n');
        }
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        List<long[]> calls = new ArrayList<>();
        DataTable t = CsvReader.builder().numericTargets("b")
                .progress((read, total, rows, done) -> calls.add(new long[] {read, total, rows,
                    done ? 1 : 0}))
                .build().read(f);
        assertEquals(20_000, t.rows());
        assertEquals(3, calls.size());
        assertEquals(8192, calls.get(0)[2]);
        assertEquals(16384, calls.get(1)[2]);
        assertArrayEquals(new long[] {Files.size(f), Files.size(f), 20_000, 1}, calls.get(2));
    }
}
