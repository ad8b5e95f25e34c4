package dev.mlp.api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginLookup;
import dev.mlp.api.spi.PluginProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specs nested in specs: grammar, printing back, limits, binding through a lookup. */
class NestedSpecTest {

    // ------------------------------------------------------------------ grammar

    @Test
    void aValueMayBeASpecWithArguments() {
        Spec s = Spec.parse("lookahead(inner=adam(lr=0.01, beta1=0.8), k=5, alpha=0.5)");
        assertEquals("lookahead", s.name());
        assertEquals(Map.of("inner", "adam(lr=0.01, beta1=0.8)", "k", "5", "alpha", "0.5"),
                s.arguments());
        Spec inner = s.argument("inner");
        assertEquals("adam", inner.name());
        assertEquals(Map.of("lr", "0.01", "beta1", "0.8"), inner.arguments());
        assertEquals("lookahead(inner=adam(lr=0.01, beta1=0.8), k=5, alpha=0.5)", s.toString());
    }

    @Test
    void nestedSpecsArePrintedBackNormalized() {
        Spec s = Spec.parse(" warmup ( steps = 100 , then = cosine ( min = 0.1 ,warmup=2 ) ) ");
        assertEquals("cosine(min=0.1, warmup=2)", s.arguments().get("then"));
        assertEquals("warmup(steps=100, then=cosine(min=0.1, warmup=2))", s.toString());
        // empty parentheses are the bare name, as at the outermost level
        assertEquals("cosine", Spec.parse("warmup(then=cosine())").arguments().get("then"));
        assertEquals("cosine", Spec.parse("warmup(then=cosine ( ))").arguments().get("then"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a(x=b(y=c(z=d(w=1))))",
        "warmup(steps=3, then=warmup(steps=2, then=cosine(min=0.1)))",
        " a ( x = b ( y = 1 ) , z = c ) ",
        "a(x=b(), y=c(d=e()))",
        "p.q(r=s.t_u(v-w=1e-3))",
    })
    void printingAndParsingAgainGivesAnEqualSpec(String text) {
        Spec s = Spec.parse(text);
        assertEquals(s, Spec.parse(s.toString()));
        assertEquals(s.toString(), Spec.parse(s.toString()).toString());
    }

    @Test
    void argumentReadsAWordAsASpecWithoutArguments() {
        Spec s = Spec.parse("warmup(then=cosine, steps=5)");
        assertEquals(new Spec("cosine", Map.of()), s.argument("then"));
        assertThrows(SpecException.class, () -> s.argument("steps")); // 5 is not a spec
        SpecException none = assertThrows(SpecException.class, () -> s.argument("then2"));
        assertEquals("'warmup' has no argument 'then2'; given: then, steps", none.getMessage());
    }

    /** The position is the 0-based index in the whole text; the message names the nested spec. */
    @ParameterizedTest(name = "[{index}] \"{0}\" fails at position {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "l(inner=adam(lr=))              | 16 | value for parameter 'lr' in the nested spec 'adam' (the value of 'inner' of 'l')",
        "l(inner=adam(lr=0.1)            | 20 | expected ',' or ')' after the value of 'inner'",
        "l(inner=adam(lr=0.1, lr=2))     | 21 | 'lr' is given twice in the nested spec 'adam'",
        "l(inner=adam(lr 1))             | 16 | '=' after parameter 'lr' in the nested spec 'adam'",
        "l(inner=1.5(lr=1))              | 8  | '1.5' before '(' is not a plugin name",
        "w(then=c(x=d(y=(1))))           | 15 | value for parameter 'y' in the nested spec 'd' (the value of 'x' of 'c')",
        "l(inner=adam(lr=1)x)            | 18 | expected ',' or ')' after the value of 'inner'",
        "l(inner=adam(lr=1)) junk        | 20 | unexpected text after the spec",
    })
    void malformedNestedSpecsSayWhereAndInWhichSpec(String text, int position, String words) {
        SpecException e = assertThrows(SpecException.class, () -> Spec.parse(text));
        String m = e.getMessage();
        assertTrue(m.startsWith("malformed spec '" + text + "': "), m);
        assertTrue(m.contains("position " + position + ","), () -> "expected position "
                + position + " in: " + m);
        assertTrue(m.contains(words), () -> "expected '" + words + "' in: " + m);
    }

