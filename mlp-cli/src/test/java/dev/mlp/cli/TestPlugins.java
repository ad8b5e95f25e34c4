package dev.mlp.cli;

import dev.mlp.api.Layer;
import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LayerProvider;
import dev.mlp.api.spi.OptimizerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Plugin jars for tests: a service file naming a provider class of the test class path. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** An optimizer provider that claims the name of the built-in Adam. */
    public static final class ClashingAdam implements OptimizerProvider {
        @Override
        public String name() {
            return "adam";
        }

        @Override
        public Optimizer create(Parameters parameters) {
            throw new UnsupportedOperationException("a test provider");
        }
    }

    /** An optimizer provider found only through a plugin jar. */
    public static final class Extra implements OptimizerProvider {
        @Override
        public String name() {
            return "extra-test-optimizer";
        }

        @Override
        public String description() {
            return "found in a plugin jar";
        }

        @Override
        public Optimizer create(Parameters parameters) {
            throw new UnsupportedOperationException("a test provider");
        }
    }

    /** A layer plugin without an ONNX form: {@code y = -x}, found only through a jar. */
    public static final class Negate implements LayerProvider {
        @Override
        public String name() {
            return "negate-test-layer";
        }

        @Override
        public Layer create(Parameters parameters) {
            return new Layer() {
                @Override
                public String name() {
                    return "negate-test-layer";
                }

                @Override
                public void forward(Forward p) {
                    for (int i = 0, n = p.rows() * p.width(); i < n; i++) {
                        p.output()[i] = -p.input()[i];
                    }
                }

                @Override
                public void backward(Backward p) {
                    for (int i = 0, n = p.rows() * p.width(); i < n; i++) {
                        p.inputGradient()[i] = -p.outputGradient()[i];
                    }
                }
            };
        }
    }

    /** Writes a jar whose service file lists the given optimizer provider class. */
    static Path jar(Path file, Class<?> provider) throws IOException {
        return jar(file, OptimizerProvider.class, provider);
    }

    /**
     * Writes a jar whose service file for {@code service} lists the given provider class (which
     * stays on the test class path: the jar alone makes it a plugin).
     *
     * @param file the jar to write
     * @param service the service interface, such as {@code LayerProvider.class}
     * @param provider the provider class to list
     * @return {@code file}
     * @throws IOException if the jar cannot be written
     */
    public static Path jar(Path file, Class<?> service, Class<?> provider) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(file);
             JarOutputStream jar = new JarOutputStream(o)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            jar.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }
}
