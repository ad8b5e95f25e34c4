package dev.mlp.api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecTest {

    @Test
    void parsesBareName() {
        Spec s = Spec.parse("sigmoid");
        assertEquals("sigmoid", s.name());
        assertEquals(Map.of(), s.arguments());
        assertEquals("sigmoid", s.toString());
    }

    @Test
    void parsesOneArgument() {
        Spec s = Spec.parse("leaky-relu(alpha=0.01)");
        assertEquals("leaky-relu", s.name());
        assertEquals(Map.of("alpha", "0.01"), s.arguments());
    }

    @Test
    void parsesSeveralArgumentsKeepingTheirOrder() {
        Spec s = Spec.parse("mini-batch(size=32, shuffle=true)");
        assertEquals("mini-batch", s.name());
        assertEquals(List.of("size", "shuffle"), List.copyOf(s.arguments().keySet()));
        assertEquals("32", s.arguments().get("size"));
        assertEquals("true", s.arguments().get("shuffle"));
        assertEquals("mini-batch(size=32, shuffle=true)", s.toString());

        // order is the order given, not alphabetical
        Spec reversed = Spec.parse("mini-batch(shuffle=false,size=8)");
        assertEquals(List.of("shuffle", "size"), List.copyOf(reversed.arguments().keySet()));
        assertEquals("mini-batch(shuffle=false, size=8)", reversed.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mini-batch(size=32,shuffle=true)",
        "  mini-batch(size=32, shuffle=true)  ",
        "mini-batch (size=32, shuffle=true)",
        "mini-batch( size = 32 , shuffle = true )",
        "\tmini-batch(\n size=32,\tshuffle=true\n)\n",
    })
    void whitespaceAroundTokensIsIgnored(String text) {
        Spec s = Spec.parse(text);
        assertEquals("mini-batch", s.name());
        assertEquals(Map.of("size", "32", "shuffle", "true"), s.arguments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam()", "adam( )", " adam ( ) "})
    void emptyParenthesesMeanNoArguments(String text) {
        Spec s = Spec.parse(text);
        assertEquals("adam", s.name());
        assertTrue(s.arguments().isEmpty());
        assertEquals("adam", s.toString());
    }

    @Test
    void valuesAreKeptRaw() {
        Spec s = Spec.parse("adam(lr=1e-3, beta1=-0.5, mode=fast_1.2, epsilon=1.0E-8)");
        assertEquals(Map.of("lr", "1e-3", "beta1", "-0.5", "mode", "fast_1.2",
                "epsilon", "1.0E-8"), s.arguments());
    }

    @Test
    void namesMayContainDotsDigitsAndUnderscoresButKeysNoDots() {
        Spec s = Spec.parse("com.example.cube_2(k_1=3)");
        assertEquals("com.example.cube_2", s.name());
        assertEquals(Map.of("k_1", "3"), s.arguments());
        assertThrows(SpecException.class, () -> Spec.parse("cube(a.b=3)"));
    }

    @Test
    void toStringParsesBackToAnEqualSpec() {
        Spec s = Spec.parse(" adam ( lr = 0.1 , beta2=0.99 ) ");
        assertEquals(s, Spec.parse(s.toString()));
    }

    @Test
    void argumentsAreUnmodifiable() {
        Spec s = Spec.parse("adam(lr=0.1)");
        assertThrows(UnsupportedOperationException.class, () -> s.arguments().put("x", "1"));
    }

    /**
     * Every malformed spec is a SpecException whose message quotes the text and says where the
     * problem is. The expected position is the 0-based index of the offending character.
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" fails at position {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // text              | position | a word of the explanation
        "adam(lr=)           | 8        | value",            // ')' where the value should be
        "adam(lr=0.1         | 11       | ')'",              // end of text, no closing ')'
        "adam lr             | 5        | unexpected",       // 'l' after the name
        "(x=1)               | 0        | plugin name",      // no name at all
        "adam(lr=1,lr=2)     | 10       | twice",            // the second 'lr'
        "adam(=1)            | 5        | parameter name",   // '=' where a key should be
        "adam(lr 0.1)        | 8        | '='",              // '0' where '=' should be
        "adam(lr=0.1,)       | 12       | parameter name",   // trailing comma
        "adam(lr=0.1) x      | 13       | unexpected",       // junk after the spec
        "adam(lr=(1))        | 8        | value",            // '(' inside a value
        "\"\"                | 0        | plugin name",      // empty text
        "\"   \"             | 3        | plugin name",      // blank text
        "1adam               | 0        | plugin name",      // names start with a letter
    })
    void malformedSpecsAreRejectedWithThePosition(String text, int position, String word) {
        SpecException e = assertThrows(SpecException.class, () -> Spec.parse(text));
        String m = e.getMessage();
        assertTrue(m.contains("'" + text + "'"), () -> "message should quote the spec: " + m);
        assertTrue(m.contains("position " + position), () -> "expected position " + position
                + " in: " + m);
        assertTrue(m.contains(word), () -> "expected '" + word + "' in: " + m);
    }

    @Test
    void nullIsASpecException() {
        SpecException e = assertThrows(SpecException.class, () -> Spec.parse(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void specExceptionIsAnIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spec.parse("adam(lr="));
        assertTrue(e instanceof SpecException);
        assertTrue(e.getMessage().contains("end of text"), e.getMessage());
    }
}
