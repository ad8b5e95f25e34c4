/**
 * Examples beyond the seeds: XOR, and Iris classification from a CSV file.
 */
package dev.mlp.examples.data;
