package dev.mlp.data;

import java.io.IOException;
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
 * {@code -1.5e3}: NaN and infinities are refused.
 *
 * <p>Readers are immutable and can read many files.
 */
public final class CsvReader {

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

    private CsvReader(Builder b) {
        this.delimiter = b.delimiter;
        this.header = b.header;
        this.charset = b.charset;
        this.features = b.features == null ? null : List.copyOf(b.features);
        this.targets = List.copyOf(b.targets);
        this.task = b.task;
        this.classOrder = b.classOrder;
        this.classes = b.classes;
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

        private Builder() {
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

        /** @return the reader */
        public CsvReader build() {
            return new CsvReader(this);
        }
    }

    /**
     * Reads a file.
     *
     * @param file the CSV file
     * @return the table, its source named by the file name
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if its content does not fit, naming file, row and column
     */
    public DataTable read(Path file) throws IOException {
        return parse(Files.readString(file, charset), file.toString());
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
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        return parse(sb.toString(), source);
    }

    /** One record: the line it starts on, its fields, which were quoted. */
    private record Row(int line, List<String> fields, List<Boolean> quoted) {
    }

    private DataTable parse(String text, String source) {
        List<Row> rows = new Records(text, source, delimiter).all();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty");
        }
        List<String> names = new ArrayList<>();
        int width = rows.get(0).fields().size();
        if (header) {
            for (String s : rows.get(0).fields()) {
                names.add(s.strip());
            }
            rows = rows.subList(1, rows.size());
            if (rows.isEmpty()) {
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
        for (Row r : rows) {
            if (r.fields().size() != width) {
                throw new IllegalArgumentException(source + ": row " + r.line() + " has "
                        + r.fields().size() + " field" + (r.fields().size() == 1 ? "" : "s")
                        + ", but " + (header ? "the header has " : "the first row has ")
                        + width);
            }
        }
        int n = rows.size();
        int k = featureCols.size();
        double[] x = new double[n * k];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            for (int j = 0; j < k; j++) {
                int c = featureCols.get(j);
                x[i * k + j] = number(r, c, names, source);
            }
        }
        List<String> featureNames = featureCols.stream().map(names::get).toList();
        List<String> targetNames = targetCols.stream().map(names::get).toList();
        switch (task) {
            case REGRESSION -> {
                int t = targetCols.size();
                double[] y = new double[n * t];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < t; j++) {
                        y[i * t + j] = number(rows.get(i), targetCols.get(j), names, source);
                    }
                }
                return DataTable.regression(source, x, featureNames, y, targetNames);
            }
            case CLASSIFICATION -> {
                int c = targetCols.get(0);
                String[] raw = new String[n];
                for (int i = 0; i < n; i++) {
                    Row r = rows.get(i);
                    String label = r.quoted().get(c) ? r.fields().get(c) : r.fields().get(c)
                            .strip();
                    if (label.isEmpty()) {
                        throw new IllegalArgumentException(source + ": row " + r.line()
                                + ", column '" + names.get(c) + "': the class label is empty");
                    }
                    raw[i] = label;
                }
                List<String> classNames = classNames(raw);
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < classNames.size(); i++) {
                    index.put(classNames.get(i), i);
                }
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    Integer l = index.get(raw[i]);
                    if (l == null) {
                        throw new IllegalArgumentException(source + ": row " + rows.get(i).line()
                                + ", column '" + names.get(c) + "': '" + raw[i]
                                + "' is not one of the classes " + String.join(", ", classNames));
                    }
                    labels[i] = l;
                }
                return DataTable.classification(source, x, featureNames, targetNames.get(0),
                        labels, classNames);
            }
            default -> {
                return DataTable.unlabeled(source, x, featureNames);
            }
        }
    }

    private List<String> classNames(String[] raw) {
        if (classes != null) {
            return classes;
        }
        if (classOrder == ClassOrder.SORTED) {
            return new ArrayList<>(new TreeSet<>(Arrays.asList(raw)));
        }
        LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
        for (String s : raw) {
            seen.putIfAbsent(s, Boolean.TRUE);
        }
        return new ArrayList<>(seen.keySet());
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
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(r.name())) {
                if (found >= 0) {
                    throw new IllegalArgumentException(source + ": the column name '" + r.name()
                            + "' appears twice in the header (columns " + found + " and " + i
                            + "); choose the column by index");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(source + " has no column '" + r.name() + "' for "
                    + role + "; its columns are: " + String.join(", ", names));
        }
        return found;
    }

    private static double number(Row r, int c, List<String> names, String source) {
        String cell = r.fields().get(c);
        String s = cell.strip();
        if (NUMBER.matcher(s).matches()) {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
            throw new IllegalArgumentException(source + ": row " + r.line() + ", column '"
                    + names.get(c) + "': '" + cell + "' is not a finite number");
        }
        throw new IllegalArgumentException(source + ": row " + r.line() + ", column '"
                + names.get(c) + "': '" + cell + "' is not a number");
    }

    /** Splits text into records per RFC 4180. */
    private static final class Records {
        private final String text;
        private final String source;
        private final char delimiter;
        private int pos;
        private int line = 1;

        Records(String text, String source, char delimiter) {
            this.text = text;
            this.source = source;
            this.delimiter = delimiter;
            if (text.startsWith("\uFEFF")) {
                pos = 1;
            }
        }

        List<Row> all() {
            List<Row> rows = new ArrayList<>();
            while (pos < text.length()) {
                Row r = next();
                boolean blank = r.fields().size() == 1 && !r.quoted().get(0)
                        && r.fields().get(0).isBlank();
                if (!blank) {
                    rows.add(r);
                }
            }
            return rows;
        }

        private Row next() {
            int start = line;
            List<String> fields = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            while (true) {
                StringBuilder sb = new StringBuilder();
                boolean q = false;
                int fieldLine = line;
                if (pos < text.length() && text.charAt(pos) == '"') {
                    q = true;
                    pos++;
                    while (true) {
                        if (pos >= text.length()) {
                            throw new IllegalArgumentException(source + ": row " + start
                                    + ": the quoted field opened on line " + fieldLine
                                    + " is never closed");
                        }
                        char c = text.charAt(pos++);
                        if (c == '"') {
                            if (pos < text.length() && text.charAt(pos) == '"') {
                                sb.append('"');
                                pos++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n' || (c == '\r' && !(pos < text.length()
                                    && text.charAt(pos) == '\n'))) {
                                line++;
                            }
                            sb.append(c);
                        }
                    }
                    // skip spaces after the closing quote
                    while (pos < text.length() && text.charAt(pos) == ' '
                            && delimiter != ' ') {
                        pos++;
                    }
                    if (pos < text.length() && text.charAt(pos) != delimiter
                            && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                        throw new IllegalArgumentException(source + ": row " + start
                                + ", field " + (fields.size() + 1) + ": unexpected '"
                                + text.charAt(pos) + "' after a closing quote (a quote inside "
                                + "a quoted field is written \"\")");
                    }
                } else {
                    while (pos < text.length()) {
                        char c = text.charAt(pos);
                        if (c == delimiter || c == '\n' || c == '\r') {
                            break;
                        }
                        sb.append(c);
                        pos++;
                    }
                }
                fields.add(sb.toString());
                quoted.add(q);
                if (pos >= text.length()) {
                    break;
                }
                char c = text.charAt(pos++);
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                break;
            }
            return new Row(start, fields, quoted);
        }
    }
}
