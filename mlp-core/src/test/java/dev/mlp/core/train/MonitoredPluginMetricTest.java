package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import org.junit.jupiter.api.Test;

/**
 * A metric plugin found through a services file on the class path is usable by name like a
 * built-in one: computed in a run and monitored by early stopping.
 */
class MonitoredPluginMetricTest {

    @Test
    void aMetricPluginOnTheClassPathIsFoundAndMonitored() {
        assertTrue(Mlp.standard().registry().has(PluginKind.METRIC,
                MedianErrorMetricProvider.NAME));
        EarlyStopping rule = EarlyStopping.parse("early-stopping(monitor=training-"
                + MedianErrorMetricProvider.NAME + ", patience=2)");
        assertEquals("training-" + MedianErrorMetricProvider.NAME, rule.monitor());
        double[][] x = {{0}, {1}, {2}, {3}};
        double[][] y = {{0}, {2}, {4}, {6}};
        Model m = Mlp.builder().inputs(1).layer(1, "identity").loss("mse")
                .optimizer("sgd(lr=0.05)").batch("full-batch").epochs(30)
                .metrics(MedianErrorMetricProvider.NAME).earlyStopping(rule).build();
        var result = m.fit(x, y);
        assertEquals(result.epochs(), result.metric("training-"
                + MedianErrorMetricProvider.NAME).size());
        assertThrows(SpecException.class,
                () -> EarlyStopping.parse("early-stopping(monitor=validation-los)"));
    }
}
