package dev.mlp.core.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * The binary container shared by model and checkpoint files (see {@code docs/model-format.md}):
 * a fixed 24-byte header (signature, file type, format version, payload length), named sections,
 * and a CRC-32 of everything before it. All numbers are big-endian; doubles are their raw IEEE 754
 * bits, so every value, {@code -0.0} included, round-trips exactly.
 */
final class Container {

    /** The file signature: {@code 0x89 'M' 'L' 'P' CR LF 0x1A LF}. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'M', 'L', 'P', '\r', '\n', 0x1A, '\n'};
    /** Header bytes before the payload. */
    static final int HEADER = 24;
    /** Trailer bytes (the CRC-32). */
    static final int TRAILER = 4;
    /** The highest format version this code reads. */
    static final int VERSION = 2;
    /** The format version of checkpoint files, and of model files before the layers section. */
    static final int FIRST_VERSION = 1;

    /** The kinds of file, as the four type bytes of the header. */
    enum Type {
        MODEL("MODL", "model"), CHECKPOINT("CKPT", "checkpoint");

        final String tag;
        final String label;

        Type(String tag, String label) {
            this.tag = tag;
            this.label = label;
        }
    }

    private Container() {
    }

    /** @return the framework version recorded in files, or {@code "unknown"} */
    static String frameworkVersion() {
        try (InputStream in = Container.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** Builds a file: sections in order, then the header and checksum around them. */
    static final class Writer {
        private final Type type;
        private final int version;
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        Writer(Type type) {
            this(type, FIRST_VERSION);
        }

        Writer(Type type, int version) {
            this.type = type;
            this.version = version;
        }

        /**
         * @param name the section's name
         * @param body the section's content
         */
        void section(String name, Body body) {
            byte[] b = body.bytes();
            Body head = new Body();
            head.string(name);
            head.u32(b.length);
            payload.writeBytes(head.bytes());
            payload.writeBytes(b);
        }

        /** @return the complete file */
        byte[] toBytes() {
            byte[] p = payload.toByteArray();
            ByteBuffer buf = ByteBuffer.allocate(HEADER + p.length + TRAILER);
            buf.put(SIGNATURE);
            buf.put(type.tag.getBytes(StandardCharsets.US_ASCII));
            buf.putShort((short) version);
            buf.putShort((short) 0);
            buf.putLong(p.length);
            buf.put(p);
            CRC32 crc = new CRC32();
            crc.update(buf.array(), 0, HEADER + p.length);
            buf.putInt((int) crc.getValue());
            return buf.array();
        }
    }

    /** A section's content being written. */
    static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        private Body write(IoAction a) {
            try {
                a.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen for a byte array
            }
            return this;
        }

        private interface IoAction {
            void run() throws IOException;
        }

        Body u8(int v) {
            return write(() -> out.writeByte(v));
        }

        Body u32(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("count must be >= 0, found " + v);
            }
            return write(() -> out.writeInt(v));
        }

        Body i64(long v) {
            return write(() -> out.writeLong(v));
        }

        Body f64(double v) {
            return write(() -> out.writeLong(Double.doubleToRawLongBits(v)));
        }

        Body string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u32(b.length);
            return write(() -> out.write(b));
        }

        Body doubles(double[] v) {
            u32(v.length);
            return write(() -> {
                for (double d : v) {
                    out.writeLong(Double.doubleToRawLongBits(d));
                }
            });
        }

