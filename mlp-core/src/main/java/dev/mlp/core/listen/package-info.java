/**
 * Built-in training listeners.
 */
package dev.mlp.core.listen;
