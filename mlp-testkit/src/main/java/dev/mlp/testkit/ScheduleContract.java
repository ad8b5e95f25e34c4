package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract of a {@link LearningRateSchedule}, run for 12 epochs of 4 steps from a base rate
 * of 0.1, with a monitored loss that falls for 4 epochs and then stays flat (so that schedules
 * reacting to a plateau react).
 *
 * <ul>
 *   <li>{@value #POSITIVE}: every rate is finite and greater than 0.</li>
 *   <li>{@value #RESTORE}: saving at the end of epoch 6 and restoring into a fresh state gives
 *       the same later rates, bit for bit.</li>
 *   <li>{@value #SCALE}: after {@code scale(0.5)} at the end of epoch 6 every later rate is half
 *       the unscaled one (to {@code 1e-12} relative).</li>
 *   <li>{@value #INDEPENDENT}: two states of one schedule, run interleaved, give the same rates
 *       as a run alone.</li>
 * </ul>
 */
public final class ScheduleContract extends PluginContract<LearningRateSchedule,
        ScheduleContract> {

    static final String POSITIVE = "rates are finite and positive";
    static final String RESTORE = "save and restore mid-run give the same later rates";
    static final String SCALE = "scale multiplies later rates";
    static final String INDEPENDENT = "runs are independent and reproducible";

    static final List<String> CHECKS = List.of(POSITIVE, RESTORE, SCALE, INDEPENDENT);

    static final LearningRateSchedule.Run RUN = new LearningRateSchedule.Run(0.1, 12, 4);
    private static final int MIDDLE = 6;

    ScheduleContract(PluginProvider<LearningRateSchedule> provider) {
        super(PluginKind.SCHEDULE, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(POSITIVE, spec, () -> checkPositive(spec)),
                new Check(RESTORE, spec, () -> checkRestore(spec)),
                new Check(SCALE, spec, () -> checkScale(spec)),
                new Check(INDEPENDENT, spec, () -> checkIndependent(spec)));
    }

    @Override
    String nameOf(LearningRateSchedule instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(LearningRateSchedule s) {
        return rates(s.start(RUN), 1, RUN.epochs());
    }

    static double monitored(int epoch) {
        return epoch <= 4 ? 1.0 / epoch : 0.25;
    }

    /** The rates of epochs {@code from..to}, reporting each epoch's end. */
    static double[] rates(LearningRateSchedule.State state, int from, int to) {
        List<Double> r = new ArrayList<>();
        for (int e = from; e <= to; e++) {
            for (int s = 0; s < RUN.stepsPerEpoch(); s++) {
                long step = (long) (e - 1) * RUN.stepsPerEpoch() + s;
                r.add(state.rate(e, step));
            }
            state.epochFinished(e, monitored(e));
        }
        double[] d = new double[r.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.get(i);
        }
        return d;
    }

    private static String at(int index, int fromEpoch) {
        int e = fromEpoch + index / RUN.stepsPerEpoch();
        return "epoch " + e + ", step " + ((long) (e - 1) * RUN.stepsPerEpoch()
                + index % RUN.stepsPerEpoch());
    }

    private void checkPositive(String spec) {
        double[] r = rates(create(spec).start(RUN), 1, RUN.epochs());
        Problems p = new Problems(spec + ": rates from base rate " + RUN.baseRate());
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] > 0) || !Double.isFinite(r[i])) {
                p.add(at(i, 1) + ": rate " + r[i]);
            }
        }
        p.throwIfAny();
    }

    private void checkRestore(String spec) {
        LearningRateSchedule s = create(spec);
        LearningRateSchedule.State a = s.start(RUN);
        rates(a, 1, MIDDLE);
        double[] saved = a.save();
        if (saved == null) {
            throw new AssertionError(spec + ": save() returned null");
        }
        double[] savedCopy = saved.clone();
        double[] later = rates(a, MIDDLE + 1, RUN.epochs());
        LearningRateSchedule.State b = s.start(RUN);
        b.restore(savedCopy);
        double[] again = rates(b, MIDDLE + 1, RUN.epochs());
        for (int i = 0; i < later.length; i++) {
            if (Double.doubleToLongBits(later[i]) != Double.doubleToLongBits(again[i])) {
                throw new AssertionError(spec + ": after restoring the state saved at the end of "
                        + "epoch " + MIDDLE + " the rate at " + at(i, MIDDLE + 1) + " is "
                        + again[i] + ", the original run has " + later[i]);
            }
        }
    }

    private void checkScale(String spec) {
        LearningRateSchedule s = create(spec);
        LearningRateSchedule.State a = s.start(RUN);
        LearningRateSchedule.State b = s.start(RUN);
        rates(a, 1, MIDDLE);
        rates(b, 1, MIDDLE);
        b.scale(0.5);
        double[] plain = rates(a, MIDDLE + 1, RUN.epochs());
        double[] scaled = rates(b, MIDDLE + 1, RUN.epochs());
        for (int i = 0; i < plain.length; i++) {
            double expected = 0.5 * plain[i];
            if (!(Math.abs(scaled[i] - expected) <= 1e-12 * Math.abs(expected))) {
                throw new AssertionError(spec + ": after scale(0.5) at the end of epoch " + MIDDLE
                        + " the rate at " + at(i, MIDDLE + 1) + " is " + scaled[i]
                        + ", expected half of " + plain[i]);
            }
        }
    }

    private void checkIndependent(String spec) {
        double[] alone = rates(create(spec).start(RUN), 1, RUN.epochs());
        LearningRateSchedule s = create(spec);
        LearningRateSchedule.State a = s.start(RUN);
        LearningRateSchedule.State b = s.start(RUN);
        List<Double> ra = new ArrayList<>();
        List<Double> rb = new ArrayList<>();
        for (int e = 1; e <= RUN.epochs(); e++) {
            for (int st = 0; st < RUN.stepsPerEpoch(); st++) {
                long step = (long) (e - 1) * RUN.stepsPerEpoch() + st;
                ra.add(a.rate(e, step));
                rb.add(b.rate(e, step));
            }
            a.epochFinished(e, monitored(e));
            b.epochFinished(e, monitored(e));
        }
        for (int i = 0; i < alone.length; i++) {
            if (Double.doubleToLongBits(alone[i]) != Double.doubleToLongBits(ra.get(i))
                    || Double.doubleToLongBits(alone[i]) != Double.doubleToLongBits(rb.get(i))) {
                throw new AssertionError(spec + ": at " + at(i, 1) + " two interleaved runs give "
                        + ra.get(i) + " and " + rb.get(i) + ", a run alone gives " + alone[i]);
            }
        }
    }
}
