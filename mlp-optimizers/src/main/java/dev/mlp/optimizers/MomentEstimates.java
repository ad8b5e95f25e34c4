package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The configuration shared by the Adam family (adam, adamax, amsgrad, adamw, nadam): a learning
 * rate, the two moment decay rates, the denominator offset, and optionally one more parameter of
 * the variant. Holds the values checked against their {@link ParameterSpec}s, and gives every
 * variant the same accessors, equality and canonical spec.
 */
abstract class MomentEstimates implements Optimizer {

    private final String name;
    private final List<ParameterSpec> specs;
    private final double[] values;

    /**
     * @param name the optimizer's name
     * @param specs the parameters, in the order lr, beta1, beta2, epsilon[, extra]
     * @param values their values, in the same order
     * @throws dev.mlp.api.spec.SpecException if a value is out of its range
     */
    MomentEstimates(String name, List<ParameterSpec> specs, double... values) {
        if (specs.size() != values.length || values.length < 4) {
            throw new IllegalArgumentException("need a value per parameter " + specs);
        }
        for (int i = 0; i < values.length; i++) {
            specs.get(i).check(values[i], name);
        }
        this.name = name;
        this.specs = List.copyOf(specs);
        this.values = values.clone();
    }

    /** @return the value of parameter {@code i}, in the constructor's order */
    final double value(int i) {
        return values[i];
    }

    /**
     * @return the learning rate
     */
    public final double lr() {
        return values[0];
    }

    /**
     * @return the first-moment decay rate
     */
    public final double beta1() {
        return values[1];
    }

    /**
     * @return the second-moment decay rate
     */
    public final double beta2() {
        return values[2];
    }

    /**
     * @return the denominator offset
     */
    public final double epsilon() {
        return values[3];
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean equals(Object o) {
        // Arrays.equals compares doubles as Double.compare does: -0.0 != 0.0, NaN == NaN
        return o != null && o.getClass() == getClass()
                && Arrays.equals(values, ((MomentEstimates) o).values);
    }

    @Override
    public final int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    /**
     * @return the canonical spec, for example
     *         {@code adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)}
     */
    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(specs.get(i).name()).append('=')
                    .append(ParameterSpec.format(values[i]));
        }
        return sb.append(')').toString();
    }
}
