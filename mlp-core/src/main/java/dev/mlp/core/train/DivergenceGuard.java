package dev.mlp.core.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a run's {@link DivergencePolicy}: with a rolling-back policy it takes a snapshot of
 * the run's state at the start of each epoch, and when the epoch diverges it returns to the
 * snapshot and lowers the learning rate (through the schedule if there is one), until the
 * policy's retries are used up. Without one, a divergence ends the run.
 */
final class DivergenceGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DivergenceGuard.class);

    private final DivergencePolicy policy;
    private final RunState state;
    private final String optimizerName;
    private RunState.Snapshot start;
    private int rollbacks;

    /**
     * @param policy the policy
     * @param state the run's state
     * @param optimizerName the optimizer's name, for messages
     */
    DivergenceGuard(DivergencePolicy policy, RunState state, String optimizerName) {
        this.policy = policy;
        this.state = state;
        this.optimizerName = optimizerName;
    }

    /** Called before each epoch: takes the snapshot a rollback returns to. */
    void epochStarting() {
        if (policy.rollsBack()) {
            start = state.snapshot();
        }
    }

    /**
     * Handles a divergence of the current epoch: rolls back to its start, or throws.
     *
     * @param e the divergence
     * @throws TrainingDivergedException {@code e}, with a note when the retries are used up or
     *                                   the rate cannot be lowered, if the run cannot go on
     */
    void diverged(TrainingDivergedException e) {
        if (!policy.rollsBack()) {
            throw e;
        }
        if (rollbacks >= policy.retries()) {
            throw e.withNote("gave up after " + rollbacks + " rollback"
                    + (rollbacks == 1 ? "" : "s") + " (" + policy + ")");
        }
        state.restore(start);
        if (state.schedule != null) {
            state.schedule.scale(policy.factor());
        } else {
            double rate = state.optimizer.learningRate();
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw e.withNote("cannot roll back: optimizer '" + optimizerName
                        + "' has no learning rate to lower");
            }
            state.optimizer.learningRate(rate * policy.factor());
        }
        rollbacks++;
        LOG.warn("{}; rolled back to the start of epoch {} with the learning rate times {} "
                + "(rollback {} of {})", e.getMessage(), e.epoch(), policy.factor(),
                rollbacks, policy.retries());
    }

    /** @return how many times the run rolled back */
    int rollbacks() {
        return rollbacks;
    }

    /** @param count the rollbacks of a checkpointed run */
    void restoreRollbacks(int count) {
        rollbacks = count;
    }
}
