/**
 * Loading data: {@link dev.mlp.data.CsvReader} reads CSV files, {@link dev.mlp.data.Idx} reads
 * IDX files (the MNIST format, gzipped or not), both into a {@link dev.mlp.data.DataTable} that
 * converts to what the fluent API trains on and splits itself into seeded, stratified training,
 * validation and test parts.
 */
package dev.mlp.data;
