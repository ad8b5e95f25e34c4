package dev.mlp.data;

/** What a feature column of a table holds. */
public enum ColumnType {
    /** Numbers; a missing cell is {@code NaN} until it is imputed. */
    NUMERIC,
    /** Categories written as text; a missing cell is {@code null} until it is imputed. */
    CATEGORICAL
}
