package dev.mlp.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV files (RFC 4180) into {@link DataTable}s: a header line or not, any one-character
 * delimiter, quoted fields (which may hold the delimiter, line breaks and {@code ""} for a quote),
 * numeric feature columns, and a categorical target one-hot encoded or numeric targets for
 * regression. Columns are chosen by header name or by 0-based index; without a header their names
 * are their indices, {@code "0"}, {@code "1"}, ... By default every column that is not a target is
 * a feature.
 *
 * <pre>{@code
 * DataTable iris = CsvReader.builder().classTarget("species").build().read(Path.of("iris.csv"));
 * DataTable houses = CsvReader.builder().delimiter(';').features("rooms", "area")
 *         .numericTargets("price").build().read(Path.of("houses.csv"));
 * }</pre>
 *
 * <p>Rows in messages are numbered like the lines of the file: row {@code N} is the record that
 * starts on line {@code N}, the header being row 1. Every problem names the file: a cell that is
 * not a number ({@code iris.csv: row 17, column 'petal_width': 'abc' is not a number}), an empty
 * file, a header without data, a row with too few or too many fields, a column that does not
 * exist, a quote that is never closed. Blank lines are skipped; unquoted cells are trimmed of
 * surrounding spaces; a byte order mark is ignored. Numbers are written as in
 * {@code -1.5e3}: NaN and infinities are refused. A header that names two columns alike is
 * refused, naming the names and their columns.
 *
 * <p>Files are read in one streaming pass straight into the table's arrays, so a load needs
 * little more than twice the memory of its numbers at its peak, whatever the file's size; a
 * {@link Builder#progress progress listener} hears how far it has come. Bytes must be text in
 * the reader's charset (UTF-8 by default): gzip-compressed files are decompressed as they are
 * read, while other archives, compressed or binary files and text in another encoding are
 * refused with the line and byte offset where the text ends and what to do.
 *
 * <p>Readers are immutable and can read many files.
 */
public final class CsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

    /** The most values one matrix of a table holds: the largest Java array. */
    static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final char delimiter;
    private final boolean header;
    private final Charset charset;
    private final List<Ref> features;
    private final List<Ref> targets;
    private final DataTable.Task task;
    private final ClassOrder classOrder;
    private final List<String> classes;
    private final ReadProgress progress;
    private final List<String> categorical;
    private final boolean inferTypes;
    private final List<String> missingMarkers;

    /**
     * The cell texts read as missing unless {@link Builder#missingValues} says otherwise: the
     * empty cell, {@code NA}, {@code NaN}, {@code ?} and {@code null}.
     */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", "NaN", "?", "null");

    private CsvReader(Builder b) {
        this.delimiter = b.delimiter;
        this.header = b.header;
        this.charset = b.charset;
        this.features = b.features == null ? null : List.copyOf(b.features);
        this.targets = List.copyOf(b.targets);
        this.task = b.task;
        this.classOrder = b.classOrder;
        this.classes = b.classes;
        this.progress = b.progress;
        this.categorical = List.copyOf(b.categorical);
        this.inferTypes = b.inferTypes;
        this.missingMarkers = List.copyOf(b.missingMarkers);
    }

    /** @return a builder with the defaults: comma, header line, UTF-8, no target */
    public static Builder builder() {
        return new Builder();
    }

    /** A column chosen by name or by 0-based index. */
    private record Ref(String name, int index) {
        static Ref of(String name) {
            Objects.requireNonNull(name, "column name");
            return new Ref(name, -1);
        }

        static Ref of(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("column index must be >= 0, found " + index);
            }
            return new Ref(null, index);
        }
    }

    /** Configures a {@link CsvReader}. */
    public static final class Builder {
        private char delimiter = ',';
        private boolean header = true;
        private Charset charset = StandardCharsets.UTF_8;
        private List<Ref> features;
        private List<Ref> targets = List.of();
        private DataTable.Task task = DataTable.Task.NONE;
        private ClassOrder classOrder = ClassOrder.FIRST_SEEN;
        private List<String> classes;
        private ReadProgress progress;
        private List<String> categorical = List.of();
        private boolean inferTypes = true;
        private List<String> missingMarkers = DEFAULT_MISSING;

        private Builder() {
        }

        /**
         * Declares feature columns categorical for {@link CsvReader#readRaw}: their cells are
         * categories, even those that look like numbers.
         *
         * @param names the columns, by name (or index without a header)
         * @return this
         */
        public Builder categorical(List<String> names) {
            this.categorical = List.copyOf(names);
            return this;
        }

        /**
         * Whether {@link CsvReader#readRaw} infers the type of the columns not declared
         * {@link #categorical}: a column whose filled cells are all numbers is numeric, one where
         * more than half of them are not numbers is categorical, and one in between is an error
         * naming the rows and words that are not numbers. Without inference (for example to read
         * data for a saved model, whose column types are known) every undeclared column is
         * numeric. Default {@code true}.
         *
         * @param infer whether to infer column types
         * @return this
         */
        public Builder inferTypes(boolean infer) {
            this.inferTypes = infer;
            return this;
        }

        /**
         * The cell texts {@link CsvReader#readRaw} reads as missing (compared after surrounding
         * spaces are stripped); default {@link CsvReader#DEFAULT_MISSING}. An empty list means
         * no cell is missing.
         *
         * @param markers the texts
         * @return this
         */
        public Builder missingValues(List<String> markers) {
            this.missingMarkers = List.copyOf(markers);
            return this;
        }

        /**
         * @param c the field delimiter, for example {@code ';'} or {@code '\t'}; not a quote or
         *          line break
         * @return this
         */
        public Builder delimiter(char c) {
            if (c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("the delimiter cannot be a quote or a line "
                        + "break");
            }
            this.delimiter = c;
            return this;
        }

        /**
         * @param present whether the first line names the columns (default true)
         * @return this
         */
        public Builder header(boolean present) {
            this.header = present;
            return this;
        }

        /**
         * @param cs the file's character set (default UTF-8)
         * @return this
         */
        public Builder charset(Charset cs) {
            this.charset = Objects.requireNonNull(cs, "charset");
            return this;
        }

        /**
         * Chooses the feature columns by name, in input order (default: every non-target
         * column, in file order).
         *
         * @param names the columns
         * @return this
         */
        public Builder features(String... names) {
            return features(Arrays.asList(names));
        }

        /**
         * @param names the feature columns by name, in input order
         * @return this
         */
        public Builder features(List<String> names) {
            List<Ref> refs = new ArrayList<>();
            names.forEach(n -> refs.add(Ref.of(n)));
            this.features = refs;
            return this;
        }

        /**
         * @param indices the feature columns by 0-based index, in input order
         * @return this
         */
        public Builder featureIndices(int... indices) {
            List<Ref> refs = new ArrayList<>();
            for (int i : indices) {
                refs.add(Ref.of(i));
            }
            this.features = refs;
            return this;
        }

        /**
         * Makes the named column a categorical target, one-hot encoded.
         *
         * @param name the column holding class labels
         * @return this
         */
        public Builder classTarget(String name) {
            this.targets = List.of(Ref.of(name));
            this.task = DataTable.Task.CLASSIFICATION;
            return this;
        }

        /**
         * @param index the 0-based index of the column holding class labels
         * @return this
         */
        public Builder classTarget(int index) {
            this.targets = List.of(Ref.of(index));
            this.task = DataTable.Task.CLASSIFICATION;
            return this;
        }

        /**
         * Makes the named columns numeric regression targets (raw values; scale them with the
         * model's target scaler).
         *
         * @param names the target columns
         * @return this
         */
        public Builder numericTargets(String... names) {
            List<Ref> refs = new ArrayList<>();
            for (String n : names) {
                refs.add(Ref.of(n));
            }
            return numeric(refs);
        }

        /**
         * @param indices the 0-based indices of numeric target columns
         * @return this
         */
        public Builder numericTargetIndices(int... indices) {
            List<Ref> refs = new ArrayList<>();
            for (int i : indices) {
                refs.add(Ref.of(i));
            }
            return numeric(refs);
        }

        private Builder numeric(List<Ref> refs) {
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("give at least one numeric target column");
            }
            this.targets = refs;
            this.task = DataTable.Task.REGRESSION;
            return this;
        }

        /**
         * Reads features only (the default), for data to predict.
         *
         * @return this
         */
        public Builder noTarget() {
            this.targets = List.of();
            this.task = DataTable.Task.NONE;
            return this;
        }

        /**
         * @param order how classes found in the file are numbered (default first seen)
         * @return this
         */
        public Builder classOrder(ClassOrder order) {
            this.classOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Fixes the classes and their order, for example to the class names of a saved model;
         * a label that is not one of them is an error.
         *
         * @param names the classes, distinct
         * @return this
         */
        public Builder classes(List<String> names) {
            List<String> copy = List.copyOf(names);
            if (copy.isEmpty() || new java.util.HashSet<>(copy).size() != copy.size()) {
                throw new IllegalArgumentException("classes must be distinct and at least one, "
                        + "found " + copy);
            }
            this.classes = copy;
            return this;
        }

        /**
         * Tells a listener how far reads have come, every few thousand rows and at the end, for
         * example to show progress on a terminal while a large file loads.
         *
         * @param listener the listener, or {@code null} for none (the default)
         * @return this
         */
        public Builder progress(ReadProgress listener) {
            this.progress = listener;
            return this;
        }

        /** @return the reader */
        public CsvReader build() {
            return new CsvReader(this);
        }
    }

    /**
     * Reads a file in one streaming pass, straight into the table's arrays. A gzip-compressed
     * file (recognized by its first bytes, whatever its name) is decompressed as it is read.
     *
     * @param file the CSV file
     * @return the table, its source named by the file name
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if its content does not fit, naming file, row and column;
     *         or if it is not text in the reader's charset (a binary or otherwise compressed
     *         file), naming the line and byte offset where it stops being text
     */
    public DataTable read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(CsvInput.of(in, charset, file.toString()), file.toString(), size);
        }
    }

    /**
     * Reads CSV bytes from a stream (which is not closed), decoded with the reader's charset;
     * gzip-compressed bytes are decompressed as they are read.
     *
     * @param in the bytes
     * @param source a name for messages, for example the file name
     * @return the table
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the content does not fit or is not text
     */
    public DataTable read(InputStream in, String source) throws IOException {
        return parse(CsvInput.of(in, charset, source), source, -1);
    }

    /**
     * Reads CSV text from a reader (which is not closed).
     *
     * @param in the text
     * @param source a name for messages, for example the file name
     * @return the table
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the content does not fit
     */
    public DataTable read(Reader in, String source) throws IOException {
        return parse(CsvInput.of(in), source, -1);
    }

    /**
     * Reads a file as a {@link RawTable}: numeric and categorical feature columns (declared with
     * {@link Builder#categorical} or inferred, see {@link Builder#inferTypes}) with missing cells
     * ({@link Builder#missingValues}) kept as missing, for a {@link TablePreprocessor} to encode
     * and impute. Rows whose target cell is missing are left out and counted. A file whose
     * feature cells are all numbers gives the same values, bit for bit, as {@link #read(Path)}.
     * A file with categorical columns is read twice, the second time for their text only.
     *
     * @param file the CSV file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the content does not fit, naming file, row and column
     */
    public RawTable readRaw(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return RawCsvReading.read(this, body -> {
            try (InputStream in = Files.newInputStream(file)) {
                body.accept(CsvInput.of(in, charset, file.toString()));
            }
        }, file.toString(), size);
    }

    /**
     * Reads CSV text as a {@link RawTable}, like {@link #readRaw(Path)}; the text is held in
     * memory while it is read.
     *
     * @param in the text (not closed)
     * @param source a name for messages
     * @return the table
     * @throws IOException if reading fails
     */
    public RawTable readRaw(Reader in, String source) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
            sb.append(buf, 0, n);
        }
        String text = sb.toString();
        return RawCsvReading.read(this,
                body -> body.accept(CsvInput.of(new java.io.StringReader(text))), source, -1);
    }

    /**
     * The cells of some columns exactly as the file writes them, row by row, for output that
     * repeats its input (for example predictions beside an ID column): each row's cells joined
     * by commas, quoted where a cell holds a comma, a quote or a line break. Quoted cells are
     * given as their text; unquoted cells keep their surrounding spaces stripped, as in
     * {@link #read}. Blank lines are skipped, so row {@code i} is row {@code i} of
     * {@link #read} and {@link #readRaw} (before rows without a target are left out).
     *
     * @param file the CSV file
     * @param columns the columns, by name (or index without a header)
     * @return one joined line per data row
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a column does not exist
     */
    public List<String> rowsAsWritten(Path file, List<String> columns) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CsvRecords rec = new CsvRecords(CsvInput.of(in, charset, file.toString()),
                    file.toString(), delimiter);
            List<String> out = new ArrayList<>();
            if (!rec.next()) {
                return out;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < rec.count(); i++) {
                names.add(header ? rec.field(i).strip() : Integer.toString(i));
            }
            int[] at = new int[columns.size()];
            for (int j = 0; j < at.length; j++) {
                at[j] = resolve(Ref.of(columns.get(j)), names, file.toString(), "the output");
            }
            if (header && !rec.next()) {
                return out;
            }
            StringBuilder sb = new StringBuilder();
            do {
                sb.setLength(0);
                for (int j = 0; j < at.length; j++) {
                    if (at[j] >= rec.count()) {
                        throw new IllegalArgumentException(file + ": row " + rec.line()
                                + " has " + rec.count() + " fields, too few for column '"
                                + columns.get(j) + "'");
                    }
                    String cell = rec.quoted(at[j]) ? rec.field(at[j]) : rec.field(at[j]).strip();
                    sb.append(j == 0 ? "" : ",").append(quoteCell(cell));
                }
                out.add(sb.toString());
            } while (rec.next());
            return out;
        }
    }

    /**
     * The names of a file's columns: its header, or {@code "0"}, {@code "1"}, ... without one.
     *
     * @param file the CSV file
     * @return the names, in file order; empty for an empty file
     * @throws IOException if the file cannot be read
     */
    public List<String> columnNames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CsvRecords rec = new CsvRecords(CsvInput.of(in, charset, file.toString()),
                    file.toString(), delimiter);
            List<String> names = new ArrayList<>();
            if (rec.next()) {
                for (int i = 0; i < rec.count(); i++) {
                    names.add(header ? rec.field(i).strip() : Integer.toString(i));
                }
            }
            return names;
        }
    }

    /**
     * The text of one column, row by row, as {@link #read} sees it: quoted cells as their text,
     * unquoted cells stripped of surrounding spaces, blank lines skipped (row {@code i} is row
     * {@code i} of {@link #read} with {@link Builder#noTarget()}).
     *
     * @param file the CSV file
     * @param column the column, by name (or index without a header)
     * @return one cell per data row
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the column does not exist or a row is too short
     */
    public List<String> cells(Path file, String column) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CsvRecords rec = new CsvRecords(CsvInput.of(in, charset, file.toString()),
                    file.toString(), delimiter);
            List<String> out = new ArrayList<>();
            if (!rec.next()) {
                return out;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < rec.count(); i++) {
                names.add(header ? rec.field(i).strip() : Integer.toString(i));
            }
            int at = resolve(Ref.of(column), names, file.toString(), "the labels");
            if (header && !rec.next()) {
                return out;
            }
            do {
                if (at >= rec.count()) {
                    throw new IllegalArgumentException(file + ": row " + rec.line() + " has "
                            + rec.count() + " fields, too few for column '" + column + "'");
                }
                out.add(rec.quoted(at) ? rec.field(at) : rec.field(at).strip());
            } while (rec.next());
            return out;
        }
    }

    /**
     * @param s a cell's text
     * @return the text as a CSV cell: quoted when it holds a comma, quote or line break
     */
    public static String quoteCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
                && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    char delimiter() {
        return delimiter;
    }

    DataTable.Task task() {
        return task;
    }

    ClassOrder classOrder() {
        return classOrder;
    }

    List<String> classes() {
        return classes;
    }

    List<String> categorical() {
        return categorical;
    }

    boolean inferTypes() {
        return inferTypes;
    }

    List<String> missingMarkers() {
        return missingMarkers;
    }

    boolean header() {
        return header;
    }

    ReadProgress progress() {
        return progress;
    }

    private DataTable parse(CsvInput input, String source, long totalBytes) throws IOException {
        long started = System.nanoTime();
        CsvRecords rec = new CsvRecords(input, source, delimiter);
        if (!rec.next()) {
            throw new IllegalArgumentException(source + " is empty");
        }
        Layout layout = layout(rec, source);
        List<String> names = layout.names();
        int width = names.size();
        List<Integer> featureCols = layout.features();
        List<Integer> targetCols = layout.targets();
        int k = featureCols.size();
        int[] fc = featureCols.stream().mapToInt(Integer::intValue).toArray();
        int[] tc = targetCols.stream().mapToInt(Integer::intValue).toArray();
        boolean regression = task == DataTable.Task.REGRESSION;
        boolean classification = task == DataTable.Task.CLASSIFICATION;
        long perRow = Math.max(k, regression ? tc.length : 1);
        Values x = new Values();
        Values y = new Values();
        Labels labels = classification ? new Labels(classes) : null;
        int n = 0;
        do {
            if (rec.count() != width) {
                throw new IllegalArgumentException(source + ": row " + rec.line() + " has "
                        + rec.count() + " field" + (rec.count() == 1 ? "" : "s")
                        + ", but " + (header ? "the header has " : "the first row has ")
                        + width);
            }
            if ((n + 1) * perRow > MAX_VALUES) {
                throw new IllegalArgumentException(source + ": row " + rec.line() + ": the "
                        + "file holds more values than one array can (" + MAX_VALUES + " per "
                        + "matrix); split it into smaller files");
            }
            for (int c : fc) {
                x.add(number(rec, c, names, source));
            }
            if (regression) {
                for (int c : tc) {
                    y.add(number(rec, c, names, source));
                }
            } else if (classification) {
                labels.add(rec, tc[0], names.get(tc[0]), source);
            }
            n++;
            if (progress != null && (n & 8191) == 0) {
                progress.update(input.position(), totalBytes, n, false);
            }
        } while (rec.next());
        if (progress != null) {
            progress.update(input.position(), totalBytes, n, true);
        }
        LOG.debug("{}: read {} rows of {} columns in {} ms", source, n, width,
                (System.nanoTime() - started) / 1_000_000);
        List<String> featureNames = featureCols.stream().map(names::get).toList();
        List<String> targetNames = targetCols.stream().map(names::get).toList();
        switch (task) {
            case REGRESSION -> {
                return DataTable.regression(source, x.toArray(), featureNames, y.toArray(),
                        targetNames);
            }
            case CLASSIFICATION -> {
                List<String> classNames = labels.classNames(classOrder);
                return DataTable.classification(source, x.toArray(), featureNames,
                        targetNames.get(0), labels.toArray(), classNames);
            }
            default -> {
                return DataTable.unlabeled(source, x.toArray(), featureNames);
            }
        }
    }

    /** The columns of a file: all names, and the chosen feature and target columns. */
    record Layout(List<String> names, List<Integer> features, List<Integer> targets) {
    }

    /** Reads the header (if any) and resolves the columns; leaves {@code rec} on the first row. */
    Layout layout(CsvRecords rec, String source) throws IOException {
        List<String> names = new ArrayList<>();
        int width = rec.count();
        if (header) {
            for (int i = 0; i < width; i++) {
                names.add(rec.field(i).strip());
            }
            refuseDuplicates(names, source);
            if (!rec.next()) {
                throw new IllegalArgumentException(source + " has a header but no data rows");
            }
        } else {
            for (int i = 0; i < width; i++) {
                names.add(Integer.toString(i));
            }
        }
        String role = task == DataTable.Task.CLASSIFICATION ? "the class target"
                : "a numeric target";
        List<Integer> targetCols = new ArrayList<>();
        for (Ref r : targets) {
            targetCols.add(resolve(r, names, source, role));
        }
        List<Integer> featureCols = new ArrayList<>();
        if (features == null) {
            for (int i = 0; i < width; i++) {
                if (!targetCols.contains(i)) {
                    featureCols.add(i);
                }
            }
        } else {
            for (Ref r : features) {
                int c = resolve(r, names, source, "a feature");
                if (targetCols.contains(c)) {
                    throw new IllegalArgumentException(source + ": column '" + names.get(c)
                            + "' is chosen both as a feature and as a target");
                }
                if (featureCols.contains(c)) {
                    throw new IllegalArgumentException(source + ": feature column '"
                            + names.get(c) + "' is chosen twice");
                }
                featureCols.add(c);
            }
        }
        if (featureCols.isEmpty()) {
            throw new IllegalArgumentException(source + " has no feature column: its only "
                    + "column" + (width == 1 ? " is" : "s are") + " the target");
        }
        return new Layout(names, featureCols, targetCols);
    }

    /** Whether a stripped cell is a number as this reader writes them (before parsing). */
    static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    private static void refuseDuplicates(List<String> names, String source) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw new IllegalArgumentException(source + ": the header gives column " + i
                        + " (counted from 0) no name; give every column a name in the header "
                        + "line, as models record their columns by name");
            }
        }
        Map<String, List<Integer>> at = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.computeIfAbsent(names.get(i), s -> new ArrayList<>()).add(i);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Integer>> e : at.entrySet()) {
            List<Integer> cols = e.getValue();
            if (cols.size() > 1) {
                sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(e.getKey())
                        .append("' at columns ");
                for (int i = 0; i < cols.size(); i++) {
                    sb.append(i == 0 ? "" : i == cols.size() - 1 ? " and " : ", ")
                            .append(cols.get(i));
                }
            }
        }
        if (sb.length() > 0) {
            throw new IllegalArgumentException(source + ": the header repeats column names: "
                    + sb + " (counted from 0); give every column its own name in the header "
                    + "line, as models record their columns by name");
        }
    }

    private static int resolve(Ref r, List<String> names, String source, String role) {
        if (r.name() == null) {
            if (r.index() >= names.size()) {
                throw new IllegalArgumentException(source + " has " + names.size()
                        + " columns (indices 0 to " + (names.size() - 1) + "), so there is no "
                        + "column " + r.index() + " for " + role);
            }
            return r.index();
        }
        int found = names.indexOf(r.name());
        if (found < 0) {
            throw new IllegalArgumentException(source + " has no column '" + r.name() + "' for "
                    + role + "; its columns are: " + String.join(", ", names));
        }
        return found;
    }

    static double number(CsvRecords r, int c, List<String> names, String source) {
        char[] chars = r.chars();
        int from = r.start(c);
        int to = r.end(c);
        while (from < to && Character.isWhitespace(chars[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(chars[to - 1])) {
            to--;
        }
        double v = Numbers.parse(chars, from, to);
        if (Double.isFinite(v)) {
            return v;
        }
        throw new IllegalArgumentException(source + ": row " + r.line() + ", column '"
                + names.get(c) + "': '" + r.field(c) + "' is not a "
                + (Double.isNaN(v) ? "number" : "finite number"));
    }

    /** A growing sequence of doubles in fixed blocks, copied once into one array at the end. */
    static final class Values {
        private static final int BLOCK = 1 << 16;
        private final List<double[]> blocks = new ArrayList<>();
        private double[] current;
        private int used = BLOCK;

        void add(double v) {
            if (used == BLOCK) {
                current = new double[BLOCK];
                blocks.add(current);
                used = 0;
            }
            current[used++] = v;
        }

        double[] toArray() {
            int size = blocks.isEmpty() ? 0 : (blocks.size() - 1) * BLOCK + used;
            double[] a = new double[size];
            for (int b = 0; b < blocks.size(); b++) {
                int len = Math.min(BLOCK, size - b * BLOCK);
                System.arraycopy(blocks.get(b), 0, a, b * BLOCK, len);
                blocks.set(b, null);
            }
            blocks.clear();
            return a;
        }
    }

    /** Class labels numbered as they are read: by the fixed classes, or first seen. */
    static final class Labels {
        private final List<String> fixed;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> seen = new ArrayList<>();
        private int[] labels = new int[1024];
        private int n;

        Labels(List<String> fixed) {
            this.fixed = fixed;
            if (fixed != null) {
                for (int i = 0; i < fixed.size(); i++) {
                    index.put(fixed.get(i), i);
                }
            }
        }

        void add(CsvRecords r, int c, String column, String source) {
            String label = r.quoted(c) ? r.field(c) : r.field(c).strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException(source + ": row " + r.line() + ", column '"
                        + column + "': the class label is empty");
            }
            Integer l = index.get(label);
            if (l == null) {
                if (fixed != null) {
                    throw new IllegalArgumentException(source + ": row " + r.line()
                            + ", column '" + column + "': '" + label
                            + "' is not one of the classes " + String.join(", ", fixed));
                }
                l = seen.size();
                seen.add(label);
                index.put(label, l);
            }
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, (int) Math.min(MAX_VALUES, 2L * n));
            }
            labels[n++] = l;
        }

        List<String> classNames(ClassOrder order) {
            if (fixed != null) {
                return fixed;
            }
            if (order == ClassOrder.SORTED) {
                List<String> sorted = new ArrayList<>(new TreeSet<>(seen));
                int[] renumber = new int[seen.size()];
                for (int i = 0; i < renumber.length; i++) {
                    renumber[i] = sorted.indexOf(seen.get(i));
                }
                for (int i = 0; i < n; i++) {
                    labels[i] = renumber[labels[i]];
                }
                seen.clear();
                seen.addAll(sorted);
            }
            return seen;
        }

        int[] toArray() {
            return Arrays.copyOf(labels, n);
        }
    }
}