        Body longs(long[] v) {
            u32(v.length);
            return write(() -> {
                for (long d : v) {
                    out.writeLong(d);
                }
            });
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /**
     * Reads and checks a whole file: signature, version, type, length and checksum.
     *
     * @param file the file
     * @param expected the type the caller wants
     * @return the sections by name, in file order (unknown ones included)
     * @throws FileFormatException if the file is not a valid file of that type
     * @throws IOException if it cannot be read
     */
    static Map<String, Section> read(Path file, Type expected) throws IOException {
        return open(file, expected).sections();
    }

    /**
     * What a file holds: its format version and its sections.
     *
     * @param version the format version of its header
     * @param sections the sections by name, in file order
     */
    record Contents(int version, Map<String, Section> sections) {
    }

    /**
     * Like {@link #read}, with the file's format version.
     *
     * @param file the file
     * @param expected the type the caller wants
     * @return the version and the sections
     * @throws FileFormatException if the file is not a valid file of that type
     * @throws IOException if it cannot be read
     */
    static Contents open(Path file, Type expected) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String what = expected.label + " file";
        if (all.length == 0) {
            throw new FileFormatException(FileFormatException.Problem.NOT_RECOGNIZED,
                    file + " is empty, not a " + what);
        }
        int sig = Math.min(all.length, SIGNATURE.length);
        if (!Arrays.equals(all, 0, sig, SIGNATURE, 0, sig)) {
            throw new FileFormatException(FileFormatException.Problem.NOT_RECOGNIZED,
                    file + " is not a " + what + ": it does not start with the MLP file "
                            + "signature (89 4D 4C 50 0D 0A 1A 0A)");
        }
        if (all.length < HEADER) {
            throw new FileFormatException(FileFormatException.Problem.TRUNCATED,
                    file + " is truncated: it has " + all.length + " bytes, fewer than the "
                            + HEADER + "-byte header of a " + what);
        }
        ByteBuffer head = ByteBuffer.wrap(all, 0, HEADER);
        head.position(SIGNATURE.length);
        byte[] tag = new byte[4];
        head.get(tag);
        int version = Short.toUnsignedInt(head.getShort());
        head.getShort();
        long payload = head.getLong();
        if (version > VERSION) {
            throw new FileFormatException(FileFormatException.Problem.NEWER_VERSION,
                    file + " was written in " + expected.label + " file format version " + version
                            + ", but this framework (" + frameworkVersion()
                            + ") reads versions up to " + VERSION
                            + "; load it with a newer version of the framework");
        }
        String tagText = new String(tag, StandardCharsets.US_ASCII);
        if (!tagText.equals(expected.tag)) {
            for (Type t : Type.values()) {
                if (t.tag.equals(tagText)) {
                    throw new FileFormatException(FileFormatException.Problem.WRONG_TYPE,
                            file + " is a " + t.label + " file, not a " + what);
                }
            }
            throw new FileFormatException(FileFormatException.Problem.CORRUPTED,
                    file + " is corrupted: unknown file type '" + tagText + "'");
        }
        if (version == 0) {
            throw new FileFormatException(FileFormatException.Problem.CORRUPTED,
                    file + " is corrupted: format version 0 does not exist");
        }
        long expectedLength = HEADER + payload + TRAILER;
        if (payload < 0 || all.length < expectedLength) {
            throw new FileFormatException(FileFormatException.Problem.TRUNCATED,
                    file + " is truncated: its header announces " + expectedLength
                            + " bytes, but it has " + all.length);
        }
        if (all.length > expectedLength) {
            throw new FileFormatException(FileFormatException.Problem.CORRUPTED,
                    file + " is corrupted: it has " + (all.length - expectedLength)
                            + " bytes after the end its header announces");
        }
        int end = (int) (HEADER + payload);
        CRC32 crc = new CRC32();
        crc.update(all, 0, end);
        int stored = ByteBuffer.wrap(all, end, TRAILER).getInt();
        if (stored != (int) crc.getValue()) {
            throw new FileFormatException(FileFormatException.Problem.CORRUPTED,
                    file + " is corrupted: its checksum does not match its content (stored "
                            + String.format("%08x", stored) + ", computed "
                            + String.format("%08x", (int) crc.getValue()) + ")");
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        Section all0 = new Section(file, "header", ByteBuffer.wrap(all, HEADER, (int) payload));
        while (all0.remaining() > 0) {
            String name = all0.string();
            int length = all0.u32();
            if (length > all0.remaining()) {
                throw all0.malformed("section '" + name + "' is longer than the file");
            }
            ByteBuffer body = all0.buffer.slice(all0.buffer.position(), length);
            all0.buffer.position(all0.buffer.position() + length);
            if (sections.put(name, new Section(file, name, body)) != null) {
                throw all0.malformed("section '" + name + "' appears twice");
            }
        }
        return new Contents(version, sections);
    }

    /**
     * @param sections the sections of a file
     * @param file the file, for messages
     * @param name the required section
     * @return the section
     * @throws FileFormatException if it is missing
     */
    static Section require(Map<String, Section> sections, Path file, String name)
            throws FileFormatException {
        Section s = sections.get(name);
        if (s == null) {
            throw new FileFormatException(FileFormatException.Problem.CORRUPTED,
                    file + " is corrupted: it has no '" + name + "' section");
        }
        return s;
    }

    /** A section's content being read, with bounds checks that report a malformed file. */
    static final class Section {
        private final Path file;
        private final String name;
        private final ByteBuffer buffer;

        Section(Path file, String name, ByteBuffer buffer) {
            this.file = file;
            this.name = name;
            this.buffer = buffer;
        }

        int remaining() {
            return buffer.remaining();
        }

        FileFormatException malformed(String why) {
            return new FileFormatException(FileFormatException.Problem.CORRUPTED,
                    file + " is corrupted: malformed '" + name + "' section: " + why);
        }

        private interface Get<T> {
            T get();
        }

        private <T> T checked(Get<T> g) throws FileFormatException {
            try {
                return g.get();
            } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
                throw malformed("it ends early");
            }
        }

        int u8() throws FileFormatException {
            return checked(() -> Byte.toUnsignedInt(buffer.get()));
        }

        int u32() throws FileFormatException {
            int v = checked(buffer::getInt);
            if (v < 0) {
                throw malformed("negative count " + v);
            }
            return v;
        }

        long i64() throws FileFormatException {
            return checked(buffer::getLong);
        }

        double f64() throws FileFormatException {
            return Double.longBitsToDouble(i64());
        }

        /**
         * Reads a count of items of at least {@code bytesEach} bytes each, refused if they
         * cannot fit in the rest of the section (so that no length field allocates more than
         * the file holds).
         */
        int count(int bytesEach) throws FileFormatException {
            int n = u32();
            if ((long) n * bytesEach > buffer.remaining()) {
                throw malformed("a count of " + n + " runs past the end of the section");
            }
            return n;
        }

        String string() throws FileFormatException {
            int n = count(1);
            byte[] b = new byte[n];
            buffer.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        double[] doubles() throws FileFormatException {
            double[] v = new double[count(8)];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.longBitsToDouble(buffer.getLong());
            }
            return v;
        }

        long[] longs() throws FileFormatException {
            long[] v = new long[count(8)];
            for (int i = 0; i < v.length; i++) {
                v[i] = buffer.getLong();
            }
            return v;
        }

        /** @throws FileFormatException if bytes are left over */
        void end() throws FileFormatException {
            if (buffer.remaining() != 0) {
                throw malformed(buffer.remaining() + " bytes left over");
            }
        }
    }
}
