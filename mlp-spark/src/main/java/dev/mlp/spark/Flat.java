package dev.mlp.spark;

/** Flat parameter vectors and seed mixing. */
final class Flat {

    private Flat() {
    }

    /**
     * @param blocks parameter or gradient blocks in layout order
     * @return one array holding them one after the other
     */
    static double[] flatten(double[][] blocks) {
        int n = 0;
        for (double[] b : blocks) {
            n += b.length;
        }
        double[] flat = new double[n];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, flat, at, b.length);
            at += b.length;
        }
        return flat;
    }

    /**
     * @param flat values in layout order
     * @param blocks receives them, block by block
     */
    static void copyInto(double[] flat, double[][] blocks) {
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(flat, at, b, 0, b.length);
            at += b.length;
        }
    }

    /**
     * The SplitMix64 finalizer: a bijective hash that spreads nearby seeds apart.
     *
     * @param z a value
     * @return its mix
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
