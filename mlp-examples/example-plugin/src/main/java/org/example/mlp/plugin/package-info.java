/**
 * Plugins written the way a third party would write them, in a jar that depends only on
 * {@code dev.mlp:mlp-api} and is tested with {@code dev.mlp:mlp-testkit}:
 * <ul>
 *   <li>the {@code isru} activation: a class extending {@link dev.mlp.api.ElementwiseActivation},
 *       a provider, one line in {@code META-INF/services/dev.mlp.api.spi.ActivationProvider} and
 *       a one-line contract test;</li>
 *   <li>the {@code lion-example} optimizer, in one file: its hyperparameters as a record, its
 *       state as an {@link dev.mlp.api.ElementwiseOptimizerState} with one per-element
 *       {@code step}, and its provider a {@link dev.mlp.api.spi.DeclaredProvider}, registered in
 *       {@code META-INF/services/dev.mlp.api.spi.OptimizerProvider}.</li>
 * </ul>
 */
package org.example.mlp.plugin;
