package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.tune.Fold;
import dev.mlp.core.tune.FoldData;
import dev.mlp.data.CsvReader;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import dev.mlp.data.TablePreprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fold's encoders and imputers see that fold's training rows only. */
class TableFoldsTest {

    @TempDir
    Path dir;

    private static final String CSV = String.join("\n",
            "place,size,label",
            "sea,1,a",
            "sea,2,a",
            "hill,3,b",
            "hill,4,b",
            "moon,NA,b",   // row 4: the only 'moon', and a missing size
            "sea,100,a",   // row 5: pulls the mean of every row far from the first four's
            "");

    private TrainCommand.Prepared prepared(TablePreprocessor p) throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), CSV);
        RawTable raw = CsvReader.builder().classTarget("label").build().readRaw(f);
        FittedPreprocessing fitted = p.fit(raw);
        FittedPreprocessing.Encoded e = fitted.apply(raw);
        return new TrainCommand.Prepared(e.table(), raw, fitted, e.imputed());
    }

    private static TablePreprocessor preprocessor() {
        return TablePreprocessor.builder().registry(Mlp.standard().registry()).build();
    }

    @Test
    void aCategoryAndAMeanOnlyTheHeldOutRowsHaveDoNotReachTraining() throws IOException {
        TablePreprocessor p = preprocessor();
        TrainCommand.Prepared all = prepared(p);
        assertEquals(4, all.table().inputs()); // place=hill, place=moon, place=sea, size
        FoldData folds = TableFolds.of(all, p);
        Fold fold = folds.prepare(new int[] {0, 1, 2, 3}, new int[] {4, 5});
        Dataset train = fold.training();
        Dataset test = fold.test();
        assertEquals(3, train.inputs(), "no 'moon' column: the training rows have no moon");
        assertEquals(3, test.inputs());
        // columns: place=hill, place=sea, size; the moon row is all zeros (unseen: ignore) and
        // its missing size is the mean of the training rows, 2.5 (every row's would be 22)
        assertArrayEquals(new double[] {0, 0, 2.5}, java.util.Arrays.copyOfRange(
                test.features(), 0, 3), 0.0);
        assertArrayEquals(new double[] {0, 1, 100}, java.util.Arrays.copyOfRange(
                test.features(), 3, 6), 0.0);
        // all(fitRows): every row, fitted on the given ones
        Dataset whole = folds.all(new int[] {0, 1, 2, 3});
        assertEquals(6, whole.rows());
        assertEquals(2.5, whole.features()[4 * 3 + 2], 0.0);
        assertNotEquals(all.table().toDataset().features()[4 * 4 + 3], 2.5);
    }

    @Test
    void aTableThatNeedsNoPreprocessingIsCutAsItIs() throws IOException {
        Path f = Files.writeString(dir.resolve("n.csv"), "a,b,y\n1,2,x\n2,3,x\n3,4,y\n4,5,y\n");
        RawTable raw = CsvReader.builder().classTarget("y").build().readRaw(f);
        TablePreprocessor p = preprocessor();
        FittedPreprocessing fitted = p.fit(raw);
        FittedPreprocessing.Encoded e = fitted.apply(raw);
        TrainCommand.Prepared prepared = new TrainCommand.Prepared(e.table(), raw, fitted, 0);
        FoldData folds = TableFolds.of(prepared, p);
        Fold fold = folds.prepare(new int[] {0, 2}, new int[] {1, 3});
        assertArrayEquals(new double[] {1, 2, 3, 4}, fold.training().features(), 0.0);
        assertArrayEquals(new double[] {2, 3, 4, 5}, fold.test().features(), 0.0);
        assertSame(prepared, TableFolds.forValidation(prepared, p, 0.5, 1));
    }
}
