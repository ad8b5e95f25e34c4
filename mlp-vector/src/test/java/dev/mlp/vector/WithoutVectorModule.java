package dev.mlp.vector;

import dev.mlp.api.spi.ComputeBackendProvider;
import java.util.ServiceLoader;

/**
 * Run in a JVM started without {@code --add-modules jdk.incubator.vector}: prints what the
 * {@code java-vector} provider reports and what choosing it says. Any use of the incubator
 * module would end this program with a {@link NoClassDefFoundError} instead.
 */
final class WithoutVectorModule {

    private WithoutVectorModule() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        ComputeBackendProvider found = null;
        for (ComputeBackendProvider p : ServiceLoader.load(ComputeBackendProvider.class)) {
            if (p.name().equals(VectorBackendProvider.NAME)) {
                System.out.print(p.name() + ": " + p.unavailableReason() + "\n");
                System.out.print("preference " + p.preference() + "\n");
                found = p;
            }
        }
        try {
            found.create(null);
            System.out.print("created\n");
        } catch (IllegalStateException e) {
            System.out.print(e.getMessage() + "\n");
        }
    }
}
