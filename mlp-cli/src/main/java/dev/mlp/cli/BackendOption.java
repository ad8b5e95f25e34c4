package dev.mlp.cli;

import com.google.inject.Guice;
import dev.mlp.core.Mlp;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.kernel.BackendChoice;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/**
 * {@code --backend NAME} of the commands that run a saved model ({@code evaluate},
 * {@code predict}, {@code serve}): the compute backend of its forward passes, as
 * {@code --backend} of {@code train} chooses the one of a run. Without it the fastest backend
 * that runs here is used.
 */
public final class BackendOption {

    @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend of the "
            + "matrix products: java, java-vector or native-blas (default: the fastest that "
            + "runs here; mlp plugins --kind compute-backend lists them). native-blas is not "
            + "bit-identical to java.")
    String backend;

    /**
     * Refuses a blank, unknown or unusable backend name.
     *
     * @param registry the plugins
     * @param name the name given, or {@code null}
     * @throws BadInputException if the name is blank, unknown or cannot run here
     */
    static void check(PluginRegistry registry, String name) {
        if (name == null) {
            return;
        }
        if (name.isBlank()) {
            throw new BadInputException("--backend needs a compute backend's name, for "
                    + "example --backend java");
        }
        try {
            MatrixBackends.resolve(registry, name);
        } catch (IllegalStateException e) {
            throw new BadInputException("--backend: " + e.getMessage(), e);
        }
    }

    /**
     * @param base the plugins and defaults to load models with
     * @return {@code base} when no backend is named, otherwise the same plugins and defaults
     *         with the named backend for every model loaded through it
     * @throws BadInputException if the backend is blank, unknown or cannot run here
     */
    public Mlp apply(Mlp base) {
        check(base.registry(), backend);
        if (backend == null) {
            return base;
        }
        BackendChoice choice = new BackendChoice(backend.strip(), 0);
        return Guice.createInjector(binder -> {
            binder.bind(PluginRegistry.class).toInstance(base.registry());
            binder.bind(TrainingDefaults.class).toInstance(base.defaults());
            binder.bind(BackendChoice.class).toInstance(choice);
            MlpModule.listeners(binder);
        }).getInstance(Mlp.class);
    }
}
