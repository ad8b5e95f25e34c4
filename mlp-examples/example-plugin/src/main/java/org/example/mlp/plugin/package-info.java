/**
 * An activation plugin written the way a third party would write one: a class extending
 * {@link dev.mlp.api.ElementwiseActivation}, a provider, one line in
 * {@code META-INF/services/dev.mlp.api.spi.ActivationProvider}, a jar that depends only on
 * {@code dev.mlp:mlp-api}, and a one-line contract test with {@code dev.mlp:mlp-testkit}.
 */
package org.example.mlp.plugin;
