package dev.mlp.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The characters of a CSV source, read in blocks: bytes decoded with a strict decoder, so that
 * a binary file, a compressed file or text in another character set is refused with the place
 * where it stops being text, or the characters of a {@link Reader}.
 */
abstract class CsvInput {

    private static final int BLOCK = 1 << 16;

    /**
     * @param dst where to put characters
     * @return how many were read, at least 1, or {@code -1} at the end
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the bytes are not text in the charset
     */
    abstract int read(char[] dst) throws IOException;

    /** @return how far the source has been read, in bytes of the file (or characters) */
    abstract long position();

    static CsvInput of(Reader in) {
        return new CsvInput() {
            private long chars;

            @Override
            int read(char[] dst) throws IOException {
                int n;
                do {
                    n = in.read(dst);
                } while (n == 0);
                if (n > 0) {
                    chars += n;
                }
                return n;
            }

            @Override
            long position() {
                return chars;
            }
        };
    }

    /**
     * Bytes of a file: gzip-compressed data is decompressed on the fly; other archives and
     * compressed formats, UTF-16 text read as UTF-8, NUL bytes and bytes that are not text in
     * the charset are refused, naming the source, line and byte offset.
     */
    static CsvInput of(InputStream raw, Charset charset, String source) throws IOException {
        Counting counting = new Counting(raw);
        BufferedInputStream in = new BufferedInputStream(counting, BLOCK);
        in.mark(8);
        byte[] head = in.readNBytes(6);
        in.reset();
        if (starts(head, 0x1f, 0x8b)) {
            return new Decoding(gunzip(in, source), charset, source, counting, true);
        }
        String refused = refusedFormat(head, charset);
        if (refused != null) {
            throw new IllegalArgumentException(source + refused);
        }
        return new Decoding(in, charset, source, counting, false);
    }

    private static String refusedFormat(byte[] head, Charset charset) {
        if (starts(head, 'P', 'K', 3, 4) || starts(head, 'P', 'K', 5, 6)) {
            return " is a ZIP archive, not CSV text: extract the CSV file from it and read that";
        }
        if (starts(head, 'B', 'Z', 'h')) {
            return " is bzip2-compressed: decompress it first (bunzip2); gzip-compressed files "
                    + "are read as they are";
        }
        if (starts(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return " is xz-compressed: decompress it first (xz -d); gzip-compressed files are "
                    + "read as they are";
        }
        if (starts(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return " is zstd-compressed: decompress it first (zstd -d); gzip-compressed files "
                    + "are read as they are";
        }
        if (charset.equals(StandardCharsets.UTF_8)
                && (starts(head, 0xff, 0xfe) || starts(head, 0xfe, 0xff))) {
            return " is UTF-16 text (it starts with a UTF-16 byte order mark), but CSV files are "
                    + "read as UTF-8: save it as UTF-8";
        }
        return null;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static InputStream gunzip(InputStream in, String source) throws IOException {
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(in, BLOCK);
        } catch (ZipException | EOFException e) {
            throw damaged(source, e);
        }
        return new FilterInputStream(gz) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (ZipException | EOFException e) {
                    throw damaged(source, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (ZipException | EOFException e) {
                    throw damaged(source, e);
                }
            }
        };
    }

    private static IllegalArgumentException damaged(String source, IOException e) {
        return new IllegalArgumentException(source + " is gzip-compressed, but its compressed "
                + "data is damaged or cut short (" + e.getMessage() + "): check it with "
                + "gunzip -t", e);
    }

    /** Counts the bytes read from the file itself, for progress. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /** Strictly decoded bytes. */
    private static final class Decoding extends CsvInput {
        private final InputStream in;
        private final Charset charset;
        private final CharsetDecoder decoder;
        private final boolean asciiCompatible;
        private final String source;
        private final Counting counting;
        private final boolean gzip;
        private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK).flip();
        private boolean eof;
        /** Bytes decoded so far: the offset of the next byte to decode. */
        private long decoded;
        /** Line of the next character: 1 plus the line feeds handed out so far. */
        private long line = 1;

        Decoding(InputStream in, Charset charset, String source, Counting counting,
                 boolean gzip) {
            this.in = in;
            this.charset = charset;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.asciiCompatible = charset.equals(StandardCharsets.UTF_8)
                    || charset.equals(StandardCharsets.US_ASCII)
                    || charset.equals(StandardCharsets.ISO_8859_1)
                    || charset.name().startsWith("windows-125");
            this.source = source;
            this.counting = counting;
            this.gzip = gzip;
        }

        @Override
        long position() {
            return counting.count;
        }

        @Override
        int read(char[] dst) throws IOException {
            CharBuffer out = CharBuffer.wrap(dst);
            while (out.position() == 0) {
                if (!eof && bytes.remaining() < 8) {
                    fill();
                    continue;
                }
                if (!bytes.hasRemaining()) {
                    return -1;
                }
                int limit = bytes.limit();
                int nul = asciiCompatible ? nul() : -1;
                if (nul == bytes.position()) {
                    throw new IllegalArgumentException(source + ": " + where()
                            + " holds a NUL byte, so this is a binary file, not CSV text: "
                            + "export the data as CSV (" + charset.name() + " text)");
                }
                if (nul > 0) {
                    bytes.limit(nul);
                }
                int before = bytes.position();
                CoderResult r = decoder.decode(bytes, out, eof || nul > 0);
                decoded += bytes.position() - before;
                if (nul > 0) {
                    bytes.limit(limit);
                    decoder.reset();
                }
                if (r.isError()) {
                    if (out.position() > 0) {
                        break;
                    }
                    throw notText();
                }
                if (r.isOverflow()) {
                    break;
                }
                if (out.position() == 0 && !eof) {
                    fill();
                }
            }
            int n = out.position();
            for (int i = 0; i < n; i++) {
                if (dst[i] == '\n') {
                    line++;
                }
            }
            return n;
        }

        private int nul() {
            byte[] a = bytes.array();
            for (int i = bytes.position(), end = bytes.limit(); i < end; i++) {
                if (a[i] == 0) {
                    return i;
                }
            }
            return -1;
        }

        private void fill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        private String where() {
            return "line " + line + " (byte offset " + decoded
                    + (gzip ? " of the decompressed data" : "") + ")";
        }

        private IllegalArgumentException notText() {
            if (charset.equals(StandardCharsets.UTF_8)) {
                return new IllegalArgumentException(source + ": " + where() + " is not UTF-8 "
                        + "text, and CSV files are read as UTF-8: if this is a spreadsheet or a "
                        + "binary file, export the data as CSV; if it is text in another "
                        + "encoding such as Latin-1, convert it first (for example iconv -f "
                        + "latin1 -t utf-8 in.csv > out.csv)");
            }
            return new IllegalArgumentException(source + ": " + where() + " is not "
                    + charset.name() + " text: give the file's character set, or convert the "
                    + "file to UTF-8");
        }
    }
}
