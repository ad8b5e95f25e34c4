package dev.mlp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes {@link Spec#parse} and {@link Parameters#bind}: a spec either parses, prints back to a
 * text that parses to the same spec, and binds or is refused with a message; or it is refused
 * with a {@code SpecException} (an {@link IllegalArgumentException}).
 */
class SpecFuzzTest {

    private static final List<ParameterSpec> DECLARED = List.of(
            ParameterSpec.real("lr", 0.01, "learning rate").above(0),
            ParameterSpec.integer("n", 1, "a count").atLeast(1),
            ParameterSpec.bool("on", false, "a switch"),
            ParameterSpec.choice("mode", "a", "a choice", "a", "b"));

    @FuzzTest(maxDuration = "5m")
    void spec(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Spec spec;
        try {
            spec = Spec.parse(text);
        } catch (IllegalArgumentException e) {
            Outcomes.requireClearMessage(e, null);
            return;
        }
        Spec again = Spec.parse(spec.toString());
        if (!again.equals(spec)) {
            throw new AssertionError("'" + text + "' parses to " + spec + ", which parses to "
                    + again);
        }
        Parameters p;
        try {
            p = Parameters.bind(spec.name(), DECLARED, spec.arguments());
        } catch (IllegalArgumentException e) {
            Outcomes.requireClearMessage(e, null);
            return;
        }
        // the canonical spec binds again to equal parameters
        Parameters q = Parameters.bind(spec.name(), DECLARED, Spec.parse(p.toSpec()).arguments());
        if (!q.equals(p)) {
            throw new AssertionError("'" + text + "' binds to " + p.toSpec() + ", which binds to "
                    + q.toSpec());
        }
    }
}
