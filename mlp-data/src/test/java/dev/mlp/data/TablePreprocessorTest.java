package dev.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fitting encodings and fill values on one table and applying them to another. */
class TablePreprocessorTest {

    private static RawTable raw(CsvReader.Builder b, String text) throws IOException {
        return b.build().readRaw(new StringReader(text), "penguins.csv");
    }

    private static RawTable penguins() throws IOException {
        return raw(CsvReader.builder().classTarget("species"), RawTableTest.PENGUINS);
    }

    @Test
    void oneHotAndMeanImputationByDefault() throws IOException {
        RawTable t = penguins();
        FittedPreprocessing p = TablePreprocessor.builder().build().fit(t);
        assertEquals(List.of("island=Biscoe", "island=Dream", "island=Torgersen", "bill", "mass",
                "sex=female", "sex=male"), p.inputNames());
        FittedPreprocessing.Encoded e = p.apply(t);
        DataTable d = e.table();
        assertEquals(7, d.inputs());
        assertEquals(4, e.imputed());
        double meanBill = (39.1 + 46.1 + 46.5 + 50.0 + 37.8) / 5;
        // row 1: Torgersen, bill NA -> mean, mass NA -> mean, sex NA -> most frequent (male:
        // male 3, female 2)
        double[] row1 = java.util.Arrays.copyOfRange(d.features(), 7, 14);
        assertEquals(1.0, row1[2]);
        assertEquals(meanBill, row1[3], 0.0);
        assertEquals(0.0, row1[5]);
        assertEquals(1.0, row1[6]);
        assertEquals(List.of("Adelie", "Gentoo", "Chinstrap"), d.classNames());
    }

    @Test
    void indicatorsFollowColumnsThatHadMissingCells() throws IOException {
        RawTable t = penguins();
        FittedPreprocessing p = TablePreprocessor.builder().indicators(true)
                .numericImputation("median").build().fit(t);
        assertEquals(List.of("island=Biscoe", "island=Dream", "island=Torgersen", "bill",
                "bill:missing", "mass", "mass:missing", "sex=female", "sex=male",
                "sex:missing"), p.inputNames());
        double[] x = p.apply(t).table().features();
        assertEquals(1.0, x[10 + 4]);
        assertEquals(46.1, x[10 + 3], 0.0, "median of 37.8, 39.1, 46.1, 46.5, 50");
        assertEquals(0.0, x[4]);
    }

    @Test
    void unseenCategoriesAreCountedOrRefusedAsTheEncoderSays() throws IOException {
        RawTable train = penguins();
        RawTable test = raw(CsvReader.builder().classTarget("species"), """
                species,island,bill,mass,sex
                Adelie,Atlantis,39.1,3750,male
                Adelie,Atlantis,39.1,3750,unknown
                """);
        FittedPreprocessing.Encoded e = TablePreprocessor.builder().build().fit(train)
                .apply(test);
        assertEquals(Map.of("island", 2, "sex", 1), e.unseen());
        assertEquals(3, e.unseenTotal());
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOfRange(
                e.table().features(), 0, 3));
        FittedPreprocessing strict = TablePreprocessor.builder()
                .encoder("one-hot(unseen=error)").build().fit(train);
        String m = assertThrows(IllegalArgumentException.class, () -> strict.apply(test))
                .getMessage();
        assertTrue(m.contains("row 2, column 'island': 'Atlantis' is a category not seen in "
                + "training (known: Biscoe, Dream, Torgersen)"), m);
    }

    @Test
    void ordinalAndFrequencyEncodersGiveOneInputPerColumn() throws IOException {
        RawTable t = penguins();
        DataTable o = TablePreprocessor.builder().encoder("ordinal").build().fit(t).apply(t)
                .table();
        assertEquals(List.of("island", "bill", "mass", "sex"), o.featureNames());
        assertEquals(2.0, o.features()[0], "Torgersen is third in sorted order");
        DataTable f = TablePreprocessor.builder().encoder("frequency").build().fit(t).apply(t)
                .table();
        assertEquals(2.0 / 6, f.features()[0], 1e-15, "Torgersen in 2 of 6 rows");
    }

    @Test
    void constantImputationOfACategoryBecomesACategory() throws IOException {
        RawTable t = penguins();
        FittedPreprocessing p = TablePreprocessor.builder()
                .categoricalImputation("constant(unknown)").numericImputation("constant(0)")
                .build().fit(t);
        assertTrue(p.inputNames().contains("sex=unknown"), p.inputNames().toString());
        assertEquals(0.0, p.apply(t).table().features()[p.width() + 3]);
    }

    @Test
    void badSettingsAreRefusedWithWhatToDo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TablePreprocessor
                .builder().encoder("two-hot").build()).getMessage()
                .contains("unknown encoder 'two-hot'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TablePreprocessor
                .builder().categoricalImputation("mean").build()).getMessage()
                .contains("most-frequent or constant(v)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Imputation.parse("avg")).getMessage().contains("known: mean, median"));
    }

    @Test
    void storedPreprocessingRestoresTheSameEncoding() throws IOException {
        RawTable t = penguins();
        FittedPreprocessing p = TablePreprocessor.builder().encoder("frequency")
                .indicators(true).build().fit(t);
        FittedPreprocessing back = FittedPreprocessing.restore(p.toStored());
        assertEquals(p.inputNames(), back.inputNames());
        assertArrayEquals(p.apply(t).table().features(), back.apply(t).table().features());
        assertEquals(p.toStored(), back.toStored());
    }

    @Test
    void readerConfiguredForAFitReadsNewDataWithTheSameTypes() throws IOException {
        FittedPreprocessing p = TablePreprocessor.builder().build().fit(penguins());
        RawTable fresh = p.configure(CsvReader.builder()).build().readRaw(new StringReader("""
                id,sex,mass,bill,island
                1,male,4000,40,Biscoe
                """), "new.csv");
        assertEquals(List.of("island", "bill", "mass", "sex"), fresh.columnNames());
        assertEquals(7, p.apply(fresh).table().inputs());
    }
}
