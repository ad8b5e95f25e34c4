package dev.mlp.data;

/** The order in which class names, and so the one-hot output positions, are numbered. */
public enum ClassOrder {
    /** In the order the labels first appear in the file (the default). */
    FIRST_SEEN,
    /** Sorted by name (Unicode code point order), independent of the row order. */
    SORTED
}
