package dev.mlp.core.io;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.core.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Saves and loads training {@link Checkpoint}s in the container of model files (see
 * {@code docs/model-format.md}), with the same atomic write and the same refusals: a file that is
 * not a checkpoint file, a model file, a file from a newer format version, and a truncated or
 * corrupted file each fail with a {@link FileFormatException} saying which. Every number
 * round-trips bit for bit.
 */
public final class CheckpointFile {

    /** The checkpoint file format version this framework writes, and the highest it reads. */
    public static final int FORMAT_VERSION = Container.VERSION;

    private CheckpointFile() {
    }

    /**
     * Writes a checkpoint atomically. Temporary files that earlier, interrupted checkpoint saves
     * left in the same directory (for any file with the same extension, see
     * {@link AtomicFiles#removeStale}) are removed.
     *
     * @param checkpoint the run's state
     * @param file where to write it
     * @throws IOException if it cannot be written (any earlier file stays intact)
     */
    public static void save(Checkpoint checkpoint, Path file) throws IOException {
        byte[] bytes = encode(checkpoint);
        AtomicFiles.write(file, out -> out.write(bytes));
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : null;
        AtomicFiles.removeStale(file.toAbsolutePath().getParent(),
                n -> extension == null ? n.equals(name) : n.endsWith(extension));
    }

    static byte[] encode(Checkpoint c) {
        Container.Writer w = new Container.Writer(Container.Type.CHECKPOINT);
        w.section("framework", new Container.Body().string(Container.frameworkVersion()));
        Container.Body b = new Container.Body().i64(c.seed()).u32(c.epoch())
                .u32(c.parameters().length);
        for (double[] p : c.parameters()) {
            b.doubles(p);
        }
        OptimizerSnapshot o = c.optimizer();
        b.string(o.optimizer()).i64(o.steps());
        named(b, o.values());
        b.doubles(c.schedule()).longs(c.random());
        named(b, c.values());
        w.section("checkpoint", b);
        return w.toBytes();
    }

    private static void named(Container.Body b, Map<String, double[]> values) {
        b.u32(values.size());
        values.forEach((k, v) -> b.string(k).doubles(v));
    }

    /**
     * Reads a checkpoint.
     *
     * @param file the file
     * @return the checkpoint
     * @throws FileFormatException if it is not a valid checkpoint file
     * @throws IOException if it cannot be read
     */
    public static Checkpoint load(Path file) throws IOException {
        var sections = Container.read(file, Container.Type.CHECKPOINT);
        // read like describe does, so that a file either loads and describes or fails both
        Container.require(sections, file, "framework").string();
        Container.Section s = Container.require(sections, file, "checkpoint");
        long seed = s.i64();
        int epoch = s.u32();
        double[][] params = new double[s.count(4)][];
        for (int i = 0; i < params.length; i++) {
            params[i] = s.doubles();
        }
        String optimizer = s.string();
        long steps = s.i64();
        Map<String, double[]> optValues = named(s);
        double[] schedule = s.doubles();
        long[] random = s.longs();
        Map<String, double[]> values = named(s);
        s.end();
        try {
            return new Checkpoint(seed, epoch, params,
                    new OptimizerSnapshot(optimizer, steps, optValues), schedule, random, values);
        } catch (IllegalArgumentException e) {
            throw s.malformed(e.getMessage());
        }
    }

    private static Map<String, double[]> named(Container.Section s) throws FileFormatException {
        int n = s.u32();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(s.string(), s.doubles());
        }
        return out;
    }

    /**
     * Lists what a checkpoint file holds: framework version, seed, epoch, parameter blocks,
     * optimizer state, schedule numbers, random state and named values.
     *
     * @param file the file
     * @return the description, one item per line
     * @throws IOException if it cannot be read or is not a valid checkpoint file
     */
    public static String describe(Path file) throws IOException {
        var sections = Container.read(file, Container.Type.CHECKPOINT);
        String framework = Container.require(sections, file, "framework").string();
        Checkpoint c = load(file);
        StringBuilder sb = new StringBuilder();
        line(sb, "format", "checkpoint file format " + FORMAT_VERSION + ", written by mlp "
                + framework);
        line(sb, "seed", Long.toString(c.seed()));
        line(sb, "epochs completed", Integer.toString(c.epoch()));
        long n = 0;
        for (double[] p : c.parameters()) {
            n += p.length;
        }
        line(sb, "parameters", n + " in " + c.parameters().length + " blocks");
        line(sb, "optimizer", c.optimizer().toString());
        line(sb, "schedule", c.schedule().length + " numbers");
        line(sb, "random state", c.random().length + " numbers");
        c.values().forEach((k, v) -> line(sb, "  " + k, v.length + " numbers"));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-22s %s%n", key + ":", value));
    }
}
