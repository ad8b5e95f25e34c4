package dev.mlp.data;

import java.io.IOException;
import java.util.Arrays;

/**
 * Splits CSV text into records per RFC 4180, one record at a time: the current record's fields
 * live in one reused character array, so reading a file keeps no per-cell objects. Blank lines
 * are skipped; a byte order mark at the start is ignored.
 */
final class CsvRecords {

    private final CsvInput in;
    private final String source;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private int line = 1;

    private char[] chars = new char[256];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int count;
    private int recordLine;

    CsvRecords(CsvInput in, String source, char delimiter) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
    }

    /** @return the line the current record starts on, from 1 */
    int line() {
        return recordLine;
    }

    /** @return the number of fields of the current record */
    int count() {
        return count;
    }

    /** @return the characters of the current record; field {@code i} is at {@link #start} */
    char[] chars() {
        return chars;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean quoted(int field) {
        return quoted[field];
    }

    /** @return field {@code i} as it was written, without its quotes */
    String field(int i) {
        return new String(chars, starts[i], ends[i] - starts[i]);
    }

    /**
     * Reads the next record that is not a blank line.
     *
     * @return false at the end of the text
     * @throws IOException if reading fails
     * @throws IllegalArgumentException for a quote that is never closed or text after one
     */
    boolean next() throws IOException {
        while (true) {
            if (peek() < 0) {
                return false;
            }
            readRecord();
            if (count != 1 || quoted[0] || !blank(starts[0], ends[0])) {
                return true;
            }
        }
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private int peek() throws IOException {
        if (pos == lim && !refill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        if (!started) {
            started = true;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                return pos < lim || refill();
            }
        }
        return true;
    }

    private void readRecord() throws IOException {
        recordLine = line;
        count = 0;
        int len = 0;
        while (true) {
            int fieldStart = len;
            boolean q = false;
            int fieldLine = line;
            int c = peek();
            if (c == '"') {
                q = true;
                pos++;
                while (true) {
                    c = peek();
                    if (c < 0) {
                        throw new IllegalArgumentException(source + ": row " + recordLine
                                + ": the quoted field opened on line " + fieldLine
                                + " is never closed");
                    }
                    pos++;
                    if (c == '"') {
                        if (peek() == '"') {
                            len = append(len, '"');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && peek() != '\n')) {
                            line++;
                        }
                        len = append(len, (char) c);
                    }
                }
                // skip spaces after the closing quote
                if (delimiter != ' ') {
                    while (peek() == ' ') {
                        pos++;
                    }
                }
                c = peek();
                if (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                    throw new IllegalArgumentException(source + ": row " + recordLine
                            + ", field " + (count + 1) + ": unexpected '" + (char) c
                            + "' after a closing quote (a quote inside a quoted field is "
                            + "written \"\")");
                }
            } else {
                while (pos < lim || refill()) {
                    char ch = buf[pos];
                    if (ch == delimiter || ch == '\n' || ch == '\r') {
                        break;
                    }
                    len = append(len, ch);
                    pos++;
                }
            }
            addField(fieldStart, len, q);
            c = peek();
            if (c < 0) {
                break;
            }
            pos++;
            if (c == delimiter) {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                pos++;
            }
            line++;
            break;
        }
    }

    private int append(int len, char c) {
        if (len == chars.length) {
            if (len >= Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(source + ": row " + recordLine
                        + " is longer than one record can be (2^31 characters)");
            }
            chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 8, 2L * len));
        }
        chars[len] = c;
        return len + 1;
    }

    private void addField(int from, int to, boolean q) {
        if (count == starts.length) {
            int n = 2 * count;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            quoted = Arrays.copyOf(quoted, n);
        }
        starts[count] = from;
        ends[count] = to;
        quoted[count] = q;
        count++;
    }
}
