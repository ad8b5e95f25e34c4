package dev.mlp.bench;

import dev.mlp.core.Mlp;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The precision axis of the benchmark. {@code float64} is every model's default and leaves the
 * builder as it is (the same bits as before the axis existed); any other precision is set with
 * the builder's {@code precision(String)}, looked up at run time so that the runner builds and
 * runs against a framework without it and then says so in one line.
 */
final class Precisions {

    private Precisions() {
    }

    /**
     * @param precision {@code float64} or {@code float32}
     * @return why the framework cannot train in that precision, or {@code null} if it can
     */
    static String unavailable(String precision) {
        if (precision.equals(Workloads.FLOAT64)) {
            return null;
        }
        if (setter() == null) {
            return "the model builder has no precision(String)";
        }
        try {
            apply(Mlp.builder(), precision).inputs(2).layer(1, "sigmoid").build();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * @param builder a model builder
     * @param precision {@code float64} (the builder is left as it is) or another precision
     * @return the builder
     * @throws IllegalArgumentException if the builder refuses the precision
     * @throws UnsupportedOperationException if the builder has no precision setting
     */
    static Mlp.Builder apply(Mlp.Builder builder, String precision) {
        if (precision.equals(Workloads.FLOAT64)) {
            return builder;
        }
        Method m = setter();
        if (m == null) {
            throw new UnsupportedOperationException("the model builder has no "
                    + "precision(String)");
        }
        try {
            m.invoke(builder, precision);
            return builder;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new UnsupportedOperationException("precision(String) is not public", e);
        }
    }

    private static Method setter() {
        try {
            return Mlp.Builder.class.getMethod("precision", String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
