package dev.mlp.testkit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/** Collects the problems one check finds and fails with all of them at once. */
final class Problems {

    private static final int SHOWN = 12;

    private final String header;
    private final List<String> found = new ArrayList<>();

    Problems(String header) {
        this.header = header;
    }

    void add(String problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(header).append(": ").append(found.size())
                .append(found.size() == 1 ? " problem" : " problems");
        for (int i = 0; i < Math.min(SHOWN, found.size()); i++) {
            sb.append("\n  - ").append(found.get(i));
        }
        if (found.size() > SHOWN) {
            sb.append("\n  ... and ").append(found.size() - SHOWN).append(" more");
        }
        Assertions.fail(sb.toString());
    }
}
