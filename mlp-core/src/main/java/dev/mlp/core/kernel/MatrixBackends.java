package dev.mlp.core.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses the compute backend for the matrix products: the system property
 * {@value #PROPERTY} names it ({@value #JAVA}, the built-in pure-Java {@link Gemm}, by default);
 * other backends are {@link MatrixProductsProvider}s on the class path.
 */
public final class MatrixBackends {

    /** The system property naming the backend. */
    public static final String PROPERTY = "mlp.backend";

    /** The name of the built-in pure-Java backend. */
    public static final String JAVA = "java";

    private MatrixBackends() {
    }

    /**
     * An engine of the backend named by {@value #PROPERTY}.
     *
     * @param threads the most threads one product may use, at least 1
     * @return the engine
     * @throws IllegalStateException if the named backend is unknown or cannot run here
     */
    public static MatrixProducts create(int threads) {
        String name = System.getProperty(PROPERTY, JAVA).trim();
        return create(name, threads);
    }

    /**
     * An engine of the named backend.
     *
     * @param name the backend's name
     * @param threads the most threads one product may use, at least 1
     * @return the engine
     * @throws IllegalStateException if the backend is unknown or cannot run here
     */
    public static MatrixProducts create(String name, int threads) {
        if (name.equals(JAVA)) {
            return new Gemm(threads);
        }
        List<String> known = new ArrayList<>();
        known.add(JAVA);
        for (MatrixProductsProvider p : providers()) {
            if (p.name().equals(name)) {
                String why = p.unavailableReason();
                if (why != null) {
                    throw new IllegalStateException("compute backend '" + name
                            + "' cannot run here: " + why);
                }
                return p.create(threads);
            }
            known.add(p.name());
        }
        throw new IllegalStateException("unknown compute backend '" + name + "' (system property "
                + PROPERTY + "); known: " + String.join(", ", known));
    }

    /**
     * @return the backends on the class path besides the built-in one, in discovery order
     */
    public static List<MatrixProductsProvider> providers() {
        List<MatrixProductsProvider> out = new ArrayList<>();
        ServiceLoader<MatrixProductsProvider> loader = ServiceLoader.load(
                MatrixProductsProvider.class, MatrixBackends.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                // a broken provider jar must not hide the others; it is simply not offered
                System.getLogger(MatrixBackends.class.getName()).log(
                        System.Logger.Level.WARNING, "skipping a compute backend: " + e);
            }
        }
        return out;
    }
}
