package dev.mlp.api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParametersTest {

    /** A plugin declaring one parameter of every type and every kind of bound. */
    private static final List<ParameterSpec> DECLARED = List.of(
            ParameterSpec.real("lr", 0.01, "learning rate").above(0),
            ParameterSpec.real("beta", 0.9, "decay").atLeast(0).below(1),
            ParameterSpec.real("shift", -2.5, "unbounded real"),
            ParameterSpec.integer("size", 32, "batch size").atLeast(1).atMost(1024),
            ParameterSpec.integer("cap", 10, "exclusive upper bound").below(100),
            ParameterSpec.real("floor", 5.0, "inclusive upper bound").atMost(5),
            ParameterSpec.bool("shuffle", true, "reshuffle"),
            ParameterSpec.choice("mode", "fast", "how fast", "speed", "fast", "slow"));

    private static Parameters bind(String spec) {
        Spec s = Spec.parse(spec);
        return Parameters.bind(s.name(), DECLARED, s.arguments());
    }

    @Test
    void defaultsAreFilledInDeclarationOrder() {
        Parameters p = bind("demo");
        assertEquals("demo", p.plugin());
        assertEquals(0.01, p.real("lr"));
        assertEquals(0.9, p.real("beta"));
        assertEquals(-2.5, p.real("shift"));
        assertEquals(32, p.integer("size"));
        assertEquals(10, p.integer("cap"));
        assertEquals(5.0, p.real("floor"));
        assertTrue(p.bool("shuffle"));
        assertEquals("fast", p.choice("mode"));
        assertEquals(List.of("lr", "beta", "shift", "size", "cap", "floor", "shuffle", "mode"),
                List.copyOf(p.asMap().keySet()));
    }

    @Test
    void givenValuesOverrideDefaultsAndAreTyped() {
        Parameters p = bind("demo(size=8, shuffle=false, lr=0.5, mode=slow, beta=0)");
        assertEquals(8, p.integer("size"));
        assertEquals(Integer.valueOf(8), p.asMap().get("size"));
        assertFalse(p.bool("shuffle"));
        assertEquals(Boolean.FALSE, p.asMap().get("shuffle"));
        assertEquals(0.5, p.real("lr"));
        assertEquals(Double.valueOf(0.5), p.asMap().get("lr"));
        assertEquals(0.0, p.real("beta"));
        assertEquals("slow", p.choice("mode"));
        // untouched ones still default
        assertEquals(-2.5, p.real("shift"));
        // declaration order, not the order given
        assertEquals("lr", p.asMap().keySet().iterator().next());
    }

    @Test
    void valuesAreUnmodifiable() {
        Parameters p = bind("demo");
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("lr", 1.0));
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        SpecException e = assertThrows(SpecException.class, () -> bind("demo(learning_rate=0.1)"));
        assertEquals("unknown parameter 'learning_rate' for 'demo'; known: lr, beta, shift, size, "
                + "cap, floor, shuffle, mode", e.getMessage());
    }

    @Test
    void aPluginWithoutParametersSaysSo() {
        SpecException e = assertThrows(SpecException.class,
                () -> Parameters.bind("sigmoid", List.of(), Map.of("x", "1")));
        assertTrue(e.getMessage().contains("unknown parameter 'x' for 'sigmoid'"), e.getMessage());
        assertTrue(e.getMessage().contains("takes no parameters"), e.getMessage());
    }

    @Test
    void requiredParameterMustBeGiven() {
        ParameterSpec required = new ParameterSpec("k", ParameterSpec.Type.INTEGER, null, null,
                false, null, false, null, "neighbours");
        SpecException e = assertThrows(SpecException.class,
                () -> Parameters.bind("knn", List.of(required), Map.of()));
        assertTrue(e.getMessage().contains("'k'"), e.getMessage());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
        assertEquals(3, Parameters.bind("knn", List.of(required), Map.of("k", "3")).integer("k"));
    }

    /** Each bound kind, on both sides of its edge; the message names the range in words. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // spec                   | range in the message
        "demo(lr=0)              | > 0",            // above(0) excludes 0
        "demo(lr=-1e-9)          | > 0",
        "demo(beta=-0.01)        | in [0.0, 1.0)",  // atLeast(0).below(1)
        "demo(beta=1)            | in [0.0, 1.0)",  // below(1) excludes 1
        "demo(size=0)            | in [1, 1024]",      // integer bounds print as integers
        "demo(size=1025)         | in [1, 1024]",
        "demo(cap=100)           | < 100",
        "demo(floor=5.000001)    | <= 5",
    })
    void outOfRangeValuesAreRejectedWithTheRange(String spec, String range) {
        SpecException e = assertThrows(SpecException.class, () -> bind(spec));
        String m = e.getMessage();
        assertTrue(m.contains("must be " + range), () -> "expected range '" + range + "' in: "
                + m);
        String param = spec.substring(spec.indexOf('(') + 1, spec.indexOf('='));
        assertTrue(m.contains("parameter '" + param + "' of 'demo'"), m);
        String raw = spec.substring(spec.indexOf('=') + 1, spec.indexOf(')'));
        assertTrue(m.contains("found " + raw), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo(lr=1e-300)", "demo(beta=0)", "demo(beta=0.999999)",
        "demo(size=1)", "demo(size=1024)", "demo(cap=99)", "demo(cap=-5)", "demo(floor=5)",
        "demo(floor=-1e300)", "demo(shift=-1e300)"})
    void valuesOnTheAllowedSideOfEachEdgeAreAccepted(String spec) {
        Parameters p = bind(spec);
        String name = spec.substring(spec.indexOf('(') + 1, spec.indexOf('='));
        String raw = spec.substring(spec.indexOf('=') + 1, spec.indexOf(')'));
        assertEquals(Double.parseDouble(raw), ((Number) p.asMap().get(name)).doubleValue());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "demo(size=abc)      | must be an integer, found 'abc'",
        "demo(size=1.5)      | must be an integer, found '1.5'",
        "demo(size=99999999999 | must be an integer, found '99999999999'",
        "demo(shuffle=maybe) | must be true or false, found 'maybe'",
        "demo(shuffle=1)     | must be true or false, found '1'",
        "demo(lr=NaN)        | must be finite, found 'NaN'",
        "demo(lr=Infinity)   | must be finite, found 'Infinity'",
        "demo(shift=-Infinity) | must be finite, found '-Infinity'",
        "demo(lr=0.1x)       | must be a number, found '0.1x'",
        "demo(mode=medium)   | must be one of speed, fast, slow, found 'medium'",
    })
    void wrongTypesAreRejected(String spec, String expected) {
        // '99999999999' has no closing parenthesis in the table to keep the column narrow
        String text = spec.endsWith(")") ? spec : spec + ")";
        SpecException e = assertThrows(SpecException.class, () -> bind(text));
        assertTrue(e.getMessage().contains(expected),
                () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void booleansIgnoreCase() {
        assertFalse(bind("demo(shuffle=FALSE)").bool("shuffle"));
        assertTrue(bind("demo(shuffle=True)").bool("shuffle"));
    }

    @Test
    void toSpecWritesEveryParameterInDeclarationOrder() {
        Parameters p = bind("demo(mode=slow, lr=0.001)");
        assertEquals("demo(lr=0.001, beta=0.9, shift=-2.5, size=32, cap=10, floor=5.0, "
                + "shuffle=true, mode=slow)", p.toSpec());
        assertEquals(p.toSpec(), p.toString());
        assertEquals("plain", Parameters.bind("plain", List.of(), Map.of()).toSpec());
    }

    /** bind -> toSpec -> parse -> bind gives equal parameters, for awkward reals too. */
    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1e-8", "3.0", "3", "1e20", "123456789.123", "0.1",
        "4.9E-324", "1.7976931348623157E308", "0.30000000000000004", "2e-5", "1e15", "1e14",
        "999999999999999.9"})
    void toSpecRoundTripsReals(String lr) {
        roundTrip("demo(lr=" + lr + ", shift=" + lr + ")");
        roundTrip("demo(shift=-" + lr + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "demo(size=1, cap=-2147483648)", "demo(size=1024, cap=99)",
        "demo(shuffle=false)", "demo(shuffle=true, mode=speed, beta=0)", "demo(floor=-0.5)"})
    void toSpecRoundTripsIntegersBooleansAndChoices(String spec) {
        roundTrip(spec);
    }

    private static void roundTrip(String spec) {
        Parameters first = bind(spec);
        String canonical = first.toSpec();
        Parameters second = bind(canonical);
        assertEquals(first, second, () -> spec + " -> " + canonical);
        assertEquals(first.hashCode(), second.hashCode());
        assertEquals(canonical, second.toSpec());
        // the values really are the same bits
        for (Map.Entry<String, Object> e : first.asMap().entrySet()) {
            assertEquals(e.getValue(), second.asMap().get(e.getKey()), e.getKey());
        }
    }

    /**
     * -0.0 is a legal value of an unbounded real, but {@code ParameterSpec.format(-0.0)} writes
     * "0.0" (the {@code (long) v} cast drops the sign), so re-binding the canonical spec gives
     * +0.0 and the parameters are no longer equal ({@code Double.equals} tells the zeros apart).
     */
    @Test
    void toSpecRoundTripsNegativeZero() {
        roundTrip("demo(shift=-0.0)");
    }

    @Test
    void equalityDependsOnPluginAndValues() {
        assertEquals(bind("demo(lr=0.5)"), bind("demo(lr=5e-1)"));
        assertNotEquals(bind("demo(lr=0.5)"), bind("demo(lr=0.25)"));
        Spec s = Spec.parse("demo(lr=0.5)");
        assertNotEquals(Parameters.bind("other", DECLARED, s.arguments()), bind("demo(lr=0.5)"));
    }

    @Test
    void askingForAnUndeclaredParameterNamesTheDeclaredOnes() {
        Parameters p = bind("demo");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.real("momentum"));
        assertTrue(e.getMessage().contains("'momentum'"), e.getMessage());
        assertTrue(e.getMessage().contains("lr, beta"), e.getMessage());
    }

    @Test
    void checkValidatesValuesGivenInCode() {
        ParameterSpec lr = ParameterSpec.real("lr", 0.01, "").above(0);
        assertEquals(0.25, lr.check(0.25, "sgd"));
        assertEquals(1e-8, lr.check(1e-8, "sgd"));
        SpecException e = assertThrows(SpecException.class, () -> lr.check(-1.0, "sgd"));
        assertTrue(e.getMessage().contains("parameter 'lr' of 'sgd' must be > 0"), e.getMessage());
        assertThrows(SpecException.class, () -> lr.check(Double.NaN, "sgd"));
    }

    @Test
    void describeSaysTypeRangeAndDefault() {
        assertEquals("lr (real > 0.0, default 0.01): learning rate",
                ParameterSpec.real("lr", 0.01, "learning rate").above(0).describe());
        assertEquals("shuffle (boolean, default true)",
                ParameterSpec.bool("shuffle", true, "").describe());
        assertEquals("size (integer >= 1, default 32): batch size",
                ParameterSpec.integer("size", 32, "batch size").atLeast(1).describe());
        assertEquals("in [0.5, 2.0)", ParameterSpec.real("x", 1, "").atLeast(0.5).below(2).range());
        assertEquals("any", ParameterSpec.real("x", 1, "").range());
    }

    @Test
    void declarationsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.real(" ", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.choice("m", "a", ""));
    }

    @Test
    void bindDoesNotKeepTheCallersMap() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("lr", "0.5");
        Parameters p = Parameters.bind("demo", DECLARED, raw);
        raw.put("lr", "0.25");
        assertEquals(0.5, p.real("lr"));
    }
}
