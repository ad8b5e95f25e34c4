package dev.mlp.core.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GuiceModuleTest {

    private static PluginCatalog catalog;

    @BeforeAll
    static void discover() {
        catalog = PluginCatalog.discover(GuiceModuleTest.class.getClassLoader());
    }

    private static final double[][] X = {{0, 1}, {1, 0}, {1, 1}};
    private static final double[][] Y = {{1}, {1}, {0}};

    /** "halving(factor)": ignores the gradient and multiplies every parameter by factor. */
    static final class HalvingProvider implements OptimizerProvider {
        @Override
        public String name() {
            return "halving";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("factor", 0.5, "multiplier per step").above(0));
        }

        @Override
        public Optimizer create(Parameters p) {
            double factor = p.real("factor");
            return new Optimizer() {
                @Override
                public String name() {
                    return "halving";
                }

                @Override
                public OptimizerState start(ParameterLayout layout) {
                    return new OptimizerState() {
                        private long steps;

                        @Override
                        public void update(double[][] parameters, double[][] gradients) {
                            for (double[] block : parameters) {
                                for (int i = 0; i < block.length; i++) {
                                    block[i] *= factor;
                                }
                            }
                            steps++;
                        }

                        @Override
                        public long steps() {
                            return steps;
                        }
                    };
                }
            };
        }
    }

    @Test
    void aUserModuleCanAddAnOptimizerByName() {
        Injector injector = Guice.createInjector(new MlpModule(catalog), new AbstractModule() {
            @Override
            protected void configure() {
                MlpModule.providers(binder(), PluginKind.OPTIMIZER).addBinding("halving")
                        .toInstance(new HalvingProvider());
            }
        });
        Mlp mlp = injector.getInstance(Mlp.class);
        PluginRegistry registry = mlp.registry();
        assertTrue(registry.names(PluginKind.OPTIMIZER).contains("halving"));
        assertTrue(registry.names(PluginKind.OPTIMIZER).contains("adam"), "built-ins kept");
        assertEquals("halving(factor=0.5)",
                registry.configure(PluginKind.OPTIMIZER, "halving").spec());

        Model model = mlp.newBuilder().inputs(2).layer(2, "sigmoid").layer(1, "sigmoid")
                .weights(1, new double[][] {{1, 2}, {3, 4}}).biases(1, 5, 6)
                .weights(2, new double[][] {{7}, {8}}).biases(2, 9)
                .loss("half-squared-error").optimizer("halving").batch("full-batch").epochs(2)
                .build();
        assertEquals("halving(factor=0.5)", model.specs().get("optimizer"));
        model.fit(X, Y);
        // two full-batch steps, each halving: every parameter is a quarter of what it was
        assertEquals(0.25, model.network().weight(1, 0, 0), 0.0);
        assertEquals(1.0, model.network().weight(1, 1, 1), 0.0);
        assertEquals(1.5, model.network().bias(1, 1), 0.0);
        assertEquals(2.0, model.network().weight(2, 1, 0), 0.0);
        assertEquals(2.25, model.network().bias(2, 0), 0.0);

        // the standard instance does not know it
        assertTrue(!Mlp.standard().registry().has(PluginKind.OPTIMIZER, "halving"));
    }

    @Test
    void overriddenDefaultsAreUsedForUnsetChoices() {
        TrainingDefaults custom = new TrainingDefaults("half-squared-error", "sgd(lr=0.5)",
                "full-batch", "zeros", 3, 1L);
        Mlp mlp = Guice.createInjector(Modules.override(new MlpModule(catalog))
                .with(binder -> binder.bind(TrainingDefaults.class).toInstance(custom)))
                .getInstance(Mlp.class);
        assertEquals(custom, mlp.defaults());

        Model model = mlp.newBuilder().inputs(2).layer(2, "sigmoid").layer(1, "sigmoid").build();
        assertEquals("half-squared-error", model.specs().get("loss"));
        assertEquals("sgd(lr=0.5)", model.specs().get("optimizer"));
        assertEquals("full-batch", model.specs().get("batch strategy"));
        assertEquals("zeros", model.specs().get("initializer"));
        assertEquals(3, model.trainer().epochs());
        assertEquals(1L, model.trainer().seed());
        for (int l = 1; l <= 2; l++) {
            for (double w : model.network().weights(l)) {
                assertEquals(0.0, w, 0.0);
            }
        }
        TrainingResult r = model.fit(X, Y);
        assertEquals(3, r.epochs());
        assertEquals(3, r.steps()); // full-batch: one step per epoch

        // choices made explicitly still win
        Model explicit = mlp.newBuilder().inputs(2).layer(1, "sigmoid").loss("mse")
                .optimizer("adam").epochs(7).build();
        assertEquals("mse", explicit.specs().get("loss"));
        assertEquals("adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
                explicit.specs().get("optimizer"));
        assertEquals("full-batch", explicit.specs().get("batch strategy"));
        assertEquals(7, explicit.trainer().epochs());
    }

    @Test
    void theStandardDefaultsAreBoundWithoutOverride() {
        Mlp mlp = Guice.createInjector(new MlpModule(catalog)).getInstance(Mlp.class);
        assertEquals(TrainingDefaults.standard(), mlp.defaults());
        Model model = mlp.newBuilder().inputs(2).layer(1, "sigmoid").build();
        assertEquals("mse", model.specs().get("loss"));
        assertEquals("sgd(lr=0.01)", model.specs().get("optimizer"));
        assertEquals("mini-batch(size=32, shuffle=true)", model.specs().get("batch strategy"));
        assertEquals("xavier", model.specs().get("initializer"));
        assertEquals(100, model.trainer().epochs());
        assertEquals(42L, model.trainer().seed());
    }

    @Test
    void bindingOneNameTwiceFailsAtInjectorCreation() {
        OptimizerProvider impostor = mock(OptimizerProvider.class);
        CreationException e = assertThrows(CreationException.class,
                () -> Guice.createInjector(new MlpModule(catalog), new AbstractModule() {
                    @Override
                    protected void configure() {
                        MlpModule.providers(binder(), PluginKind.OPTIMIZER).addBinding("sgd").toInstance(impostor);
                    }
                }));
        assertTrue(e.getMessage().contains("sgd"), e.getMessage());
    }

    @Test
    void boundListenersAreCalledByEveryRun() {
        TrainingListener listener = mock(TrainingListener.class);
        Mlp mlp = Guice.createInjector(new MlpModule(catalog), new AbstractModule() {
            @Override
            protected void configure() {
                MlpModule.listeners(binder()).addBinding().toInstance(listener);
            }
        }).getInstance(Mlp.class);
        verify(listener, never()).runStarted(any());

        Model first = mlp.newBuilder().inputs(2).layer(1, "sigmoid").batch("full-batch")
                .epochs(2).build();
        Model second = mlp.newBuilder().inputs(2).layer(3, "tanh").layer(1, "sigmoid")
                .batch("stochastic").epochs(4).build();
        first.fit(X, Y);
        second.fit(X, Y);
        first.fit(X, Y);

        verify(listener, times(3)).runStarted(any());
        verify(listener, times(3)).runFinished(any());
        verify(listener, times(2 + 4 + 2)).epochFinished(any());
        // full-batch: 1 step per epoch; stochastic: 3 per epoch
        verify(listener, times(2 + 12 + 2)).batchFinished(any());
        verify(listener, times(2)).runStarted(argThat(s -> s.epochs() == 2));
        verify(listener, times(1)).runStarted(argThat(s -> s.epochs() == 4 && s.batchSize() == 1));
    }

    @Test
    void theRegistryIsASingletonSharedByEveryMlp() {
        Injector injector = Guice.createInjector(new MlpModule(catalog));
        assertSame(injector.getInstance(PluginRegistry.class),
                injector.getInstance(PluginRegistry.class));
        assertSame(injector.getInstance(Mlp.class).registry(),
                injector.getInstance(Mlp.class).registry());
    }
}
