package dev.mlp.fuzz;

/**
 * The outcomes a parser of untrusted input may have besides a result: a documented exception
 * with a message that names the input. Anything else thrown is a finding.
 */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param e what the parser threw
     * @param source the name the input was given, which the message must contain
     * @throws AssertionError if the message is missing or does not name the input
     */
    static void requireClearMessage(Exception e, String source) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || (source != null && !m.contains(source))) {
            throw new AssertionError("an exception without a clear message naming " + source
                    + ": " + e, e);
        }
    }
}
