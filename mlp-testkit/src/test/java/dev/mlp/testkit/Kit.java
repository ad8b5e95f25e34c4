package dev.mlp.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/** Runs the kit's dynamic tests inside ordinary tests, to see which fail and how. */
final class Kit {

    private Kit() {
    }

    static List<DynamicTest> flatten(Stream<DynamicNode> nodes) {
        List<DynamicTest> out = new ArrayList<>();
        nodes.forEach(n -> add(n, out));
        return out;
    }

    private static void add(DynamicNode n, List<DynamicTest> out) {
        if (n instanceof DynamicTest t) {
            out.add(t);
        } else {
            ((DynamicContainer) n).getChildren().forEach(c -> add(c, out));
        }
    }

    /** The failure of the named check; fails if it passes, or if another check fails. */
    static String failure(Stream<DynamicNode> nodes, String check, String... mustContain) {
        return failure(nodes, check, false, mustContain);
    }

    /** The failure of the named check; other checks may fail too if {@code allowOthers}. */
    static String failure(Stream<DynamicNode> nodes, String check, boolean allowOthers,
                          String... mustContain) {
        String message = null;
        List<String> others = new ArrayList<>();
        for (DynamicTest t : flatten(nodes)) {
            boolean target = t.getDisplayName().startsWith(check);
            try {
                t.getExecutable().execute();
            } catch (TestAbortedException e) {
                // skipped checks neither pass nor fail
            } catch (AssertionError e) {
                if (target) {
                    message = e.getMessage();
                } else {
                    others.add(t.getDisplayName() + ": " + e.getMessage());
                }
            } catch (Throwable e) {
                others.add(t.getDisplayName() + ": " + e);
            }
        }
        if (message == null) {
            fail("the check '" + check + "' passed; other failures: " + others);
        }
        for (String s : mustContain) {
            assertTrue(message.contains(s), "the message of '" + check + "' lacks '" + s + "': "
                    + message);
        }
        assertTrue(allowOthers || others.isEmpty(), "only '" + check + "' should fail, but also: " + others);
        return message;
    }

    /** Asserts that every check passes (or is skipped); returns the number of tests run. */
    static int passes(Stream<DynamicNode> nodes) {
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (DynamicTest t : flatten(nodes)) {
            run++;
            try {
                t.getExecutable().execute();
            } catch (TestAbortedException e) {
                // skipped
            } catch (Throwable e) {
                failures.add(t.getDisplayName() + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), "failures: " + failures);
        return run;
    }

    /** A provider of a fixed name and parameters whose instances come from a supplier. */
    static <T, P extends PluginProvider<T>> P provider(Class<P> type, String name,
            List<ParameterSpec> params, java.util.function.Function<Parameters, T> factory) {
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(),
                new Class<?>[] {type}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "name":
                            return name;
                        case "aliases":
                            return List.of();
                        case "parameters":
                            return params;
                        case "description":
                            return "test plugin";
                        case "version":
                            return "test";
                        case "create":
                            return factory.apply((Parameters) args[0]);
                        case "toString":
                            return name;
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "equals":
                            return self == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        return type.cast(proxy);
    }

    static <T, P extends PluginProvider<T>> P provider(Class<P> type, String name,
                                                       Supplier<T> factory) {
        return provider(type, name, List.of(), p -> factory.get());
    }
}
