package dev.mlp.core.listen;

import dev.mlp.api.TrainingListener;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.TrainingListenerProvider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the loss every {@code every} epochs, and the start and end of the run, through SLF4J at
 * INFO level under the logger {@code dev.mlp.training}.
 */
public final class LoggingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.mlp.training");

    private final int every;

    /**
     * @param every log one epoch in this many, at least 1
     */
    public LoggingListener(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, found " + every);
        }
        this.every = every;
    }

    @Override
    public void runStarted(RunStart e) {
        LOG.info("training {} samples for {} epochs, batch size {}, seed {}", e.samples(),
                e.epochs(), e.batchSize(), e.seed());
    }

    @Override
    public void epochFinished(EpochEnd e) {
        if (e.epoch() % every == 0) {
            LOG.info("epoch {}: loss {}", e.epoch(), e.loss());
        }
    }

    @Override
    public void runFinished(RunEnd e) {
        if (e.stopReason() == null) {
            LOG.info("finished after {} epochs, loss {}", e.epochs(), e.loss());
        } else {
            LOG.info("stopped after {} epochs ({}), loss {}", e.epochs(), e.stopReason(),
                    e.loss());
        }
    }

    /** {@code log(every)}. */
    public static final class Provider implements TrainingListenerProvider {
        @Override
        public String name() {
            return "log";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("every", 1, "log one epoch in this many")
                    .atLeast(1));
        }

        @Override
        public String description() {
            return "log the loss per epoch through SLF4J";
        }

        @Override
        public TrainingListener create(Parameters p) {
            return new LoggingListener(p.integer("every"));
        }
    }
}
