/**
 * The worked examples of the three seed documents, each computed by the framework and compared
 * number by number with what the seed prints. Where a seed's arithmetic is wrong, the example
 * says which number and why.
 */
package dev.mlp.examples.seed;
