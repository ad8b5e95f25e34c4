package dev.mlp.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One training sample: features, targets and a weight.
 *
 * @param features the input values
 * @param targets the target values (one-hot for classification)
 * @param weight the sample's weight in the loss, finite and at least 0
 */
public record Sample(double[] features, double[] targets, double weight) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the arrays are present and the weight is usable. */
    public Sample {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("a sample weight must be finite and >= 0, found "
                    + weight);
        }
    }

    /**
     * A sample of weight 1.
     *
     * @param features the input values
     * @param targets the target values
     */
    public Sample(double[] features, double[] targets) {
        this(features, targets, 1.0);
    }
}
