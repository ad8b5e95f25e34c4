package dev.mlp.api.spi;

import dev.mlp.api.spec.ParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks and writes the hyperparameters of a plugin configured in Java code, against the same
 * {@link ParameterSpec}s its provider declares, so that a value accepted in a spec string is
 * accepted in code and vice versa. Meant for a record's compact constructor and its
 * {@code toString}:
 *
 * <pre>{@code
 * public record SignSgd(double lr) implements Optimizer {
 *     public static final ParameterSpec LR = ParameterSpec.real("lr", 0.01, "step").above(0);
 *     public SignSgd {
 *         Hyperparameters.check("sign-sgd", List.of(LR), lr);
 *     }
 *     public String toString() {
 *         return Hyperparameters.spec("sign-sgd", List.of(LR), lr); // sign-sgd(lr=0.01)
 *     }
 *     ...
 * }
 * }</pre>
 */
public final class Hyperparameters {

    private Hyperparameters() {
    }

    /**
     * Checks values against their declarations, in order.
     *
     * @param plugin the plugin's name, for messages
     * @param declared the declarations
     * @param values one value per declaration, in the same order (a choice as its word)
     * @throws dev.mlp.api.spec.SpecException naming the plugin, the parameter, its range and the
     *         value, if a value is of the wrong type or out of range
     * @throws IllegalArgumentException if the counts differ
     */
    public static void check(String plugin, List<ParameterSpec> declared, Object... values) {
        requireCounts(plugin, declared, values);
        for (int i = 0; i < values.length; i++) {
            declared.get(i).check(values[i], plugin);
        }
    }

    /**
     * The canonical spec of a configuration: the name and every parameter in declaration order,
     * written as {@link dev.mlp.api.spec.Parameters#toSpec()} writes it, so that parsing it gives
     * the same values back.
     *
     * @param plugin the plugin's name
     * @param declared the declarations
     * @param values one value per declaration, in the same order (a choice as its word)
     * @return for example {@code "momentum(lr=0.01, mu=0.9)"}, or just the name without
     *         parameters
     * @throws IllegalArgumentException if the counts differ
     */
    public static String spec(String plugin, List<ParameterSpec> declared, Object... values) {
        requireCounts(plugin, declared, values);
        if (values.length == 0) {
            return plugin;
        }
        List<String> parts = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            parts.add(declared.get(i).name() + "=" + ParameterSpec.format(values[i]));
        }
        return plugin + "(" + String.join(", ", parts) + ")";
    }

    private static void requireCounts(String plugin, List<ParameterSpec> declared,
                                      Object[] values) {
        if (declared.size() != values.length) {
            throw new IllegalArgumentException("'" + plugin + "' declares " + declared.size()
                    + " parameters, found " + values.length + " values");
        }
    }
}
