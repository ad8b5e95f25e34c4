package dev.mlp.cli;

import dev.mlp.data.CsvReader;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read a CSV file: delimiter and header; shared by every command that reads one. */
final class CsvOptions {

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "Field delimiter (default: ${DEFAULT-VALUE}); 'tab' for a tab.")
    String delimiter;

    @Option(names = "--no-header", description = "The first line is data, not column names; "
            + "columns are then named by their 0-based index.")
    boolean noHeader;

    CsvReader.Builder reader() {
        CsvReader.Builder b = CsvReader.builder().header(!noHeader);
        if (System.console() != null) {
            b.progress(new LoadProgress(System.err, System::nanoTime));
        }
        String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1) {
            throw new BadInputException("--delimiter must be one character or 'tab', found '"
                    + delimiter + "'");
        }
        return b.delimiter(d.charAt(0));
    }

    /** Applies a feature-column list given as names, or as 0-based indices without a header. */
    CsvReader.Builder features(CsvReader.Builder b, List<String> columns) {
        if (columns == null) {
            return b;
        }
        if (columns.isEmpty() || columns.stream().anyMatch(String::isBlank)) {
            throw new BadInputException("--features: an empty column name in '"
                    + String.join(",", columns) + "'; give column names (or 0-based indices "
                    + "with --no-header) separated by commas");
        }
        return b.features(columns);
    }
}
