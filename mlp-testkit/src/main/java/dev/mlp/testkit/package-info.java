/**
 * A contract-test kit for plugins of the MLP framework: JUnit 5 dynamic tests that check a
 * plugin against everything the built-in plugins are checked for. A plugin author adds
 * {@code dev.mlp:mlp-testkit} as a test dependency and writes one test:
 *
 * <pre>{@code
 * class MyActivationContractTest {
 *     @TestFactory
 *     Stream<DynamicNode> contract() {
 *         return PluginContracts.of(new MyActivationProvider());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link dev.mlp.testkit.PluginContracts#of(dev.mlp.api.spi.PluginProvider)} picks the
 * contract for the provider's kind; the kind-specific entry points
 * ({@link dev.mlp.testkit.PluginContracts#activation}, {@link dev.mlp.testkit.PluginContracts#optimizer}
 * ...) return a contract with options, for example sample data for a loss or an explicit
 * opt-out for an optimizer that cannot save its state. Every check is one named dynamic test
 * whose failure message says what went wrong and for which input;
 * {@link dev.mlp.testkit.PluginContracts#checks(dev.mlp.api.spi.PluginKind)} lists the checks of each
 * kind.
 */
package dev.mlp.testkit;
