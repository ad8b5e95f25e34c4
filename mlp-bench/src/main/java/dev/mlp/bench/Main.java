package dev.mlp.bench;

/**
 * Entry point of {@code mlp-bench.jar}: without arguments runs the workloads and prints the
 * table; {@code jmh ...} hands the remaining arguments to JMH.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args {@code jmh [JMH options]} for the kernel benchmarks, otherwise the workload
     *             runner's options
     * @throws Exception if a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Workloads w;
        try {
            w = Workloads.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("mlp-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (w != null) {
            w.run();
        }
    }
}
