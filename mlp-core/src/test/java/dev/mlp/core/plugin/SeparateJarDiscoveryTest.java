package dev.mlp.core.plugin;

import dev.mlp.api.spi.PluginKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import dev.mlp.api.Activation;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.ActivationProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.train.TrainingResult;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party activation, compiled at test time into its own jar that is not on the class
 * path, becomes usable by name once that jar's class loader is handed to discovery: the promise
 * of the plugin SPI, tested end to end.
 */
class SeparateJarDiscoveryTest {

    private static final String CUBE = """
            package com.example.thirdparty;

            import dev.mlp.api.ElementwiseActivation;

            public final class Cube extends ElementwiseActivation {
                public Cube() {
                    super("cube");
                }

                @Override
                protected double value(double z) {
                    return z * z * z;
                }

                @Override
                protected double derivative(double z, double a) {
                    return 3 * z * z;
                }
            }
            """;

    private static final String CUBE_PROVIDER = """
            package com.example.thirdparty;

            import dev.mlp.api.Activation;
            import dev.mlp.api.spec.Parameters;
            import dev.mlp.api.spi.ActivationProvider;
            import java.util.List;

            public final class CubeProvider implements ActivationProvider {
                @Override
                public String name() {
                    return "cube";
                }

                @Override
                public List<String> aliases() {
                    return List.of("third-power");
                }

                @Override
                public String description() {
                    return "f(z) = z^3";
                }

                @Override
                public Activation create(Parameters parameters) {
                    return new Cube();
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aPluginJarOutsideTheClassPathIsFoundThroughItsClassLoader() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler (running on a JRE?)");

        Path jar = buildPluginJar(javac);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginCatalog catalog = PluginCatalog.discover(loader);
            ActivationProvider provider = (ActivationProvider) catalog
                    .providers(PluginKind.ACTIVATION).get("cube");
            assertTrue(provider != null, "cube not discovered; found "
                    + catalog.providers(PluginKind.ACTIVATION).keySet());
            assertSame(loader, provider.getClass().getClassLoader(), "loaded from the jar");
            assertTrue(PluginCatalog.origin(provider).contains("cube-plugin.jar"),
                    PluginCatalog.origin(provider));
            assertSame(provider, catalog.providers(PluginKind.ACTIVATION).get("third-power"));
            // the built-ins are still there next to it
            assertTrue(catalog.providers(PluginKind.ACTIVATION).containsKey("sigmoid"));
            assertTrue(catalog.providers(PluginKind.OPTIMIZER).containsKey("sgd"));

            Mlp mlp = Guice.createInjector(new MlpModule(catalog)).getInstance(Mlp.class);
            Activation cube = mlp.registry().activation("cube");
            assertEquals("cube", cube.name());
            assertEquals(8.0, ((ElementwiseActivation) cube).apply(2.0), 0.0);
            assertEquals(12.0, ((ElementwiseActivation) cube).slope(2.0), 0.0);
            assertEquals("cube", mlp.registry().configure(PluginKind.ACTIVATION, "third-power")
                    .spec());

            // 1 -> 1 network y = (w x + b)^3 with w = 2, b = 1: x = 1 gives 3^3 = 27
            Model model = mlp.newBuilder().inputs(1).layer(1, "cube")
                    .weights(1, new double[][] {{2.0}}).biases(1, 1.0)
                    .loss("mse").optimizer("sgd(lr=0.01)").batch("full-batch").epochs(40)
                    .build();
            assertEquals("cube", model.network().activation(1).name());
            assertEquals(27.0, model.predict(new double[] {1.0})[0], 1e-12);
            assertEquals(-1.0, model.predict(new double[] {-1.0})[0], 1e-12); // (-2+1)^3

            // and it trains (back-propagating through the cube): fit y = (0.5 x)^3 from w = 0.8, b = 0.1
            Model fit = mlp.newBuilder().inputs(1).layer(1, "cube")
                    .weights(1, new double[][] {{0.8}}).biases(1, 0.1)
                    .loss("mse").optimizer("sgd(lr=0.2)").batch("full-batch").epochs(300)
                    .build();
            double[][] x = new double[21][1];
            double[][] y = new double[21][1];
            for (int i = 0; i < 21; i++) {
                x[i][0] = -1 + i * 0.1;
                y[i][0] = Math.pow(0.5 * x[i][0], 3);
            }
            TrainingResult r = fit.fit(x, y);
            assertTrue(r.finalLoss() < r.epochLosses().get(0) / 100, r.epochLosses().get(0)
                    + " -> " + r.finalLoss());
        }
    }

    @Test
    void theClassPathCatalogDoesNotKnowCube() {
        assertFalse(Mlp.standard().registry().has(PluginKind.ACTIVATION, "cube"));
        assertFalse(PluginCatalog.discover(getClass().getClassLoader())
                .providers(PluginKind.ACTIVATION).containsKey("cube"));
        SpecException e = assertThrows(SpecException.class,
                () -> Mlp.builder().inputs(1).layer(1, "cube").build());
        assertTrue(e.getMessage().startsWith("unknown activation 'cube'"), e.getMessage());
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("com.example.thirdparty.Cube"));
    }

    @Test
    void twoLoadersOfTheSameJarGiveTwoIndependentCatalogs() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler (running on a JRE?)");
        Path jar = buildPluginJar(javac);
        try (URLClassLoader one = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader());
             URLClassLoader two = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            Object a = PluginCatalog.discover(one).providers(PluginKind.ACTIVATION).get("cube");
            Object b = PluginCatalog.discover(two).providers(PluginKind.ACTIVATION).get("cube");
            assertNotSame(a.getClass(), b.getClass());
            assertEquals(a.getClass().getName(), b.getClass().getName());
        }
    }

    private Path buildPluginJar(JavaCompiler javac) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(tmp.resolve("src/com/example/thirdparty"));
        Files.writeString(src.resolve("Cube.java"), CUBE);
        Files.writeString(src.resolve("CubeProvider.java"), CUBE_PROVIDER);
        Path classes = Files.createDirectories(tmp.resolve("classes"));

        // Surefire may hide the real class path behind a manifest-only jar, so add the
        // location of the API classes explicitly.
        String apiLocation = Path.of(ActivationProvider.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString();
        String classPath = apiLocation + File.pathSeparator
                + System.getProperty("java.class.path");
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-classpath", classPath, "-d",
                classes.toString(), "--release", "17", "-proc:none",
                src.resolve("Cube.java").toString(), src.resolve("CubeProvider.java").toString()));
        int rc = javac.run(null, new WriterOutputStream(out), new WriterOutputStream(out),
                args.toArray(new String[0]));
        assertEquals(0, rc, () -> "javac failed:\n" + out);

        Path jar = tmp.resolve("cube-plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jos.putNextEntry(new JarEntry(classes.relativize(p).toString()
                        .replace(File.separatorChar, '/')));
                jos.write(Files.readAllBytes(p));
                jos.closeEntry();
            }
            jos.putNextEntry(new JarEntry("META-INF/services/"
                    + ActivationProvider.class.getName()));
            jos.write("# a third-party plugin\ncom.example.thirdparty.CubeProvider\n"
                    .getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
        }
        return jar;
    }

    /** Collects javac's diagnostics for the failure message. */
    private static final class WriterOutputStream extends OutputStream {
        private final StringWriter target;

        WriterOutputStream(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }
}
