package dev.mlp.cli;

import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.data.ClassOrder;
import dev.mlp.data.CsvReader;
import dev.mlp.data.TablePreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How {@code mlp train} reads a table with text columns and missing cells: which columns are
 * categorical, which cell texts mean missing, how categories are encoded and missing cells
 * filled, and how classes are numbered.
 */
final class TableOptions {

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN",
            description = "Feature columns holding categories, comma separated. Columns of "
                    + "text are found without it (a column is categorical when more than half "
                    + "of its filled cells are not numbers); name here columns of category "
                    + "codes that look like numbers.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--missing-values", split = ",", paramLabel = "TEXT",
            description = "Cell texts that mean a missing value, comma separated, besides the "
                    + "empty cell (default: NA,NaN,?,null).")
    List<String> missingValues;

    @Option(names = "--encoder", paramLabel = "SPEC", defaultValue = "one-hot",
            description = "Encoder of categorical columns: one-hot, ordinal or frequency, with "
                    + "unseen=ignore|error for categories not seen in training (default: "
                    + "${DEFAULT-VALUE}, unseen categories all zeros and counted).")
    String encoder;

    @Option(names = "--impute", paramLabel = "METHOD", defaultValue = "mean",
            description = "Missing cells of numeric columns: mean, median, most-frequent or "
                    + "constant(v) (default: ${DEFAULT-VALUE}).")
    String impute;

    @Option(names = "--impute-categorical", paramLabel = "METHOD",
            defaultValue = "most-frequent", description = "Missing cells of categorical "
            + "columns: most-frequent or constant(v) (default: ${DEFAULT-VALUE}).")
    String imputeCategorical;

    @Option(names = "--missing-indicator", description = "Add an input per column with "
            + "missing training cells: 1 where the cell was missing, 0 elsewhere.")
    boolean indicator;

    @Option(names = "--class-order", paramLabel = "ORDER", defaultValue = "seen",
            description = "Order of the classes (and output columns): seen (as they first "
                    + "appear in the file) or sorted (default: ${DEFAULT-VALUE}).")
    String classOrder;

    /** Sets the reader's categorical columns, missing markers and class order. */
    CsvReader.Builder apply(CsvReader.Builder b) {
        List<String> markers = new ArrayList<>();
        markers.add("");
        if (missingValues == null) {
            markers.addAll(CsvReader.DEFAULT_MISSING.subList(1, CsvReader.DEFAULT_MISSING.size()));
        } else {
            for (String m : missingValues) {
                if (!m.strip().isEmpty() && !markers.contains(m.strip())) {
                    markers.add(m.strip());
                }
            }
        }
        return b.categorical(categorical).missingValues(markers).classOrder(order());
    }

    ClassOrder order() {
        return switch (classOrder.toLowerCase(Locale.ROOT)) {
            case "seen" -> ClassOrder.FIRST_SEEN;
            case "sorted" -> ClassOrder.SORTED;
            default -> throw new BadInputException("--class-order must be seen or sorted, "
                    + "found '" + classOrder + "'");
        };
    }

    /** The preprocessor these options describe. */
    TablePreprocessor preprocessor(PluginRegistry registry) {
        try {
            return TablePreprocessor.builder().registry(registry).encoder(encoder)
                    .numericImputation(impute).categoricalImputation(imputeCategorical)
                    .indicators(indicator).build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
