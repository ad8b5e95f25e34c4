package dev.mlp.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import dev.mlp.api.Evaluation;
import dev.mlp.api.Metric;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.api.spi.MetricProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.kernel.MatrixBackends;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds added as data, metric and compute backend, are found in plugin jars outside the
 * class path like every other kind: by the one catalog, with a name claimed twice refused
 * naming both jars.
 */
class PluginKindJarsTest {

    private static final String BACKEND = """
            package com.example.%s;

            import dev.mlp.api.kernel.ComputeBackend;
            import dev.mlp.api.spec.Parameters;
            import dev.mlp.api.spi.ComputeBackendProvider;

            public final class FastBackend implements ComputeBackendProvider {
                @Override
                public String name() {
                    return "fast";
                }

                @Override
                public ComputeBackend create(Parameters parameters) {
                    return ComputeBackend.of("fast", (threads, reference) -> reference);
                }
            }
            """;

    private static final String METRIC = """
            package com.example.metric;

            import dev.mlp.api.Metric;
            import dev.mlp.api.spec.Parameters;
            import dev.mlp.api.spi.MetricProvider;

            public final class MaxErrorProvider implements MetricProvider {
                @Override
                public String name() {
                    return "max-error";
                }

                @Override
                public Metric create(Parameters parameters) {
                    return new Metric() {
                        @Override
                        public String name() {
                            return "max-error";
                        }

                        @Override
                        public boolean higherIsBetter() {
                            return false;
                        }

                        @Override
                        public double compute(double[] p, double[] y, double[] w, int rows,
                                              int outputs) {
                            double max = 0;
                            for (int i = 0; i < rows * outputs; i++) {
                                max = Math.max(max, Math.abs(p[i] - y[i]));
                            }
                            return max;
                        }
                    };
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void twoJarsClaimingOneComputeBackendNameAreRefusedNamingBoth() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler (running on a JRE?)");
        Path a = jar(javac, "backend-a", "com.example.a.FastBackend",
                ComputeBackendProvider.class, BACKEND.formatted("a"));
        Path b = jar(javac, "backend-b", "com.example.b.FastBackend",
                ComputeBackendProvider.class, BACKEND.formatted("b"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {a.toUri().toURL(),
                b.toUri().toURL()}, getClass().getClassLoader())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PluginCatalog.discover(loader));
            assertTrue(e.getMessage().startsWith(
                    "two compute backend providers claim the name 'fast': "), e.getMessage());
            assertTrue(e.getMessage().contains("com.example.a.FastBackend (")
                    && e.getMessage().contains("backend-a.jar"), e.getMessage());
            assertTrue(e.getMessage().contains("com.example.b.FastBackend (")
                    && e.getMessage().contains("backend-b.jar"), e.getMessage());
        }
    }

    @Test
    void aComputeBackendJarIsChosenByNameThroughTheBuilder() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler (running on a JRE?)");
        Path a = jar(javac, "backend-a", "com.example.a.FastBackend",
                ComputeBackendProvider.class, BACKEND.formatted("a"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {a.toUri().toURL()},
                getClass().getClassLoader())) {
            Mlp mlp = Guice.createInjector(new MlpModule(PluginCatalog.discover(loader)))
                    .getInstance(Mlp.class);
            assertEquals(List.of("fast", "java"), mlp.registry().names(PluginKind.COMPUTE_BACKEND));
            assertEquals("fast",
                    MatrixBackends.resolve(mlp.registry(), "fast").name());
            Model m = mlp.newBuilder().inputs(1).layer(1, "identity").loss("mse")
                    .optimizer("sgd(lr=0.1)").batch("full-batch").epochs(2).backend("fast")
                    .threads(1).build();
            assertEquals("fast", m.trainer().options().backend().name());
            assertEquals(1, m.trainer().options().threads());
            m.fit(new double[][] {{0}, {1}}, new double[][] {{0}, {1}});
        }
    }

    @Test
    void aMetricJarIsFoundAndUsableByName() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler (running on a JRE?)");
        Path jar = jar(javac, "metric", "com.example.metric.MaxErrorProvider",
                MetricProvider.class, METRIC);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginCatalog catalog = PluginCatalog.discover(loader);
            assertNotNull(catalog.providers(PluginKind.METRIC).get("max-error"));
            assertTrue(catalog.providers(PluginKind.METRIC).containsKey("f1"), "built-ins kept");
            Mlp mlp = Guice.createInjector(new MlpModule(catalog)).getInstance(Mlp.class);
            Metric metric = mlp.registry().metric("max-error");
            assertFalse(metric.needsClasses());
            Model m = mlp.newBuilder().inputs(1).layer(1, "identity").loss("mse")
                    .optimizer("sgd(lr=0.1)").batch("full-batch").epochs(1)
                    .metrics("max-error", "mae").build();
            double[][] x = {{0}, {1}, {2}};
            double[][] y = {{0}, {1}, {5}};
            m.fit(x, y);
            Evaluation ev = m.evaluate(dev.mlp.core.Dataset.of(x, y));
            double[][] p = m.predict(x);
            double expected = 0;
            for (int r = 0; r < x.length; r++) {
                expected = Math.max(expected, Math.abs(p[r][0] - y[r][0]));
            }
            assertEquals(expected, ev.values().get("max-error"), 0.0);
        }
        assertFalse(Mlp.standard().registry().has(PluginKind.METRIC, "max-error"));
    }

    private Path jar(JavaCompiler javac, String name, String className, Class<?> service,
                     String source) throws IOException, java.net.URISyntaxException {
        Path root = tmp.resolve(name);
        Path src = root.resolve("src").resolve(className.replace('.', File.separatorChar)
                + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(root.resolve("classes"));
        String apiLocation = Path.of(service.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-classpath", apiLocation
                + File.pathSeparator + System.getProperty("java.class.path"), "-d",
                classes.toString(), "--release", "17", "-proc:none", src.toString()));
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int c) {
                out.write(c);
            }
        };
        int rc = javac.run(null, sink, sink, args.toArray(new String[0]));
        assertEquals(0, rc, () -> "javac failed:\n" + out);
        Path jar = root.resolve(name + ".jar");
        try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jos.putNextEntry(new JarEntry(classes.relativize(p).toString()
                        .replace(File.separatorChar, '/')));
                jos.write(Files.readAllBytes(p));
                jos.closeEntry();
            }
            jos.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            jos.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
        }
        return jar;
    }
}
