package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models, charts and predictions are written with the permissions any new file gets. */
class OutputPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void chartsAndPredictionsAreWrittenLikeModels() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        StringBuilder sb = new StringBuilder("a,b,kind\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 2).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "x" : "y")
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("d.csv"), sb);
        Path model = dir.resolve("m.mlp");
        Path chart = dir.resolve("c.svg");
        Cli t = Cli.run("train", "--data", data.toString(), "--target", "kind", "--layers", "3",
                "--epochs", "3", "--quiet", "-o", model.toString(), "--chart", chart.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Path predictions = dir.resolve("p.csv");
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", data.toString(), "-o",
                predictions.toString());
        assertEquals(MlpCli.OK, p.code(), p.err());
        Set<PosixFilePermission> fresh = Files.getPosixFilePermissions(
                Files.createFile(dir.resolve("new")));
        assertEquals(fresh, Files.getPosixFilePermissions(model));
        assertEquals(fresh, Files.getPosixFilePermissions(chart));
        assertEquals(fresh, Files.getPosixFilePermissions(predictions));
    }
}
