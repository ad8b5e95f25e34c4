package dev.mlp.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static Map<String, String> options(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void gridEnumeratesChoicesAndWholeNumberRanges() {
        SearchSpace s = SearchSpace.of(options("--layers", "choice(32|64,64|128)",
                "--activation", "choice(relu, tanh)", "--epochs", "int(2,3)",
                "--loss", "cross-entropy"));
        assertEquals(List.of("--layers", "--activation", "--epochs"), s.searched());
        List<Candidate> grid = s.grid();
        assertEquals(12, grid.size());
        assertEquals(Map.of("--layers", "32", "--activation", "relu", "--epochs", "2",
                "--loss", "cross-entropy"), grid.get(0).values());
        assertEquals(Map.of("--layers", "32", "--activation", "relu", "--epochs", "3",
                "--loss", "cross-entropy"), grid.get(1).values());
        assertEquals("64,64", grid.get(4).get("--layers"));
        assertEquals("128", grid.get(11).get("--layers"));
        assertEquals(12, grid.get(11).number());
    }

    @Test
    void expressionsInsideSpecStringsAreReplacedByTheDrawnValue() {
        SearchSpace s = SearchSpace.of(options("--optimizer",
                "adam(lr=loguniform(1e-4,1e-1), beta1=uniform(0.8, 0.95))"));
        List<Candidate> c = s.random(64, 1);
        assertEquals(64, c.size());
        Set<String> distinct = new HashSet<>();
        for (Candidate k : c) {
            String v = k.get("--optimizer");
            assertTrue(v.matches("adam\\(lr=[0-9.E-]+, beta1=[0-9.E-]+\\)"), v);
            double lr = Double.parseDouble(v.substring(8, v.indexOf(',')));
            double beta = Double.parseDouble(v.substring(v.indexOf("beta1=") + 6,
                    v.length() - 1));
            assertTrue(lr >= 1e-4 && lr <= 1e-1, v);
            assertTrue(beta >= 0.8 && beta <= 0.95, v);
            assertTrue(new java.math.BigDecimal(Double.toString(lr)).precision() <= 3, v);
            distinct.add(v);
        }
        assertEquals(64, distinct.size());
        assertEquals(c, s.random(64, 1), "same seed, same candidates");
        assertTrue(!c.equals(s.random(64, 2)));
    }

    @Test
    void randomSearchOfASmallSpaceStopsAtItsDistinctPoints() {
        List<Candidate> c = SearchSpace.of(options("--activation", "choice(relu,tanh)"))
                .random(10, 3);
        assertEquals(2, c.size());
    }

    @Test
    void pluginSpecsThatShareAFunctionNameStayText() {
        SearchSpace s = SearchSpace.of(options("--initializer", "uniform(scale=0.1)",
                "--activation", "he-uniform"));
        assertEquals(List.of(), s.searched());
        assertEquals("uniform(scale=0.1)", s.grid().get(0).get("--initializer"));
    }

    @Test
    void badExpressionsAreRefusedNamingTheOptionAndTheExpression() {
        assertEquals("--optimizer: grid search cannot enumerate loguniform(1e-4,1e-1), a "
                + "continuous range; use choice(a, b, ...) or int(lo, hi) for a grid, or "
                + "random search", assertThrows(IllegalArgumentException.class,
                        () -> SearchSpace.of(options("--optimizer",
                                "adam(lr=loguniform(1e-4,1e-1))")).grid()).getMessage());
        assertEquals("--epochs: int(50,10) has lo > hi (50 > 10); write int(lo, hi) with "
                + "lo <= hi", assertThrows(IllegalArgumentException.class,
                        () -> SearchSpace.of(options("--epochs", "int(50,10)"))).getMessage());
        assertEquals("--layers: choice(32||64) has an empty option (number 2); write "
                + "choice(a|b|...) with a value between every two |",
                assertThrows(IllegalArgumentException.class,
                        () -> SearchSpace.of(options("--layers", "choice(32||64)")))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.of(options("--x", "uniform(1)"))).getMessage()
                .contains("needs two bounds"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.of(options("--x", "loguniform(0,1)"))).getMessage()
                .contains("lo > 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.of(options("--x", "uniform(a,1)"))).getMessage()
                .contains("'a' is not a finite number"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.of(options("--x", "choice(1,2"))).getMessage()
                .contains("no closing ')'"));
    }
}
