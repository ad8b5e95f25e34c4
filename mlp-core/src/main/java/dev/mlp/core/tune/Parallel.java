package dev.mlp.core.tune;

import dev.mlp.api.kernel.WorkerPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs independent tasks on the framework's shared worker threads, each task whole on one
 * thread. Inside a task the matrix kernels find the workers taken and run on that thread alone,
 * so several tasks at once keep one core busy each; kernels give the same bits on any number of
 * threads, so results do not depend on the parallelism.
 */
final class Parallel {

    private Parallel() {
    }

    /** @return the number of cores, the default parallelism */
    static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code task.apply(i)} for every {@code i} in {@code [0, count)}, at most
     * {@code parallelism} at once, and returns the results in task order. If tasks fail, the
     * failure of the lowest-numbered one is rethrown after every task has ended.
     */
    static <T> T[] run(int count, int parallelism, IntFunction<T> task, IntFunction<T[]> array) {
        T[] results = array.apply(count);
        RuntimeException[] failures = new RuntimeException[count];
        Error[] errors = new Error[count];
        int parts = Math.max(1, Math.min(parallelism, count));
        AtomicInteger next = new AtomicInteger();
        WorkerPool.Job job = (part, total) -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException e) {
                    failures[i] = e;
                } catch (Error e) {
                    errors[i] = e;
                }
            }
        };
        if (parts == 1) {
            job.run(0, 1);
        } else {
            WorkerPool.shared().invoke(job, parts);
        }
        for (int i = 0; i < count; i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            if (failures[i] != null) {
                throw failures[i];
            }
        }
        return results;
    }

    /**
     * @param parallelism the requested parallelism
     * @return it, checked
     */
    static int check(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, found "
                    + parallelism);
        }
        return parallelism;
    }
}
