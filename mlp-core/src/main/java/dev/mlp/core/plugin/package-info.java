/**
 * Plugin discovery and lookup, for every kind of {@link dev.mlp.api.spi.PluginKind#ALL}:
 * {@link dev.mlp.core.plugin.PluginCatalog} finds providers through the services files of the
 * class path (the one place of discovery); {@link dev.mlp.core.plugin.PluginRegistry} turns spec
 * strings into configured instances.
 */
package dev.mlp.core.plugin;
