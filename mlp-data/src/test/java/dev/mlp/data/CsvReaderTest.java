package dev.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.core.Dataset;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private static final String FLOWERS = """
            sepal,petal,species
            5.1,1.4,setosa
            7.0,4.7,versicolor
            6.3,6.0,virginica
            4.9,1.4,setosa
            """;

    private static DataTable read(CsvReader r, String text) throws IOException {
        return r.read(new StringReader(text), "data.csv");
    }

    private static String error(CsvReader r, String text) {
        return assertThrows(IllegalArgumentException.class, () -> read(r, text)).getMessage();
    }

    @Test
    void aClassTargetIsOneHotWithClassNamesInFirstSeenOrder() throws IOException {
        DataTable t = read(CsvReader.builder().classTarget("species").build(), FLOWERS);
        assertEquals(DataTable.Task.CLASSIFICATION, t.task());
        assertEquals(List.of("sepal", "petal"), t.featureNames());
        assertEquals(List.of("species"), t.targetNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classNames());
        assertArrayEquals(new double[] {5.1, 1.4, 7.0, 4.7, 6.3, 6.0, 4.9, 1.4}, t.features());
        assertArrayEquals(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, t.y());
        assertArrayEquals(new int[] {0, 1, 2, 0}, t.labels());
        Dataset d = t.toDataset();
        assertEquals(4, d.rows());
        assertEquals(2, d.inputs());
        assertEquals(3, d.outputs());
        assertEquals("data.csv: 4 rows, 2 features, 3 classes (setosa, versicolor, virginica)",
                t.toString());
    }

    @Test
    void classesCanBeSortedOrFixed() throws IOException {
        String text = "x,label\n1,b\n2,c\n3,a\n";
        DataTable sorted = read(CsvReader.builder().classTarget("label")
                .classOrder(ClassOrder.SORTED).build(), text);
        assertEquals(List.of("a", "b", "c"), sorted.classNames());
        assertArrayEquals(new int[] {1, 2, 0}, sorted.labels());
        DataTable fixed = read(CsvReader.builder().classTarget(1)
                .classes(List.of("c", "b", "a", "d")).build(), text);
        assertEquals(4, fixed.outputs());
        assertArrayEquals(new int[] {1, 0, 2}, fixed.labels());
        String e = error(CsvReader.builder().classTarget("label").classes(List.of("a", "b"))
                .build(), text);
        assertEquals("data.csv: row 3, column 'label': 'c' is not one of the classes a, b", e);
    }

    @Test
    void numericTargetsAndChosenFeaturesByNameAndIndex() throws IOException {
        String text = "id;rooms;area;price;tax\n1;3;70.5;250000;1.5e3\n2;4;90;-3.25E+5;0\n";
        DataTable t = read(CsvReader.builder().delimiter(';').features("area", "rooms")
                .numericTargets("price", "tax").build(), text);
        assertEquals(DataTable.Task.REGRESSION, t.task());
        assertEquals(List.of("area", "rooms"), t.featureNames());
        assertArrayEquals(new double[] {70.5, 3, 90, 4}, t.features());
        assertArrayEquals(new double[] {250000, 1500, -325000, 0}, t.targets());
        DataTable byIndex = read(CsvReader.builder().delimiter(';').featureIndices(2)
                .numericTargetIndices(3).build(), text);
        assertEquals(List.of("area"), byIndex.featureNames());
        assertEquals(List.of("price"), byIndex.targetNames());
        DataTable all = read(CsvReader.builder().delimiter(';').numericTargets("price").build(),
                text);
        assertEquals(List.of("id", "rooms", "area", "tax"), all.featureNames());
    }

    @Test
    void withoutHeaderColumnsAreNamedByIndex() throws IOException {
        DataTable t = read(CsvReader.builder().header(false).classTarget(2).build(),
                "1,2,yes\n3,4,no\n");
        assertEquals(List.of("0", "1"), t.featureNames());
        assertEquals(List.of("yes", "no"), t.classNames());
        String e = error(CsvReader.builder().header(false).build(), "1,2\n3,x\n");
        assertEquals("data.csv: row 2, column '1': 'x' is not a number", e);
    }

    @Test
    void quotedFieldsFollowRfc4180() throws IOException {
        String text = "\uFEFF\"a, first\",b,\"the \"\"class\"\"\"\r\n"
                + "\" 1.5 \",2,\"two\r\nlines\"\r\n"
                + "\r\n"
                + "3,4,\"plain\"\r\n";
        DataTable t = read(CsvReader.builder().classTarget(2).build(), text);
        assertEquals(List.of("a, first", "b"), t.featureNames());
        assertEquals(List.of("the \"class\""), t.targetNames());
        assertEquals(List.of("two\r\nlines", "plain"), t.classNames());
        assertArrayEquals(new double[] {1.5, 2, 3, 4}, t.features());
        String e = error(CsvReader.builder().build(), "a,b\n1,2\n3,\"4\n");
        assertEquals("data.csv: row 3: the quoted field opened on line 3 is never closed", e);
        String after = error(CsvReader.builder().build(), "a,b\n1,\"2\"x\n");
        assertEquals("data.csv: row 2, field 2: unexpected 'x' after a closing quote (a quote "
                + "inside a quoted field is written \"\")", after);
        // row numbers count lines, so a record after a two-line field is on line 4
        String bad = error(CsvReader.builder().classTarget(1).build(),
                "a,c\n1,\"x\ny\"\nz,k\n");
        assertEquals("data.csv: row 4, column 'a': 'z' is not a number", bad);
    }

    @Test
    void aBadCellNamesRowColumnAndValue() {
        String e = error(CsvReader.builder().classTarget("species").build(),
                "sepal,petal,species\n5.1,1.4,setosa\n7.0,abc,versicolor\n");
        assertEquals("data.csv: row 3, column 'petal': 'abc' is not a number", e);
        assertEquals("data.csv: row 2, column 'a': '' is not a number",
                error(CsvReader.builder().build(), "a,b\n,1\n"));
        assertEquals("data.csv: row 2, column 'a': 'NaN' is not a number",
                error(CsvReader.builder().build(), "a,b\nNaN,1\n"));
        assertEquals("data.csv: row 2, column 'b': '1e999' is not a finite number",
                error(CsvReader.builder().build(), "a,b\n0,1e999\n"));
        assertEquals("data.csv: row 2, column 'b': '1.5f' is not a number",
                error(CsvReader.builder().build(), "a,b\n0,1.5f\n"));
        assertEquals("data.csv: row 2, column 'y': the class label is empty",
                error(CsvReader.builder().classTarget("y").build(), "x,y\n1, \n"));
    }

    @Test
    void emptyFilesHeaderOnlyRaggedRowsAndUnknownColumnsEachSaySo() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "\n\n", StandardCharsets.UTF_8);
        var e = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.builder().build().read(empty));
        assertEquals(empty + " is empty", e.getMessage());
        assertEquals("data.csv has a header but no data rows",
                error(CsvReader.builder().build(), "a,b\n"));
        assertEquals("data.csv: row 3 has 2 fields, but the header has 3",
                error(CsvReader.builder().build(), "a,b,c\n1,2,3\n4,5\n"));
        assertEquals("data.csv: row 2 has 4 fields, but the first row has 3",
                error(CsvReader.builder().header(false).build(), "1,2,3\n4,5,6,7\n"));
        assertEquals("data.csv has no column 'specis' for the class target; its columns are: "
                + "sepal, petal, species", error(CsvReader.builder().classTarget("specis")
                .build(), FLOWERS));
        assertEquals("data.csv has 3 columns (indices 0 to 2), so there is no column 5 for the "
                + "class target", error(CsvReader.builder().classTarget(5).build(), FLOWERS));
        assertEquals("data.csv has no column 'width' for a feature; its columns are: sepal, "
                + "petal, species", error(CsvReader.builder().features("width")
                .classTarget("species").build(), FLOWERS));
        assertEquals("data.csv: column 'species' is chosen both as a feature and as a target",
                error(CsvReader.builder().features("sepal", "species").classTarget("species")
                        .build(), FLOWERS));
        // every way of reading refuses a repeated name, whichever columns are chosen
        String twice = "data.csv: the header repeats column names: 'a' at columns 0 and 2, 'b' "
                + "at columns 1, 3 and 4 (counted from 0); give every column its own name in the "
                + "header line, as models record their columns by name";
        String dup = "a,b,a,b,b,c\n1,2,3,4,5,x\n";
        assertEquals(twice, error(CsvReader.builder().features("a").build(), dup));
        assertEquals(twice, error(CsvReader.builder().classTarget("c").build(), dup));
        assertEquals(twice, error(CsvReader.builder().featureIndices(0).numericTargetIndices(1)
                .build(), dup));
        assertEquals(twice, error(CsvReader.builder().build(), dup));
        // a column without a name is refused the same way
        String unnamed = "data.csv: the header gives column 1 (counted from 0) no name; give "
                + "every column a name in the header line, as models record their columns by "
                + "name";
        assertEquals(unnamed, error(CsvReader.builder().classTarget("c").build(),
                "a,,c\n1,2,x\n"));
        assertEquals(unnamed, error(CsvReader.builder().features("a").classTarget("c")
                .build(), "a, ,c\n1,2,x\n"));
    }

    @Test
    void featuresOnlyForPrediction() throws IOException {
        Path f = dir.resolve("new.csv");
        Files.writeString(f, "sepal,petal\n5,1\n6,2\n", StandardCharsets.UTF_8);
        DataTable t = CsvReader.builder().build().read(f);
        assertEquals(DataTable.Task.NONE, t.task());
        assertArrayEquals(new double[][] {{5, 1}, {6, 2}}, t.x());
        var e = assertThrows(IllegalStateException.class, t::toDataset);
        assertEquals(f + " has no target column; choose one to train or evaluate",
                e.getMessage());
    }
}
