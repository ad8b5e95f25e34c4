/**
 * Service-provider interfaces through which plugins are discovered.
 *
 * <p>Each pluggable kind has one provider interface. A plugin jar implements it with a public
 * class that has a cheap no-argument constructor (no I/O, no static initializer work) and lists
 * that class in {@code META-INF/services/<provider interface name>}, for example
 * <pre>
 * # src/main/resources/META-INF/services/dev.mlp.api.spi.ActivationProvider
 * com.example.CubeActivationProvider
 * </pre>
 * A provider can be declared in a few lines by extending {@link dev.mlp.api.spi.DeclaredProvider}
 * (name, description, parameters, factory); {@link dev.mlp.api.spi.Hyperparameters} checks and
 * writes the same parameters for a plugin configured in Java code.
 * Putting the jar on the class path makes the plugin usable by its name in every spec string.
 */
package dev.mlp.api.spi;
