package dev.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading raw tables: column types, missing markers, rows without a target. */
class RawTableTest {

    @TempDir
    Path dir;

    static final String PENGUINS = """
            species,island,bill,mass,sex
            Adelie,Torgersen,39.1,3750,male
            Adelie,Torgersen,NA,NA,NA
            Gentoo,Biscoe,46.1,4500,female
            Chinstrap,Dream,46.5,3500,female
            Gentoo,Biscoe,50.0,5700,male
            NA,Dream,45.0,3800,female
            Adelie,"Dream",37.8,,male
            """;

    private static RawTable raw(CsvReader.Builder b, String text) throws IOException {
        return b.build().readRaw(new StringReader(text), "penguins.csv");
    }

    @Test
    void textColumnsAreInferredCategoricalAndMissingCellsKeptMissing() throws IOException {
        RawTable t = raw(CsvReader.builder().classTarget("species"), PENGUINS);
        assertEquals(List.of("island", "bill", "mass", "sex"), t.columnNames());
        assertEquals(List.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC, ColumnType.NUMERIC,
                ColumnType.CATEGORICAL), t.types());
        assertEquals(1, t.droppedRows(), "the row whose species is NA");
        assertEquals(6, t.rows());
        assertEquals("Torgersen", t.text(0, 0));
        assertEquals("Dream", t.text(0, 5), "a quoted cell is its text");
        assertNull(t.text(3, 1));
        assertTrue(Double.isNaN(t.number(1, 1)));
        assertTrue(Double.isNaN(t.number(2, 5)), "an empty cell is missing");
        assertEquals(46.1, t.number(1, 2));
        assertEquals(4, t.missingCells());
        assertEquals(List.of("Adelie", "Gentoo", "Chinstrap"), t.numeric().classNames());
        assertEquals(8, t.line(5), "rows keep their line numbers after a dropped row");
    }

    @Test
    void declaredCategoricalColumnsKeepNumbersAsText() throws IOException {
        RawTable t = raw(CsvReader.builder().classTarget("species").categorical(List.of("mass")),
                PENGUINS);
        assertEquals(ColumnType.CATEGORICAL, t.types().get(2));
        assertEquals("3750", t.text(2, 0));
    }

    @Test
    void aNumericColumnWithStrayWordsIsAnErrorNamingRowsAndWords() {
        String text = "a,b,y\n1,2,x\n2,3,x\n3,three,y\n4,5,y\n5,n/a,x\n";
        String m = assertThrows(IllegalArgumentException.class,
                () -> raw(CsvReader.builder().classTarget("y"), text)).getMessage();
        assertTrue(m.contains("column 'b' holds numbers in 3 of its 5 filled rows"), m);
        assertTrue(m.contains("row 4, column 'b': 'three' is not a number"), m);
        assertTrue(m.contains("row 6, column 'b': 'n/a' is not a number"), m);
        assertTrue(m.contains("--missing-values"), m);
        assertTrue(m.contains("--categorical b"), m);
    }

    @Test
    void customMarkersTurnStrayWordsIntoMissingCells() throws IOException {
        String text = "a,b,y\n1,2,x\n2,3,x\n3,three,y\n4,5,y\n5,n/a,x\n";
        CsvReader.Builder b = CsvReader.builder().classTarget("y")
                .missingValues(List.of("n/a", "three"));
        RawTable t = raw(b, text);
        assertEquals(ColumnType.NUMERIC, t.types().get(1));
        assertEquals(2, t.missingCells());
    }

    @Test
    void withoutInferenceTextInANumericColumnIsAnError() {
        String m = assertThrows(IllegalArgumentException.class, () -> raw(CsvReader.builder()
                .classTarget("species").inferTypes(false).categorical(List.of("island")),
                PENGUINS)).getMessage();
        assertTrue(m.contains("row 2, column 'sex': 'male' is not a number"), m);
    }

    @Test
    void aNumericFileReadsTheSameBitsAsRead() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            sb.append(r.nextGaussian()).append(',').append(r.nextInt(100)).append(',')
                    .append(i % 3 == 0 ? "u" : "v").append('\n');
        }
        Path f = Files.writeString(dir.resolve("n.csv"), sb);
        CsvReader reader = CsvReader.builder().classTarget("c").build();
        DataTable plain = reader.read(f);
        RawTable raw = reader.readRaw(f);
        assertArrayEquals(plain.features(), raw.numeric().features());
        assertArrayEquals(plain.targets(), raw.numeric().targets());
        assertEquals(plain.classNames(), raw.numeric().classNames());
        FittedPreprocessing p = TablePreprocessor.builder().build().fit(raw);
        assertTrue(p.isIdentity());
        assertTrue(p.apply(raw).table() == raw.numeric(), "an identity shares the table");
    }

    @Test
    void aMissingRegressionTargetDropsTheRow() throws IOException {
        RawTable t = raw(CsvReader.builder().numericTargets("mass"), PENGUINS);
        assertEquals(2, t.droppedRows());
        assertEquals(5, t.rows());
    }

    @Test
    void selectAndSplitKeepTextAndLines() throws IOException {
        RawTable t = raw(CsvReader.builder().classTarget("species"), PENGUINS);
        RawTable s = t.select(new int[] {5, 0});
        assertEquals("Dream", s.text(0, 0));
        assertEquals(8, s.line(0));
        RawTable.Parts parts = t.split(0, 0.34, 3);
        assertEquals(t.rows(), parts.train().rows() + parts.test().rows());
        DataTable.Split plain = t.numeric().split(0, 0.34, 3);
        assertArrayEquals(plain.test().labels(), parts.test().numeric().labels());
    }

    @Test
    void rowsAsWrittenRepeatCellsAndQuoteWhereNeeded() throws IOException {
        Path f = Files.writeString(dir.resolve("w.csv"),
                "id,x,name\n\n7, 0.0990 ,\"a, b\"\n8,NA,c\n");
        List<String> rows = CsvReader.builder().build().rowsAsWritten(f, List.of("name", "id",
                "x"));
        assertEquals(List.of("\"a, b\",7,0.0990", "c,8,NA"), rows);
        assertThrows(IllegalArgumentException.class, () -> CsvReader.builder().build()
                .rowsAsWritten(f, List.of("nope")));
    }

    @Test
    void progressIsReportedWhileARawTableLoads() throws IOException {
        Path f = Files.writeString(dir.resolve("p.csv"), RawTableTest.PENGUINS);
        long[] last = {-1, -1};
        CsvReader.builder().classTarget("species").progress((bytes, total, rows, done) -> {
            if (done) {
                last[0] = rows;
                last[1] = total;
            }
        }).build().readRaw(f);
        assertEquals(6, last[0], "the rows kept");
        assertEquals(Files.size(f), last[1]);
    }
}
