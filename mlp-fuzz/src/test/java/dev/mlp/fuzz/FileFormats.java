package dev.mlp.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Turns fuzz input into model or checkpoint file bytes. Input that starts like a file (its first
 * byte is the signature's 0x89) is taken as it is; any other input is the payload of a file with
 * a correct header and checksum, so that the fuzzer reaches the sections instead of spending its
 * time on the checksum.
 */
final class FileFormats {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'M', 'L', 'P', '\r', '\n', 0x1A, '\n'};

    private FileFormats() {
    }

    /**
     * @param data the fuzz input
     * @param tag the file type, {@code "MODL"} or {@code "CKPT"}
     * @return the file's bytes
     */
    static byte[] file(byte[] data, String tag) {
        if (data.length > 0 && data[0] == SIGNATURE[0]) {
            return data;
        }
        ByteBuffer buf = ByteBuffer.allocate(24 + data.length + 4);
        buf.put(SIGNATURE);
        buf.put(tag.getBytes(StandardCharsets.US_ASCII));
        buf.putShort((short) 1);
        buf.putShort((short) 0);
        buf.putLong(data.length);
        buf.put(data);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, 24 + data.length);
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /**
     * @param bytes what to write
     * @param name the file name
     * @return a file in a directory of this JVM's own, holding the bytes
     */
    static Path write(byte[] bytes, String name) {
        try {
            Path f = Dir.DIR.resolve(name);
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary directory made on first use and deleted when the JVM exits. */
    private static final class Dir {
        static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory("mlp-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DIR.toFile().deleteOnExit();
        }
    }
}
