package dev.mlp.data;

/**
 * Hears how far a {@link CsvReader} has come through a file, for example to draw a progress
 * line on a terminal. The reader calls it from the reading thread every few thousand rows and
 * once more when the file has been read; it does not time anything itself, so a listener that
 * only wants to speak up for long reads checks the clock on its own.
 */
@FunctionalInterface
public interface ReadProgress {

    /**
     * @param bytesRead the bytes of the file read so far (compressed bytes for a gzip file;
     *                  characters when reading from a {@link java.io.Reader})
     * @param totalBytes the file's size in the same unit, or {@code -1} if unknown
     * @param rows the data rows read so far
     * @param done whether this is the last call, made after the whole file was read
     */
    void update(long bytesRead, long totalBytes, long rows, boolean done);
}
