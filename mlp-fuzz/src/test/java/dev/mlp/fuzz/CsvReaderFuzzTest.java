package dev.mlp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlp.data.ClassOrder;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Fuzzes {@link CsvReader} on bytes: the first byte chooses the options (header, delimiter,
 * task, class order), the rest is the file. The only acceptable outcomes are a table whose
 * shape is consistent or an {@link IllegalArgumentException} naming the file.
 */
class CsvReaderFuzzTest {

    private static final String SOURCE = "fuzz.csv";
    private static final char[] DELIMITERS = {',', ';', '\t', ' '};

    @FuzzTest(maxDuration = "5m")
    void csv(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int options = data[0] & 0xff;
        CsvReader.Builder b = CsvReader.builder()
                .header((options & 1) == 0)
                .delimiter(DELIMITERS[(options >> 1) & 3]);
        switch ((options >> 3) & 3) {
            case 1 -> b.numericTargetIndices(0);
            case 2 -> b.classTarget(0).classOrder((options & 0x20) == 0 ? ClassOrder.FIRST_SEEN
                    : ClassOrder.SORTED);
            case 3 -> b.classTarget(0).classes(List.of("a", "b"));
            default -> b.noTarget();
        }
        DataTable t;
        try {
            t = b.build().read(new ByteArrayInputStream(data, 1, data.length - 1), SOURCE);
        } catch (IllegalArgumentException e) {
            Outcomes.requireClearMessage(e, SOURCE);
            return;
        }
        if (t.features().length != t.rows() * t.inputs()
                || t.targets().length != t.rows() * t.outputs()) {
            throw new AssertionError("inconsistent table " + t);
        }
        for (double v : t.features()) {
            if (!Double.isFinite(v)) {
                throw new AssertionError("a value that is not finite in " + t);
            }
        }
    }
}
