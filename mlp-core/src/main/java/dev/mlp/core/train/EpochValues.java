package dev.mlp.core.train;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * One number per epoch, held as primitive {@code double}s: the trainer's record of the epoch
 * losses, which {@link #add(double)} extends without boxing, and, {@linkplain #frozen() frozen},
 * the immutable list a {@link TrainingResult} hands out. As a {@code List<Double>} it boxes only
 * the values read through {@link #get(int)}.
 */
final class EpochValues extends AbstractList<Double> implements RandomAccess, Serializable {

    private static final long serialVersionUID = 1L;

    private double[] values;
    private int size;
    private boolean mutable;

    /**
     * An empty, growable record.
     *
     * @param capacity the number of values to make room for at once, at least 0
     */
    EpochValues(int capacity) {
        this(new double[capacity], 0, true);
    }

    private EpochValues(double[] values, int size, boolean mutable) {
        this.values = values;
        this.size = size;
        this.mutable = mutable;
    }

    /**
     * Appends a value; allocates only when the room made so far is full.
     *
     * @param v the value
     * @throws UnsupportedOperationException if this list is frozen
     */
    void add(double v) {
        if (!mutable) {
            throw new UnsupportedOperationException("the epoch values of a result are immutable");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, values.length + (values.length >> 1)));
        }
        values[size++] = v;
    }

    @Override
    public boolean add(Double v) {
        add(v.doubleValue());
        return true;
    }

    @Override
    public Double get(int index) {
        return getDouble(index);
    }

    /**
     * @param index the index
     * @return the value, unboxed
     */
    double getDouble(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index must be in [0, " + size + "), found "
                    + index);
        }
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * @return an immutable copy of the values (this list itself if it is already immutable)
     */
    EpochValues frozen() {
        return mutable ? new EpochValues(Arrays.copyOf(values, size), size, false) : this;
    }

    /**
     * Makes this record immutable, for a run that adds no more values: later {@link #frozen()}
     * calls return it without copying. Trims the room made in advance if it is not all used.
     *
     * @return this list
     */
    EpochValues freeze() {
        if (size != values.length) {
            values = Arrays.copyOf(values, size);
        }
        mutable = false;
        return this;
    }
}