    @Test
    void specsNestAtMostMaxDepthLevels() {
        assertEquals(8, Spec.MAX_DEPTH);
        String deepest = nested(Spec.MAX_DEPTH);
        assertEquals(deepest, Spec.parse(deepest).toString());
        String tooDeep = nested(Spec.MAX_DEPTH + 1);
        SpecException e = assertThrows(SpecException.class, () -> Spec.parse(tooDeep));
        assertTrue(e.getMessage().contains("specs nest at most 8 levels deep; 'p9' would be level "
                + "9"), e.getMessage());
        // a hostile input fails with a message, not a StackOverflowError
        String hostile = "a(b=".repeat(100_000);
        assertThrows(SpecException.class, () -> Spec.parse(hostile));
    }

    /** {@code p1(x=p2(x=...(x=1)))} with {@code levels} specs. */
    private static String nested(int levels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= levels; i++) {
            sb.append(i == 1 ? "" : "x=").append('p').append(i).append('(');
        }
        sb.append("x=1");
        return sb.append(")".repeat(levels)).toString();
    }

    // ------------------------------------------------------------------ binding

    /** A schedule plugin: the rate times {@code factor}; its state is not needed here. */
    record Scaled(String name, double factor) implements LearningRateSchedule {
        @Override
        public State start(Run run) {
            throw new UnsupportedOperationException("not run in this test");
        }
    }

    static final ParameterSpec FACTOR =
            ParameterSpec.real("factor", 1.0, "multiplier").above(0);

    static final class ScaledProvider implements LearningRateScheduleProvider {
        private final String name;

        ScaledProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(FACTOR);
        }

        @Override
        public LearningRateSchedule create(Parameters p) {
            return new Scaled(name, p.real("factor"));
        }
    }

    /** Finds {@code scaled} and {@code other} among the schedules, nothing else. */
    static final PluginLookup LOOKUP = (kind, name) -> {
        if (kind != PluginKind.SCHEDULE || !(name.equals("scaled") || name.equals("other"))) {
            throw new SpecException("unknown " + kind.label() + " '" + name
                    + "'; known: other, scaled");
        }
        return new ScaledProvider(name);
    };

    static final List<ParameterSpec> WRAPPER = List.of(
            ParameterSpec.integer("steps", 10, "steps").atLeast(1),
            ParameterSpec.plugin("then", PluginKind.SCHEDULE, "scaled", "the wrapped schedule"),
            ParameterSpec.real("factor", 2.0, "the wrapped schedule's factor").above(0)
                    .forwardsTo("then"));

    private static Parameters bind(String text) {
        Spec s = Spec.parse(text);
        return Parameters.bind(s.name(), WRAPPER, s.arguments(), LOOKUP);
    }

    @Test
    void aPluginParameterIsResolvedThroughTheLookupBoundAndCreated() {
        Parameters p = bind("wrap(then=other(factor=0.5), steps=3)");
        assertEquals(new Scaled("other", 0.5), p.plugin("then", LearningRateSchedule.class));
        assertEquals("other(factor=0.5)", p.nested("then").parameters().toSpec());
        assertEquals("other", p.nested("then").provider().name());
        assertEquals("wrap(steps=3, then=other(factor=0.5))", p.toSpec());
        assertEquals(p, bind(p.toSpec()));
        assertEquals(List.of("steps", "then"), List.copyOf(p.asMap().keySet()));
    }

    @Test
    void aShorthandFillsInTheNestedParameterWhenTheNestedSpecLeavesItOut() {
        // the default of the shorthand (2.0), not the nested plugin's own (1.0)
        assertEquals(new Scaled("scaled", 2.0), bind("wrap").plugin("then", Scaled.class));
        assertEquals("wrap(steps=10, then=scaled(factor=2.0))", bind("wrap").toSpec());
        assertEquals(new Scaled("other", 4.0),
                bind("wrap(then=other, factor=4)").plugin("then", Scaled.class));
        assertEquals(new Scaled("other", 0.25),
                bind("wrap(then=other(factor=0.25))").plugin("then", Scaled.class));
        // written either way, the configuration is the same
        assertEquals(bind("wrap(then=other, factor=4)"), bind("wrap(then=other(factor=4))"));
        assertNotEquals(bind("wrap(then=other, factor=4)"), bind("wrap(then=other(factor=3))"));
    }

    @Test
    void aShorthandGivenTwiceOrOutOfRangeIsRefused() {
        SpecException twice = assertThrows(SpecException.class,
                () -> bind("wrap(then=other(factor=3), factor=4)"));
        assertEquals("parameter 'factor' of 'wrap' is given twice: as factor=4 and inside "
                + "then=other(factor=3); give it once", twice.getMessage());
        SpecException low = assertThrows(SpecException.class, () -> bind("wrap(factor=0)"));
        assertEquals("parameter 'factor' of 'wrap' must be > 0.0, found 0", low.getMessage());
    }

    @Test
    void errorsInsideANestedSpecNameTheParameterThatHoldsIt() {
        assertEquals("parameter 'then' of 'wrap': parameter 'factor' of 'other' must be > 0.0, "
                + "found -1", assertThrows(SpecException.class,
                () -> bind("wrap(then=other(factor=-1))")).getMessage());
        assertEquals("parameter 'then' of 'wrap': unknown schedule 'cosin'; known: other, scaled",
                assertThrows(SpecException.class, () -> bind("wrap(then=cosin)")).getMessage());
        assertEquals("parameter 'then' of 'wrap': unknown parameter 'min' for 'other'; known: "
                + "factor", assertThrows(SpecException.class,
                () -> bind("wrap(then=other(min=1))")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> bind("wrap(then=0.5)")).getMessage()
                .startsWith("parameter 'then' of 'wrap' must be a schedule spec, such as scaled, "
                        + "found '0.5': "));
    }

    @Test
    void aLookupThatFindsAnotherKindIsAnError() {
        PluginProvider<?> notASchedule = new PluginProvider<Object>() {
            @Override
            public String name() {
                return "odd";
            }

            @Override
            public Object create(Parameters parameters) {
                return "a string";
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parameters.bind("wrap", WRAPPER, Map.of("then", "odd"),
                        (kind, name) -> notASchedule));
        assertTrue(e.getMessage().contains("not a dev.mlp.api.LearningRateSchedule"),
                e.getMessage());
    }

    @Test
    void bindingStopsAtMaxDepthEvenWhenDefaultsNest() {
        // a provider whose default nests itself would recurse for ever
        ParameterSpec self = ParameterSpec.plugin("then", PluginKind.SCHEDULE, "loop", "");
        PluginProvider<LearningRateSchedule> loop = new LearningRateScheduleProvider() {
            @Override
            public String name() {
                return "loop";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(self);
            }

            @Override
            public LearningRateSchedule create(Parameters p) {
                return new Scaled("loop", 1);
            }
        };
        SpecException e = assertThrows(SpecException.class, () -> Parameters.bind("loop",
                List.of(self), Map.of(), (kind, name) -> loop));
        assertTrue(e.getMessage().contains("specs nest at most 8 levels deep"), e.getMessage());
    }

    @Test
    void declarationsOfPluginParametersAndShorthandsAreChecked() {
        ParameterSpec then = ParameterSpec.plugin("then", PluginKind.SCHEDULE, "cosine ( )", "");
        assertEquals("cosine", then.defaultValue());
        assertEquals("then (schedule spec, default cosine)", then.describe());
        assertEquals("a schedule spec", then.range());
        assertEquals("factor (real > 0.0, default 2.0, shorthand for factor inside then): the "
                + "wrapped schedule's factor", WRAPPER.get(2).describe());
        assertThrows(SpecException.class,
                () -> ParameterSpec.plugin("then", PluginKind.SCHEDULE, "(bad", ""));
        assertThrows(IllegalArgumentException.class, () -> then.forwardsTo("other"));
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpec("x",
                ParameterSpec.Type.REAL, 1.0, null, false, null, false, null, "",
                PluginKind.SCHEDULE, null));
        IllegalStateException dangling = assertThrows(IllegalStateException.class,
                () -> Parameters.bind("p", List.of(ParameterSpec.real("f", 1, "")
                        .forwardsTo("nothing")), Map.of(), LOOKUP));
        assertTrue(dangling.getMessage().contains("'nothing', which is not one of its plugin "
                + "parameters"), dangling.getMessage());
    }

    @Test
    void theNestedValueIsTheSameObjectEachTimeItIsAskedFor() {
        Parameters p = bind("wrap");
        assertSame(p.plugin("then", Scaled.class), p.plugin("then", Scaled.class));
    }
}
