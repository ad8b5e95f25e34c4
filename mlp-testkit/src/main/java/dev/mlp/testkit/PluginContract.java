package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract of one plugin provider: the checks every provider passes (name, aliases,
 * parameter declarations, spec round trip, rejection of bad specs) followed by the checks of its
 * kind, each run on the plugin configured with its defaults and on every spec added with
 * {@link #alsoWith(String)}.
 *
 * @param <T> the plugin type
 * @param <C> the concrete contract type, for fluent options
 */
public abstract class PluginContract<T, C extends PluginContract<T, C>> {

    /** The checks every provider passes, whatever its kind. */
    static final String NAME = "name is lowercase and not blank";
    static final String ALIASES = "aliases are distinct, lowercase and not the name";
    static final String DEFAULTS = "parameter declarations and defaults are valid";
    static final String CREATE = "created instance has the provider's name";
    static final String ROUND_TRIP = "spec round trip gives the same parameters and behaviour";
    static final String BOUNDS = "unknown parameters and values just outside each bound are "
            + "rejected, values at the bounds accepted";

    static final List<String> PROVIDER_CHECKS = List.of(NAME, ALIASES, DEFAULTS, CREATE,
            ROUND_TRIP, BOUNDS);

    private final PluginKind<?> kind;
    private final PluginProvider<T> provider;
    private final Map<String, String> given = new LinkedHashMap<>();
    private final List<String> extraSpecs = new ArrayList<>();

    PluginContract(PluginKind<?> kind, PluginProvider<T> provider) {
        this.kind = kind;
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * @return this contract, typed
     */
    @SuppressWarnings("unchecked")
    final C self() {
        return (C) this;
    }

    /**
     * Gives a value for a parameter in the base configuration, for example one that is required
     * (has no default).
     *
     * @param name the parameter's name
     * @param value its value as written in a spec
     * @return this contract
     */
    public C parameter(String name, String value) {
        given.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Adds a configuration on which every check of the kind also runs, for example
     * {@code "elu(alpha=0.5)"}.
     *
     * @param spec a spec of this provider's plugin
     * @return this contract
     */
    public C alsoWith(String spec) {
        extraSpecs.add(Objects.requireNonNull(spec, "spec"));
        return self();
    }

    /**
     * @return the provider under test
     */
    public PluginProvider<T> provider() {
        return provider;
    }

    /**
     * @return the kind of plugin
     */
    public PluginKind<?> kind() {
        return kind;
    }

    /**
     * The dynamic tests: one container named after the kind and the plugin, holding one test
     * per check.
     *
     * @return the tests, for a {@code @TestFactory}
     */
    public Stream<DynamicNode> tests() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Check c : checks()) {
            tests.add(DynamicTest.dynamicTest(c.displayName(), c.body()));
        }
        return Stream.of(DynamicContainer.dynamicContainer(kind.label() + " '" + provider.name()
                + "' (" + provider.getClass().getName() + ")", tests));
    }

    /**
     * @return every check, provider checks first
     */
    final List<Check> checks() {
        List<Check> all = new ArrayList<>();
        all.add(new Check(NAME, "", this::checkName));
        all.add(new Check(ALIASES, "", this::checkAliases));
        all.add(new Check(DEFAULTS, "", this::checkDefaults));
        all.add(new Check(CREATE, "", this::checkCreate));
        all.add(new Check(ROUND_TRIP, "", this::checkRoundTrip));
        all.add(new Check(BOUNDS, "", this::checkBounds));
        for (String spec : configurations()) {
            all.addAll(kindChecks(spec));
        }
        return all;
    }

    /**
     * The kind's checks for one configuration.
     *
     * @param spec the configuration's spec
     * @return the checks, in the order of {@link PluginContracts#checks(PluginKind)}
     */
    abstract List<Check> kindChecks(String spec);

    /**
     * Numbers that capture how an instance behaves, compared bit for bit by the round trip.
     *
     * @param instance a configured plugin
     * @return its behaviour on fixed inputs
     */
    abstract double[] behaviour(T instance);

    /**
     * @param instance a configured plugin
     * @return its {@code name()}, or {@code null} for kinds without names
     */
    abstract String nameOf(T instance);

    // ------------------------------------------------------------------ configurations

    /** The base spec (defaults plus given values) and every added spec. */
    final List<String> configurations() {
        List<String> specs = new ArrayList<>();
        String base;
        try {
            base = bind(given).toSpec();
        } catch (RuntimeException e) {
            base = new Spec(provider.name(), given).toString();
        }
        specs.add(base);
        for (String s : extraSpecs) {
            if (!specs.contains(s)) {
                specs.add(s);
            }
        }
        return specs;
    }

    final Parameters bind(Map<String, String> raw) {
        return Parameters.bind(provider.name(), provider.parameters(), raw);
    }

    /**
     * Creates the plugin configured by a spec, failing the check with a clear message if the
     * spec does not name this provider or is rejected.
     *
     * @param spec the spec
     * @return a new instance
     */
    final T create(String spec) {
        Spec parsed = Spec.parse(spec);
        if (!parsed.name().equals(provider.name()) && !provider.aliases().contains(parsed.name())) {
            throw new AssertionError("the spec '" + spec + "' does not name the " + kind.label()
                    + " '" + provider.name() + "'");
        }
        Parameters p;
        try {
            p = bind(parsed.arguments());
        } catch (SpecException e) {
            throw new AssertionError("the spec '" + spec + "' is rejected: " + e.getMessage(), e);
        }
        T t = provider.create(p);
        if (t == null) {
            throw new AssertionError(provider.getClass().getName() + ".create(" + p.toSpec()
                    + ") returned null");
        }
        return t;
    }

    // ------------------------------------------------------------------ provider checks

    private void checkName() {
        String n = provider.name();
        Problems p = new Problems(kind.label() + " provider " + provider.getClass().getName());
        if (n == null || n.isBlank()) {
            p.add("name() is blank or null: '" + n + "'");
        } else {
            if (!n.equals(n.toLowerCase(Locale.ROOT))) {
                p.add("name '" + n + "' is not lowercase");
            }
            if (!n.equals(n.strip())) {
                p.add("name '" + n + "' has surrounding spaces");
            }
            try {
                Spec s = Spec.parse(n);
                if (!s.name().equals(n)) {
                    p.add("name '" + n + "' does not parse back as itself");
                }
            } catch (SpecException e) {
                p.add("name '" + n + "' cannot be written in a spec: " + e.getMessage());
            }
        }
        p.throwIfAny();
    }

    private void checkAliases() {
        Problems p = new Problems(kind.label() + " '" + provider.name() + "' aliases "
                + provider.aliases());
        Set<String> seen = new HashSet<>();
        seen.add(provider.name());
        for (String a : provider.aliases()) {
            if (a == null || a.isBlank()) {
                p.add("an alias is blank or null");
                continue;
            }
            if (!a.equals(a.toLowerCase(Locale.ROOT)) || !a.equals(a.strip())) {
                p.add("alias '" + a + "' is not lowercase without surrounding spaces");
            }
            if (!seen.add(a)) {
                p.add("alias '" + a + "' repeats the name or another alias");
            }
        }
        p.throwIfAny();
    }

    private void checkDefaults() {
        Problems p = new Problems(kind.label() + " '" + provider.name() + "' parameters");
        Set<String> names = new HashSet<>();
        for (ParameterSpec s : provider.parameters()) {
            if (!names.add(s.name())) {
                p.add("parameter '" + s.name() + "' is declared twice");
            }
            if (s.defaultValue() == null) {
                if (!given.containsKey(s.name())) {
                    p.add("parameter '" + s.name() + "' has no default; give the kit a value with"
                            + " .parameter(\"" + s.name() + "\", ...)");
                }
                continue;
            }
            try {
                Object checked = s.check(s.defaultValue(), provider.name());
                if (!checked.equals(s.defaultValue())) {
                    p.add("default of '" + s.name() + "' is " + s.defaultValue() + " ("
                            + s.defaultValue().getClass().getSimpleName() + ") but reads back as "
                            + checked + " (" + checked.getClass().getSimpleName() + ")");
                }
            } catch (RuntimeException e) {
                p.add("default of '" + s.name() + "' is invalid: " + e.getMessage());
            }
        }
        p.throwIfAny();
    }

    private void checkCreate() {
        String spec = configurations().get(0);
        T t = create(spec);
        String n = nameOf(t);
        if (n != null && !n.equals(provider.name())) {
            throw new AssertionError(provider.getClass().getName() + " creates for '" + spec
                    + "' an instance named '" + n + "', expected '" + provider.name() + "'");
        }
    }

    private void checkRoundTrip() {
        Problems p = new Problems(kind.label() + " '" + provider.name() + "' spec round trip");
        List<Map<String, String>> variants = new ArrayList<>();
        variants.add(new LinkedHashMap<>(given));
        for (ParameterSpec s : provider.parameters()) {
            String other = nonDefault(s);
            if (other != null) {
                Map<String, String> v = new LinkedHashMap<>(given);
                v.put(s.name(), other);
                variants.add(v);
            }
        }
        for (String extra : extraSpecs) {
            variants.add(new LinkedHashMap<>(Spec.parse(extra).arguments()));
        }
        for (Map<String, String> raw : variants) {
            String label = new Spec(provider.name(), raw).toString();
            try {
                Parameters first = bind(raw);
                String text = first.toSpec();
                Spec parsed = Spec.parse(text);
                if (!parsed.name().equals(provider.name())) {
                    p.add(label + ": canonical spec '" + text + "' names '" + parsed.name() + "'");
                    continue;
                }
                Parameters second = bind(parsed.arguments());
                if (!second.equals(first)) {
                    p.add(label + ": '" + text + "' binds to " + second.asMap() + ", not "
                            + first.asMap());
                    continue;
                }
                double[] b1 = behaviour(provider.create(first));
                double[] b2 = behaviour(provider.create(second));
                if (!Numbers.sameBits(b1, b2)) {
                    p.add(label + ": the instance made from '" + text + "' behaves differently: "
                            + Numbers.describeDifference(b1, b2));
                }
            } catch (AssertionError | RuntimeException e) {
                p.add(label + ": " + e);
            }
        }
        p.throwIfAny();
    }

    private void checkBounds() {
        Problems p = new Problems(kind.label() + " '" + provider.name() + "' parameter bounds");
        Map<String, String> unknown = new LinkedHashMap<>(given);
        unknown.put("no-such-parameter", "1");
        try {
            bind(unknown);
            p.add("an undeclared parameter 'no-such-parameter' is accepted");
        } catch (SpecException e) {
            if (!e.getMessage().contains("no-such-parameter")) {
                p.add("the message for an unknown parameter does not name it: " + e.getMessage());
            }
        }
        for (ParameterSpec s : provider.parameters()) {
            for (String bad : outside(s)) {
                Map<String, String> raw = new LinkedHashMap<>(given);
                raw.put(s.name(), bad);
                try {
                    Parameters accepted = bind(raw);
                    p.add(s.name() + "=" + bad + " is accepted (declared range " + s.range()
                            + "), bound to " + accepted.toSpec());
                } catch (SpecException e) {
                    if (!e.getMessage().contains(s.name())) {
                        p.add(s.name() + "=" + bad + " is rejected with a message that does not "
                                + "name the parameter: " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    p.add(s.name() + "=" + bad + " throws " + e + " instead of SpecException");
                }
            }
            for (String good : inside(s)) {
                Map<String, String> raw = new LinkedHashMap<>(given);
                raw.put(s.name(), good);
                try {
                    if (provider.create(bind(raw)) == null) {
                        p.add("create(" + s.name() + "=" + good + ") returned null");
                    }
                } catch (SpecException e) {
                    if (!namesACombination(e.getMessage(), s)) {
                        p.add(s.name() + "=" + good + " is within the declared range "
                                + s.range() + " but fails: " + e);
                    }
                } catch (RuntimeException e) {
                    p.add(s.name() + "=" + good + " is within the declared range " + s.range()
                            + " but fails: " + e);
                }
            }
        }
        p.throwIfAny();
    }

    /**
     * A value inside its own declared range may still be refused by a constraint between
     * parameters (rprop's {@code step-min <= initial-step <= step-max}), provided the message
     * names the parameter and at least one other declared parameter it is combined with.
     */
    private boolean namesACombination(String message, ParameterSpec s) {
        if (message == null || !message.contains(s.name())) {
            return false;
        }
        return provider.parameters().stream()
                .anyMatch(o -> !o.name().equals(s.name()) && message.contains(o.name()));
    }

    /** The allowed values closest to each declared bound. */
    static List<String> inside(ParameterSpec s) {
        List<String> good = new ArrayList<>();
        if (s.type() == ParameterSpec.Type.REAL) {
            if (s.min() != null) {
                good.add(Double.toString(s.minInclusive() ? s.min() : Math.nextUp(s.min())));
            }
            if (s.max() != null) {
                good.add(Double.toString(s.maxInclusive() ? s.max() : Math.nextDown(s.max())));
            }
        } else if (s.type() == ParameterSpec.Type.INTEGER) {
            if (s.min() != null) {
                long m = (long) Math.ceil(s.min());
                good.add(Long.toString(s.minInclusive() || m > s.min() ? m : m + 1));
            }
            if (s.max() != null) {
                long m = (long) Math.floor(s.max());
                good.add(Long.toString(s.maxInclusive() || m < s.max() ? m : m - 1));
            }
        } else if (s.type() == ParameterSpec.Type.CHOICE) {
            good.addAll(s.choices());
        } else if (s.type() == ParameterSpec.Type.PLUGIN) {
            if (s.defaultValue() != null) {
                good.add((String) s.defaultValue());
            }
        } else {
            good.addAll(List.of("true", "false"));
        }
        return good;
    }

    /** Values just outside each declared bound, and values of the wrong type. */
    static List<String> outside(ParameterSpec s) {
        List<String> bad = new ArrayList<>();
        switch (s.type()) {
            case REAL -> {
                if (s.min() != null) {
                    bad.add(Double.toString(s.minInclusive() ? Math.nextDown(s.min()) : s.min()));
                }
                if (s.max() != null) {
                    bad.add(Double.toString(s.maxInclusive() ? Math.nextUp(s.max()) : s.max()));
                }
                bad.add("NaN");
                bad.add("not-a-number");
            }
            case INTEGER -> {
                if (s.min() != null) {
                    long m = (long) Math.ceil(s.min());
                    bad.add(Long.toString(s.minInclusive() || m > s.min() ? m - 1 : m));
                }
                if (s.max() != null) {
                    long m = (long) Math.floor(s.max());
                    bad.add(Long.toString(s.maxInclusive() || m < s.max() ? m + 1 : m));
                }
                bad.add("1.5");
            }
            case BOOLEAN -> bad.add("maybe");
            case CHOICE -> bad.add("no-such-choice");
            case PLUGIN -> {
                bad.add("no-such-plugin");
                bad.add("no-such-plugin(x=1)");
                bad.add("1.5");
            }
            default -> throw new IllegalStateException("unknown type " + s.type());
        }
        return bad;
    }

    /** An in-range value other than the default, or {@code null} if none is found. */
    static String nonDefault(ParameterSpec s) {
        Object d = s.defaultValue();
        if (d == null) {
            return null;
        }
        List<Object> candidates = new ArrayList<>();
        switch (s.type()) {
            case REAL -> {
                double v = ((Number) d).doubleValue();
                candidates.addAll(List.of(v * 2, v / 2, v + 0.5, v - 0.5, v + 1, v - 1));
            }
            case INTEGER -> {
                int v = ((Number) d).intValue();
                candidates.addAll(List.of(v * 2, v + 1, v - 1));
            }
            case BOOLEAN -> candidates.add(!((Boolean) d));
            case CHOICE -> candidates.addAll(s.choices());
            case PLUGIN -> {
                return null; // which other plugins exist depends on the class path
            }
            default -> throw new IllegalStateException("unknown type " + s.type());
        }
        for (Object c : candidates) {
            String text = ParameterSpec.format(c);
            try {
                Object parsed = s.parse(text, "?");
                if (!parsed.equals(d)) {
                    return text;
                }
            } catch (SpecException e) {
                // out of range; try the next candidate
            }
        }
        return null;
    }
}
