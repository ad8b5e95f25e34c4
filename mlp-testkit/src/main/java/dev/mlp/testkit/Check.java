package dev.mlp.testkit;

import java.util.Objects;
import org.junit.jupiter.api.function.Executable;

/**
 * One named check of a contract, run as one dynamic test.
 *
 * @param name the check's name, one of {@link PluginContracts#checks(PluginKind)}
 * @param configuration the spec of the configured plugin it runs on, or {@code ""} for the
 *                      provider checks
 * @param body the check; throws an {@link AssertionError} saying what failed
 */
record Check(String name, String configuration, Executable body) {

    Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(body, "body");
    }

    String displayName() {
        return configuration.isEmpty() ? name : name + " [" + configuration + "]";
    }
}
