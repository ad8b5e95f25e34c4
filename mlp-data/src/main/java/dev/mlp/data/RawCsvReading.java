package dev.mlp.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file into a {@link RawTable} for {@link CsvReader#readRaw}: a first pass reads the
 * numbers, marks missing cells, counts the cells that are not numbers and drops the rows whose
 * target is missing; it then settles each column's type; a second pass, only when there are
 * categorical columns, collects their text.
 *
 * <p>The type rule: a column whose filled (non-missing) cells are all numbers is numeric; one
 * where more than half of them are not numbers is categorical; a column in between is refused,
 * naming the rows and words that are not numbers, since a few stray words in a numeric column
 * are far more often a missing-value marker or a typo than a category.
 */
final class RawCsvReading {

    /** How many stray words an error message quotes. */
    private static final int QUOTED = 5;

    private RawCsvReading() {
    }

    /** Opens the source once per pass and hands its characters to a body. */
    interface Opener {
        void open(Body body) throws IOException;
    }

    /** Reads one pass. */
    interface Body {
        void accept(CsvInput in) throws IOException;
    }

    /** What one column's cells were in the first pass. */
    private static final class Census {
        int filled;
        int words;
        int missing;
        final List<String> samples = new ArrayList<>();
    }

    static RawTable read(CsvReader reader, Opener opener, String source, long totalBytes)
            throws IOException {
        Pass1 p = new Pass1(reader, source, totalBytes);
        opener.open(p::run);
        List<ColumnType> types = p.types();
        String[][] text = new String[types.size()][];
        if (types.contains(ColumnType.CATEGORICAL)) {
            for (int j = 0; j < text.length; j++) {
                if (types.get(j) == ColumnType.CATEGORICAL) {
                    text[j] = new String[p.n];
                }
            }
            opener.open(in -> p.collectText(in, text));
        }
        return new RawTable(p.table(), types, text, Arrays.copyOf(p.lines, p.n),
                reader.missingMarkers(), p.dropped);
    }

    private static final class Pass1 {
        private final CsvReader reader;
        private final String source;
        private final Set<String> markers;
        private CsvReader.Layout layout;
        private int[] fc;
        private int[] tc;
        private boolean[] declared;
        private Census[] census;
        private final CsvReader.Values x = new CsvReader.Values();
        private final CsvReader.Values y = new CsvReader.Values();
        private CsvReader.Labels labels;
        int[] lines = new int[1024];
        int n;
        int dropped;

        private final long totalBytes;

        Pass1(CsvReader reader, String source, long totalBytes) {
            this.reader = reader;
            this.source = source;
            this.totalBytes = totalBytes;
            this.markers = Set.copyOf(reader.missingMarkers());
        }

        void run(CsvInput input) throws IOException {
            CsvRecords rec = new CsvRecords(input, source, reader.delimiter());
            if (!rec.next()) {
                throw new IllegalArgumentException(source + " is empty");
            }
            layout = reader.layout(rec, source);
            fc = layout.features().stream().mapToInt(Integer::intValue).toArray();
            tc = layout.targets().stream().mapToInt(Integer::intValue).toArray();
            declared = new boolean[fc.length];
            List<String> names = layout.names();
            for (String c : reader.categorical()) {
                int at = names.indexOf(c);
                int j = at < 0 ? -1 : layout.features().indexOf(at);
                if (j < 0) {
                    throw new IllegalArgumentException(source + " has no feature column '" + c
                            + "' to read as categorical; its feature columns are: "
                            + String.join(", ", layout.features().stream().map(names::get)
                            .toList()));
                }
                declared[j] = true;
            }
            census = new Census[fc.length];
            for (int j = 0; j < fc.length; j++) {
                census[j] = new Census();
            }
            DataTable.Task task = reader.task();
            if (task == DataTable.Task.CLASSIFICATION) {
                labels = new CsvReader.Labels(reader.classes());
            }
            int width = names.size();
            do {
                if (rec.count() != width) {
                    throw new IllegalArgumentException(source + ": row " + rec.line() + " has "
                            + rec.count() + " field" + (rec.count() == 1 ? "" : "s")
                            + ", but " + (reader.header() ? "the header has "
                            : "the first row has ") + width);
                }
                if ((long) (n + 1) * Math.max(fc.length, tc.length) > CsvReader.MAX_VALUES) {
                    throw new IllegalArgumentException(source + ": row " + rec.line() + ": the "
                            + "file holds more values than one array can; split it into "
                            + "smaller files");
                }
                if (targetMissing(rec)) {
                    dropped++;
                    continue;
                }
                for (int j = 0; j < fc.length; j++) {
                    x.add(declared[j] ? Double.NaN : cell(rec, j));
                }
                if (task == DataTable.Task.REGRESSION) {
                    for (int c : tc) {
                        y.add(CsvReader.number(rec, c, names, source));
                    }
                } else if (task == DataTable.Task.CLASSIFICATION) {
                    labels.add(rec, tc[0], names.get(tc[0]), source);
                }
                if (n == lines.length) {
                    lines = Arrays.copyOf(lines, 2 * n);
                }
                lines[n++] = rec.line();
                if (reader.progress() != null && (n & 8191) == 0) {
                    reader.progress().update(input.position(), totalBytes, n, false);
                }
            } while (rec.next());
            if (reader.progress() != null) {
                reader.progress().update(input.position(), totalBytes, n, true);
            }
        }

        private boolean targetMissing(CsvRecords rec) {
            for (int c : tc) {
                String t = rec.quoted(c) ? rec.field(c) : rec.field(c).strip();
                if (markers.contains(t) || t.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private double cell(CsvRecords rec, int j) {
            int c = fc[j];
            char[] chars = rec.chars();
            int from = rec.start(c);
            int to = rec.end(c);
            while (from < to && Character.isWhitespace(chars[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(chars[to - 1])) {
                to--;
            }
            double v = Numbers.parse(chars, from, to);
            Census k = census[j];
            if (Double.isFinite(v)) {
                k.filled++;
                return v;
            }
            String word = new String(chars, from, to - from);
            if (markers.contains(word)) {
                k.missing++;
                return Double.NaN;
            }
            if (!reader.inferTypes()) {
                throw new IllegalArgumentException(source + ": row " + rec.line() + ", column '"
                        + layout.names().get(c) + "': '" + rec.field(c) + "' is not a "
                        + (Double.isNaN(v) ? "number" : "finite number") + " (the column is "
                        + "numeric; missing cells are written as one of "
                        + quoted(reader.missingMarkers()) + ")");
            }
            k.filled++;
            k.words++;
            if (k.samples.size() < QUOTED) {
                k.samples.add("row " + rec.line() + ", column '" + layout.names().get(c)
                        + "': '" + rec.field(c) + "' is not a number");
            }
            return Double.NaN;
        }

        List<ColumnType> types() {
            List<ColumnType> types = new ArrayList<>();
            List<String> names = layout.names();
            for (int j = 0; j < fc.length; j++) {
                Census k = census[j];
                if (declared[j]) {
                    types.add(ColumnType.CATEGORICAL);
                } else if (k.words == 0) {
                    types.add(ColumnType.NUMERIC);
                } else if (2L * k.words > k.filled) {
                    types.add(ColumnType.CATEGORICAL);
                } else {
                    String column = names.get(fc[j]);
                    throw new IllegalArgumentException(source + ": column '" + column
                            + "' holds numbers in " + (k.filled - k.words) + " of its "
                            + k.filled + " filled rows, but " + String.join("; ", k.samples)
                            + (k.words > k.samples.size() ? " (and " + (k.words
                            - k.samples.size()) + " more)" : "") + ". If these words mark "
                            + "missing cells, add them to the missing values (--missing-values; "
                            + "now " + quoted(reader.missingMarkers()) + "); if the column "
                            + "holds categories, declare it categorical (--categorical "
                            + column + ")");
                }
            }
            return types;
        }

        /** The second pass: the text of the categorical columns, for the rows kept. */
        void collectText(CsvInput input, String[][] text) throws IOException {
            CsvRecords rec = new CsvRecords(input, source, reader.delimiter());
            rec.next();
            reader.layout(rec, source);
            int row = 0;
            do {
                if (row < n && rec.line() == lines[row]) {
                    for (int j = 0; j < fc.length; j++) {
                        if (text[j] != null) {
                            int c = fc[j];
                            String t = rec.quoted(c) ? rec.field(c) : rec.field(c).strip();
                            text[j][row] = markers.contains(rec.field(c).strip()) ? null : t;
                        }
                    }
                    row++;
                }
            } while (rec.next());
            if (row != n) {
                throw new IllegalStateException(source + " changed while it was read: the "
                        + "second pass found " + row + " of " + n + " rows");
            }
        }

        DataTable table() {
            List<String> names = layout.names();
            List<String> featureNames = layout.features().stream().map(names::get).toList();
            List<String> targetNames = layout.targets().stream().map(names::get).toList();
            return switch (reader.task()) {
                case REGRESSION -> DataTable.regression(source, x.toArray(), featureNames,
                        y.toArray(), targetNames);
                case CLASSIFICATION -> {
                    List<String> classNames = labels.classNames(reader.classOrder());
                    yield DataTable.classification(source, x.toArray(), featureNames,
                            targetNames.get(0), labels.toArray(), classNames);
                }
                default -> DataTable.unlabeled(source, x.toArray(), featureNames);
            };
        }
    }

    static String quoted(List<String> markers) {
        List<String> q = new ArrayList<>();
        for (String m : markers) {
            q.add("'" + m + "'");
        }
        return q.isEmpty() ? "(none)" : String.join(", ", q);
    }
}
