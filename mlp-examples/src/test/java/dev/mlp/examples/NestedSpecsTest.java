package dev.mlp.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.plugin.Configured;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.optimizers.Lookahead;
import dev.mlp.optimizers.schedule.WarmupSchedule;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested specs resolved through the registry: a third party's optimizer inside lookahead, a
 * third party's schedule behind the warm-up, and nested specs saved in a model file and loaded.
 */
class NestedSpecsTest {

    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] Y = {{0}, {1}, {1}, {0}};

    @Test
    void aThirdPartyOptimizerFromItsOwnJarIsLookaheadsInnerOptimizer() {
        PluginRegistry registry = Mlp.standard().registry();
        Configured<?> c = registry.configure(PluginKind.OPTIMIZER,
                "lookahead(inner=lion-example(lr=0.002, beta1=0.8), k=4)");
        Lookahead l = (Lookahead) c.instance();
        assertEquals("lion-example", l.inner().name());
        assertEquals("org.example.mlp.plugin.Lion", l.inner().getClass().getName());
        assertEquals("lookahead(inner=lion-example(lr=0.002, beta1=0.8, beta2=0.99), k=4, "
                + "alpha=0.5)", c.spec());
        assertEquals(c.spec(), l.toString());
        assertEquals(0.002, l.start(new dev.mlp.api.ParameterLayout(List.of())).learningRate());
        // and by name with lookahead's rate, as a built-in
        assertEquals("lookahead(inner=lion-example(lr=0.03, beta1=0.9, beta2=0.99), k=5, "
                + "alpha=0.5)", registry.configure(PluginKind.OPTIMIZER,
                "lookahead(inner=lion-example, lr=0.03)").spec());
        Model model = xor().optimizer("lookahead(inner=lion-example(lr=0.01), k=4)").epochs(400)
                .build();
        model.fit(X, Y);
        assertEquals(1.0, model.accuracy(X, Y), 0.0, "lookahead around lion-example on XOR");
    }

    /** A schedule no jar registers: halves the rate every {@code every} epochs. */
    record Halving(int every) implements LearningRateSchedule {
        static final ParameterSpec EVERY = ParameterSpec.integer("every", 2, "").atLeast(1);

        @Override
        public String name() {
            return "halving";
        }

        @Override
        public State start(Run run) {
            return new ScaledScheduleState("halving", run) {
                @Override
                protected double unscaled(int epoch, long step) {
                    return run.baseRate() * Math.pow(0.5, (epoch - 1) / every);
                }
            };
        }

        @Override
        public String toString() {
            return "halving(every=" + every + ")";
        }
    }

    static final class HalvingProvider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {
        HalvingProvider() {
            super("halving", "halves the rate", List.of(Halving.EVERY),
                    p -> new Halving(p.integer("every")));
        }
    }

    private static PluginRegistry withHalving() {
        PluginCatalog catalog = PluginCatalog.discover(NestedSpecsTest.class.getClassLoader());
        Map<PluginKind<?>, Map<String, PluginProvider<?>>> byKind = new LinkedHashMap<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            byKind.put(kind, new HashMap<>(catalog.providers(kind)));
        }
        byKind.get(PluginKind.SCHEDULE).put("halving", new HalvingProvider());
        return new PluginRegistry(byKind);
    }

    @Test
    void anySchedulePluginOfTheRegistryCanBeWarmedUp() {
        Configured<LearningRateSchedule> c = withHalving().configure(PluginKind.SCHEDULE,
                "warmup(steps=4, then=halving(every=1))");
        assertEquals(new WarmupSchedule(4, new Halving(1)), c.instance());
        assertEquals("warmup(steps=4, then=halving(every=1))", c.spec());
        // base 1, 2 steps per epoch: (s + 1)/4 of 1, 1, 0.5, 0.5, then 0.25, 0.25
        LearningRateSchedule.State s = c.instance().start(new LearningRateSchedule.Run(1, 3, 2));
        double[] rates = {s.rate(1, 0), s.rate(1, 1), s.rate(2, 2), s.rate(2, 3), s.rate(3, 4),
                s.rate(3, 5)};
        assertArrayEquals(new double[] {0.25, 0.5, 0.375, 0.5, 0.25, 0.25}, rates, 1e-15);
        // the registry that was asked resolves the nested spec, not the class path
        SpecException e = assertThrows(SpecException.class, () -> Mlp.standard().registry()
                .configure(PluginKind.SCHEDULE, "warmup(then=halving)"));
        assertTrue(e.getMessage().startsWith("parameter 'then' of 'warmup': unknown schedule "
                + "'halving'; known: "), e.getMessage());
    }

    @Test
    void aModelFileStoresTheNestedSpecsAndLoadsThemBack(@TempDir Path dir) throws Exception {
        Model model = xor().optimizer("lookahead(inner=adam(lr=0.05, beta1=0.8), k=3)")
                .schedule("warmup(steps=20, then=cosine(min=0.1))").epochs(300).build();
        model.fit(X, Y);
        Path file = dir.resolve("xor.mlp");
        ModelFile.save(model, file);
        var info = ModelFile.read(file);
        assertEquals("lookahead(inner=adam(lr=0.05, beta1=0.8, beta2=0.999, epsilon=1.0E-8), "
                + "k=3, alpha=0.5)", info.spec("optimizer"));
        assertEquals("warmup(steps=20, then=cosine(warmup=0, min=0.1))", info.spec("schedule"));
        Model again = ModelFile.load(file);
        for (double[] x : X) {
            assertArrayEquals(model.predict(x), again.predict(x), 0.0);
        }
        // trained again from the loaded specs, the same seed gives the same bits
        Model twin = ModelFile.load(file);
        twin.fit(X, Y);
        Model first = ModelFile.load(file);
        first.fit(X, Y);
        for (double[] x : X) {
            assertArrayEquals(first.predict(x), twin.predict(x), 0.0);
        }
    }

    private static Mlp.Builder xor() {
        return Mlp.builder().inputs(2).layer(4, "tanh").layer(1, "sigmoid")
                .loss("binary-cross-entropy").batch("full-batch").initializer("xavier")
                .seed(1);
    }
}
