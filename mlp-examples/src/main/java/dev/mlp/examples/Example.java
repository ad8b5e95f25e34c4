package dev.mlp.examples;

/**
 * One runnable example.
 */
public interface Example {

    /** @return the name it is run by, for example {@code "seed002-single-weight"} */
    String name();

    /** @return one line saying what it shows */
    String title();

    /**
     * Runs the example, recording every number it computes.
     *
     * @param report where results go
     */
    void run(Report report);
}
