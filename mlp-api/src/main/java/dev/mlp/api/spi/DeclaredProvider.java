package dev.mlp.api.spi;

import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A provider declared by its name, description, parameters and a factory, for any kind of plugin.
 * A provider class extends it with a public no-argument constructor (which
 * {@link java.util.ServiceLoader} needs) that passes the declaration to {@code super}, and
 * implements the provider interface of its kind:
 *
 * <pre>{@code
 * public final class SignSgdProvider extends DeclaredProvider<Optimizer>
 *         implements OptimizerProvider {
 *     public SignSgdProvider() {
 *         super("sign-sgd", "w <- w - lr * sign(g)", List.of(SignSgd.LR),
 *                 p -> new SignSgd(p.real("lr")));
 *     }
 * }
 * }</pre>
 *
 * <p>Defaults and bounds are written once, in the {@link ParameterSpec}s; the framework binds and
 * checks a spec against them before {@link #create(Parameters)} hands the values to the factory.
 * The constructor only stores the declaration: no I/O, nothing created until asked for.
 *
 * @param <T> the kind of plugin the provider creates
 */
public abstract class DeclaredProvider<T> implements PluginProvider<T> {

    private final String name;
    private final List<String> aliases;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final Function<? super Parameters, ? extends T> factory;

    /**
     * Declares a provider without aliases.
     *
     * @param name the name the plugin is found by, lowercase and not blank
     * @param description one line saying what the plugin does
     * @param parameters the parameters, in the order of the canonical spec
     * @param factory creates a configured instance from checked values, defaults filled in
     * @throws IllegalArgumentException if the name is blank or two parameters share a name
     */
    protected DeclaredProvider(String name, String description, List<ParameterSpec> parameters,
                               Function<? super Parameters, ? extends T> factory) {
        this(name, List.of(), description, parameters, factory);
    }

    /**
     * Declares a provider.
     *
     * @param name the name the plugin is found by, lowercase and not blank
     * @param aliases other names the plugin is found by
     * @param description one line saying what the plugin does
     * @param parameters the parameters, in the order of the canonical spec
     * @param factory creates a configured instance from checked values, defaults filled in
     * @throws IllegalArgumentException if the name is blank, two parameters share a name or a
     *                                  shorthand forwards to no plugin parameter
     */
    protected DeclaredProvider(String name, List<String> aliases, String description,
                               List<ParameterSpec> parameters,
                               Function<? super Parameters, ? extends T> factory) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a provider's name must not be blank");
        }
        this.aliases = List.copyOf(aliases);
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = List.copyOf(parameters);
        this.factory = Objects.requireNonNull(factory, "factory");
        Set<String> seen = new HashSet<>();
        Set<String> plugins = new HashSet<>();
        for (ParameterSpec p : this.parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("'" + name + "' declares parameter '"
                        + p.name() + "' twice");
            }
            if (p.type() == ParameterSpec.Type.PLUGIN) {
                plugins.add(p.name());
            }
        }
        for (ParameterSpec p : this.parameters) {
            if (p.forwardsTo() != null && !plugins.contains(p.forwardsTo())) {
                throw new IllegalArgumentException("'" + name + "' declares '" + p.name()
                        + "' as a shorthand for a parameter of '" + p.forwardsTo()
                        + "', which is not one of its plugin parameters");
            }
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final String description() {
        return description;
    }

    /**
     * Creates a configured instance through the factory.
     *
     * @param parameters values validated against {@link #parameters()}, defaults filled in
     * @return the instance
     * @throws IllegalStateException if the factory returns {@code null}
     */
    @Override
    public final T create(Parameters parameters) {
        T created = factory.apply(Objects.requireNonNull(parameters, "parameters"));
        if (created == null) {
            throw new IllegalStateException("the factory of '" + name + "' ("
                    + getClass().getName() + ") returned null");
        }
        return created;
    }

    /**
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
