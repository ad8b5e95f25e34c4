/**
 * Plugin discovery and lookup: {@link dev.mlp.core.plugin.PluginCatalog} finds providers through
 * {@link java.util.ServiceLoader}; {@link dev.mlp.core.plugin.PluginRegistry} turns spec strings
 * into configured instances.
 */
package dev.mlp.core.plugin;
