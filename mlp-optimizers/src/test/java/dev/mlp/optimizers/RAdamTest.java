package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.api.OptimizerState;
import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * RAdam against Algorithm 2 of Liu et al. (2020) with PyTorch's threshold {@code rho_t > 5},
 * worked by hand (digits from
 * {@code src/test/python/newer_rules_reference.py}, 40-digit decimal arithmetic), and through
 * the kit.
 */
class RAdamTest {

    private static final double TOL = 1e-14;

    @Test
    void momentumStepsUntilTheVarianceIsTractableThenRectifiedSteps() {
        // lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8; w = (1, -2 | 0.5)
        // rhoInf = 2 / 0.001 - 1 = 1999, rho_t = 1999 - 2 t 0.999^t / (1 - 0.999^t):
        //   rho_1 = 1, rho_2 = 1.9995, rho_3 = 2.9987, rho_4 = 3.9975, rho_5 = 4.9960 (<= 5),
        //   rho_6 = 5.994163751656717 (> 5: the first rectified step), rho_7 = 6.991996004008
        //
        // step 1, g = (2, -0.5 | 0): m = 0.1 g, mHat = m / 0.1 = g, not rectified:
        //   w = w - 0.1 g = (0.8, -1.95 | 0.5)
        // step 2, g = (1, -2 | 1): m = 0.9 (0.2, -0.05 | 0) + 0.1 g = (0.28, -0.245 | 0.1)
        //   mHat = m / 0.19 = (1.47368.., -1.28947.. | 0.52631..)
        //   w = (0.8 - 0.147368.., -1.95 + 0.128947.. | 0.5 - 0.052631..)
        //     = (0.652631578947368, -1.821052631578947 | 0.447368421052632)
        // steps 3 to 5, the same g: w - 0.1 mHat each, giving after step 5
        //   m = (0.47512, -0.720605 | 0.3439), w = (0.285522670598930, -1.321715994101605 |
        //   0.214477329401070)
        // step 6, the same g, rectified:
        //   r_6 = sqrt((rho_6 - 4)(rho_6 - 2) 1999 / (1995 * 1997 * rho_6)) = 0.025821112801865
        //   m = (0.527608, -0.8485445 | 0.40951), mHat = m / (1 - 0.9^6)
        //   w = w - 0.1 r_6 mHat sqrt(1 - 0.999^6) / (sqrt(v) + eps)
        //     = (0.283147704752314, -1.319171227926827 | 0.212005848746014)
        // step 7, rectified with r_7 = 0.032738814410059:
        //     = (0.280128195375692, -1.315922829100926 | 0.208830666604364)
        OptimizerState s = new RAdam(0.1, 0.9, 0.999, 1e-8).start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        double[][] g = {{1, -2}, {1}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        assertArrayEquals(new double[] {0.8, -1.95}, w[0], TOL);
        assertArrayEquals(new double[] {0.5}, w[1], 0.0);
        s.update(w, g);
        assertArrayEquals(new double[] {0.6526315789473684211, -1.821052631578947368}, w[0], TOL);
        assertArrayEquals(new double[] {0.4473684210526315789}, w[1], TOL);
        s.update(w, g);
        s.update(w, g);
        s.update(w, g);
        assertArrayEquals(new double[] {0.2855226705989298264, -1.321715994101605260}, w[0], TOL);
        assertArrayEquals(new double[] {0.2144773294010701736}, w[1], TOL);
        s.update(w, g);
        assertArrayEquals(new double[] {0.2831477047523143150, -1.319171227926826978}, w[0], TOL);
        assertArrayEquals(new double[] {0.2120058487460140429}, w[1], TOL);
        s.update(w, g);
        assertArrayEquals(new double[] {0.2801281953756921180, -1.315922829100925936}, w[0], TOL);
        assertArrayEquals(new double[] {0.2088306666043643900}, w[1], TOL);
        assertArrayEquals(new double[] {0.5748472, -0.96369005}, s.snapshot().value("m.0"), TOL);
        assertEquals(7, s.steps());
    }

    @Test
    void specRoundTrip() {
        RAdam r = (RAdam) Fixtures.create("radam(lr=0.01, beta2=0.99)");
        assertEquals(new RAdam(0.01, 0.9, 0.99, 1e-8), r);
        assertEquals("radam(lr=0.01, beta1=0.9, beta2=0.99, epsilon=1.0E-8)", r.toString());
        assertEquals(r, Fixtures.create(r.toString()));
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        // beta2 = 0.9 reaches rho_t > 5 after 8 steps, inside the kit's runs
        return PluginContracts.optimizer(new RAdam.Provider())
                .alsoWith("radam(lr=0.01, beta1=0.5, beta2=0.9, epsilon=1e-6)").tests();
    }
}
