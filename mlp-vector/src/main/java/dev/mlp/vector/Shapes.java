package dev.mlp.vector;

/** Argument checks shared by the products: sizes, array lengths and aliasing. */
final class Shapes {

    private Shapes() {
    }

    /**
     * Checks a product {@code out = left ∘ right} whose operands are given with the shapes the
     * caller stated.
     *
     * @param op the product, for messages, for example {@code "A·W"}
     * @param leftName name of the left array
     * @param left the left array
     * @param leftRows rows of the left matrix
     * @param leftCols columns of the left matrix
     * @param rightName name of the right array
     * @param right the right array
     * @param rightRows rows of the right matrix
     * @param rightCols columns of the right matrix
     * @param out the output array
     * @param outRows rows of the output
     * @param outCols columns of the output
     * @throws IllegalArgumentException if a size is negative, an array is too short, or the
     *                                  output is one of the inputs
     */
    static void check(String op, String leftName, double[] left, int leftRows, int leftCols,
                      String rightName, double[] right, int rightRows, int rightCols,
                      double[] out, int outRows, int outCols) {
        sizes(op, leftName, leftRows, leftCols, rightName, rightRows, rightCols);
        length(op, leftName, left, leftRows, leftCols);
        length(op, rightName, right, rightRows, rightCols);
        length(op, "out", out, outRows, outCols);
        if (out == left || out == right) {
            throw new IllegalArgumentException(op + ": out must not be the same array as "
                    + (out == left ? leftName : rightName));
        }
    }

    /**
     * {@link #check(String, String, double[], int, int, String, double[], int, int, double[],
     * int, int)} for the {@code float} products.
     *
     * @param op the product, for messages
     * @param leftName name of the left array
     * @param left the left array
     * @param leftRows rows of the left matrix
     * @param leftCols columns of the left matrix
     * @param rightName name of the right array
     * @param right the right array
     * @param rightRows rows of the right matrix
     * @param rightCols columns of the right matrix
     * @param out the output array
     * @param outRows rows of the output
     * @param outCols columns of the output
     * @throws IllegalArgumentException if a size is negative, an array is too short, or the
     *                                  output is one of the inputs
     */
    static void check(String op, String leftName, float[] left, int leftRows, int leftCols,
                      String rightName, float[] right, int rightRows, int rightCols,
                      float[] out, int outRows, int outCols) {
        sizes(op, leftName, leftRows, leftCols, rightName, rightRows, rightCols);
        length(op, leftName, left == null ? -1 : left.length, leftRows, leftCols);
        length(op, rightName, right == null ? -1 : right.length, rightRows, rightCols);
        length(op, "out", out == null ? -1 : out.length, outRows, outCols);
        if (out == left || out == right) {
            throw new IllegalArgumentException(op + ": out must not be the same array as "
                    + (out == left ? leftName : rightName));
        }
    }

    private static void sizes(String op, String leftName, int leftRows, int leftCols,
                              String rightName, int rightRows, int rightCols) {
        if (leftRows < 0 || leftCols < 0 || rightRows < 0 || rightCols < 0) {
            throw new IllegalArgumentException(op + ": sizes must be >= 0, found " + leftName
                    + " " + leftRows + " x " + leftCols + ", " + rightName + " " + rightRows
                    + " x " + rightCols);
        }
    }

    private static void length(String op, String name, double[] m, int rows, int cols) {
        length(op, name, m == null ? -1 : m.length, rows, cols);
    }

    /** @param length the array's length, or -1 for a {@code null} array */
    private static void length(String op, String name, int length, int rows, int cols) {
        long need = (long) rows * cols;
        if (length < 0) {
            throw new IllegalArgumentException(op + ": " + name + " must not be null");
        }
        if (length < need) {
            throw new IllegalArgumentException(op + ": " + name + " must have at least " + rows
                    + " x " + cols + " = " + need + " entries, found " + length);
        }
    }
}
