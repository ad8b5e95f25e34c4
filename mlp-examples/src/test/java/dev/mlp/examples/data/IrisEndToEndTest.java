package dev.mlp.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.core.io.ModelMetadata;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's flow: CSV in, split, train, save, load, predict the same numbers. */
class IrisEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void csvToSavedModelAndBack() throws IOException {
        Path csv = dir.resolve("iris.csv");
        try (InputStream in = getClass().getResourceAsStream("/data/iris.csv")) {
            Files.copy(in, csv);
        }
        DataTable iris = CsvReader.builder().classTarget("species").build().read(csv);
        assertEquals(150, iris.rows());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        DataTable.Split parts = iris.split(0.15, 0.15, 42);
        // 50 per class: round(50 * 0.15) = 8 per class to validation and to test
        assertEquals(List.of(24, 24, 102), List.of(parts.validation().rows(),
                parts.test().rows(), parts.train().rows()));

        Model model = Mlp.builder().inputs(iris.inputs()).layer(8, "tanh")
                .layer(iris.outputs(), "softmax").loss("cross-entropy")
                .optimizer("adam(lr=0.01)").batch("mini-batch(size=16)")
                .inputScaler("z-score").epochs(150).seed(7).build();
        model.fit(parts.train().toDataset());
        model.classNames(iris.classNames());
        double acc = model.accuracy(parts.test().x(), parts.test().y());
        assertTrue(acc > 0.85, "test accuracy " + acc);

        Path file = dir.resolve("iris.mlp");
        ModelFile.save(model, file, ModelMetadata.columns(iris.featureNames(),
                iris.targetNames()).withMetric("test accuracy", acc));
        Model again = ModelFile.load(file);
        double[][] p = model.predict(parts.test().x());
        double[][] q = again.predict(parts.test().x());
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i]);
        }
        ModelInfo info = ModelFile.read(file);
        assertEquals(iris.featureNames(), info.metadata().featureNames());
        String text = info.describe();
        assertTrue(text.contains("sepal_length:"), text);
        assertTrue(text.contains("setosa, versicolor, virginica"), text);

        // new data picked by the saved column names, classes fixed to the model's order
        Path fresh = dir.resolve("new.csv");
        Files.writeString(fresh, "species,petal_width,petal_length,sepal_width,sepal_length\n"
                + "virginica,2.3,6.0,3.3,6.3\nsetosa,0.2,1.4,3.5,5.1\n");
        DataTable rows = CsvReader.builder().features(info.metadata().featureNames())
                .classTarget("species").classes(info.classNames()).build().read(fresh);
        assertArrayEquals(new int[] {2, 0}, rows.labels());
        assertEquals(1.0, again.accuracy(rows.x(), rows.y()));
    }
}
