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
 * Putting the jar on the class path makes the plugin usable by its name in every spec string.
 */
package dev.mlp.api.spi;
