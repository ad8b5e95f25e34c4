/**
 * Built-in encoders of categorical columns: {@code one-hot} (one 0/1 column per category),
 * {@code ordinal} (the category's index) and {@code frequency} (the category's share of the
 * training rows). Categories are numbered in sorted (Unicode code point) order, so the encoding
 * does not depend on the order of the training rows.
 */
package dev.mlp.core.encode;
