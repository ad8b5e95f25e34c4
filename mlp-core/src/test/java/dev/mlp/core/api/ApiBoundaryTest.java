package dev.mlp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The line between mlp-core's API packages and its internal ones (README, "API and internal
 * packages"): no public or protected signature of an API package mentions a type of an internal
 * package, so code written against the API never has to import an internal class.
 */
class ApiBoundaryTest {

    /** The packages a user's code may depend on. */
    static final Set<String> API = Set.of(
            "dev.mlp.core", "dev.mlp.core.io", "dev.mlp.core.tune", "dev.mlp.core.inject",
            "dev.mlp.core.plugin", "dev.mlp.core.train", "dev.mlp.core.network",
            "dev.mlp.core.layer");

    /** Every other package of the module: the framework's own, free to change. */
    static final Set<String> INTERNAL = Set.of(
            "dev.mlp.core.batch", "dev.mlp.core.encode", "dev.mlp.core.init",
            "dev.mlp.core.kernel", "dev.mlp.core.listen", "dev.mlp.core.loss",
            "dev.mlp.core.metric", "dev.mlp.core.scale");

    @Test
    void everyPackageIsOnOneSideOfTheLine() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> c : classes()) {
            found.add(c.getPackageName());
        }
        Set<String> declared = new TreeSet<>(API);
        declared.addAll(INTERNAL);
        assertEquals(declared, found, "a package of mlp-core is neither API nor internal: add it to "
                + "one of the lists here and to README's \"API and internal packages\"");
    }

    @Test
    void noApiSignatureMentionsAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : classes()) {
            if (!API.contains(c.getPackageName()) || !exposed(c)) {
                continue;
            }
            check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName() + " implements", t, leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                members.add(k);
            }
            for (Executable m : members) {
                if (!exposed(m.getModifiers()) || m.isSynthetic()
                        || (m instanceof Method method && method.isBridge())) {
                    continue;
                }
                String where = c.getName() + "." + m.getName() + "(...)";
                if (m instanceof Method method) {
                    check(where + " returns", method.getGenericReturnType(), leaks);
                }
                for (Type p : m.getGenericParameterTypes()) {
                    check(where + " takes", p, leaks);
                }
                for (Type x : m.getGenericExceptionTypes()) {
                    check(where + " throws", x, leaks);
                }
            }
        }
        assertEquals(List.of(), leaks, "API signatures that mention internal types");
    }

    @Test
    void theCheckFindsALeak() {
        List<String> leaks = new ArrayList<>();
        check("probe", dev.mlp.core.kernel.Gemm.class, leaks);
        assertFalse(leaks.isEmpty());
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (INTERNAL.contains(c.getPackageName())) {
                leaks.add(where + " " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, leaks);
            }
        } else if (type instanceof GenericArrayType g) {
            check(where, g.getGenericComponentType(), leaks);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(where, b, leaks);
            }
            for (Type b : w.getLowerBounds()) {
                check(where, b, leaks);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                // a bound such as B extends Builder<B> mentions the variable again: look at the raw types only
                Type raw = b instanceof ParameterizedType p ? p.getRawType() : b;
                if (raw != Object.class) {
                    check(where, raw, leaks);
                }
            }
        }
    }

    private static boolean exposed(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!exposed(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> classes() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path root = Path.of(dev.mlp.core.Mlp.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!rel.endsWith(".class") || rel.endsWith("package-info.class")
                        || rel.endsWith("module-info.class")) {
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                out.add(Class.forName(name, false, ApiBoundaryTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
