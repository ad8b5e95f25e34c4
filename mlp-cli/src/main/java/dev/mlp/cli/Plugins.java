package dev.mlp.cli;

import com.google.inject.Guice;
import dev.mlp.core.Mlp;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.core.plugin.PluginCatalog;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugins a command works with: those on the class path, plus the jars found in the
 * directories (or given as jars) by {@code --plugins} and the {@code MLP_PLUGIN_PATH}
 * environment variable, loaded by a class loader of their own so the class path need not change.
 *
 * @param mlp the framework instance backed by every plugin found
 * @param jars the extra plugin jars (and class directories) loaded, in order
 * @param loader the class loader that sees the class path and those jars, for extension
 *        points found outside the framework instance (the ONNX exporters)
 */
record Plugins(Mlp mlp, List<Path> jars, ClassLoader loader) {

    /**
     * @param dirs the {@code --plugins} entries
     * @param path the value of {@code MLP_PLUGIN_PATH}, or {@code null}
     * @return the plugins
     * @throws BadInputException if an entry does not exist, or two plugins claim one name
     */
    static Plugins load(List<Path> dirs, String path) {
        checkBackend();
        List<Path> jars = new ArrayList<>();
        for (Path d : dirs) {
            add(jars, d, "--plugins");
        }
        if (path != null && !path.isBlank()) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    add(jars, Path.of(entry.strip()), "$" + MlpCli.PLUGIN_PATH);
                }
            }
        }
        refuseProvidersInTwoJars(jars);
        try {
            if (jars.isEmpty()) {
                return new Plugins(Mlp.standard(), List.of(), MlpCli.class.getClassLoader());
            }
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = url(jars.get(i));
            }
            // never closed: the plugins' classes are used until the process ends
            @SuppressWarnings("resource")
            URLClassLoader loader = new URLClassLoader("mlp-plugins", urls,
                    MlpCli.class.getClassLoader());
            Mlp mlp = Guice.createInjector(new MlpModule(PluginCatalog.discover(loader)))
                    .getInstance(Mlp.class);
            return new Plugins(mlp, List.copyOf(jars), loader);
        } catch (IllegalStateException e) {
            throw clash(e);
        } catch (com.google.inject.CreationException e) {
            if (e.getCause() instanceof IllegalStateException ise) {
                throw clash(ise);
            }
            throw e;
        }
    }

    /** Refuses an unknown compute backend named by {@code -Dmlp.backend} before any work. */
    static void checkBackend() {
        String name = System.getProperty(MatrixBackends.PROPERTY);
        if (name == null || name.isBlank() || name.strip().equals(MatrixBackends.JAVA)) {
            return;
        }
        List<String> known = new ArrayList<>(List.of(MatrixBackends.JAVA));
        for (ComputeBackendProvider p : MatrixBackends.providers()) {
            if (p.name().equals(MatrixBackends.JAVA)) {
                continue; // built in, listed first
            }
            if (p.name().equals(name.strip())) {
                String why = p.unavailableReason();
                if (why != null) {
                    throw new BadInputException("-D" + MatrixBackends.PROPERTY + "=" + name
                            + ": the compute backend cannot run here: " + why);
                }
                return;
            }
            known.add(p.name());
        }
        throw new BadInputException("-D" + MatrixBackends.PROPERTY + "=" + name
                + ": unknown compute backend; known: " + String.join(", ", known)
                + " (a backend's jar must be on the class path)");
    }

    private static BadInputException clash(IllegalStateException e) {
        return new BadInputException("the plugins cannot be loaded: " + e.getMessage()
                + System.lineSeparator() + "Remove one of the two jars from the class path, "
                + "--plugins or $" + MlpCli.PLUGIN_PATH + ".", e);
    }

    /**
     * Refuses one provider class listed by two plugin jars (for example two versions of one
     * plugin): only the first would be used, silently.
     */
    static void refuseProvidersInTwoJars(List<Path> jars) {
        java.util.Map<String, Path> firstJar = new java.util.HashMap<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            for (String provider : providers(jar)) {
                Path other = firstJar.putIfAbsent(provider, jar);
                if (other != null && !other.equals(jar)) {
                    throw new BadInputException("the plugins cannot be loaded: " + other
                            + " and " + jar + " both provide " + provider
                            + System.lineSeparator() + "Remove one of the two jars from "
                            + "--plugins or $" + MlpCli.PLUGIN_PATH + ".");
                }
            }
        }
    }

    /** The provider classes a jar's service files list. */
    private static java.util.Set<String> providers(Path jar) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
            for (java.util.jar.JarEntry e : java.util.Collections.list(f.entries())) {
                if (e.isDirectory() || !e.getName().startsWith("META-INF/services/")) {
                    continue;
                }
                String text = new String(f.getInputStream(e).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                for (String line : text.split("\\R")) {
                    String name = line.replaceFirst("#.*", "").strip();
                    if (!name.isEmpty()) {
                        found.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException("plugin jar " + jar + " cannot be read: "
                    + MlpCli.message(e), e);
        }
        return found;
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new BadInputException("plugin path entry '" + p + "' cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static void add(List<Path> jars, Path entry, String where) {
        Path p = entry.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new BadInputException(where + ": no such directory or jar: " + entry);
        }
        if (!Files.isReadable(p)) {
            throw new BadInputException(where + ": permission denied: " + entry);
        }
        if (Files.isRegularFile(p)) {
            if (!p.getFileName().toString().endsWith(".jar")) {
                throw new BadInputException(where + ": " + entry + " is neither a directory "
                        + "nor a .jar file");
            }
            jars.add(p);
            return;
        }
        List<Path> found;
        try (Stream<Path> s = Files.list(p)) {
            found = s.filter(f -> f.getFileName().toString().endsWith(".jar")
                    && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot list directory " + entry + ": "
                    + MlpCli.message(e), e);
        }
        if (found.isEmpty() && Files.isDirectory(p.resolve("META-INF/services"))) {
            jars.add(p); // a directory of classes, as a build leaves them
        }
        jars.addAll(found);
    }
}
