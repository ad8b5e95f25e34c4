/**
 * Built-in scalers: {@code min-max(lo, hi)} (seed 001's normalization to {@code [0, 1]} or
 * {@code [−1, 1]}) and {@code z-score}.
 */
package dev.mlp.core.scale;
