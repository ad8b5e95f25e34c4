package dev.mlp.api.kernel;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A process-wide set of daemon worker threads that run the parts of one job at a time, without
 * allocating per job. The calling thread runs part 0 and waits for the others.
 *
 * <p>One caller at a time owns the workers; a caller that finds them busy (another training run
 * on another thread), or that is itself running inside a job, runs every part itself. Because
 * jobs split only their output among parts, never a sum, the result is the same bits either way.
 * Compute backends in other modules and the trainer's gradient shards share these workers
 * through {@link #shared()}, so the JVM keeps one set of kernel threads.
 */
public final class WorkerPool {

    /** One piece of work split into parts; the parts must not depend on one another. */
    public interface Job {
        /**
         * Runs one part.
         *
         * @param part the part, in {@code [0, parts)}
         * @param parts how many parts the job is split into
         */
        void run(int part, int parts);
    }

    private static final int SPINS = 20_000;
    private static final int MAX_WORKERS = 255;
    private static final WorkerPool SHARED = new WorkerPool();

    private final ReentrantLock owner = new ReentrantLock();
    private volatile Worker[] workers = new Worker[0];

    private WorkerPool() {
    }

    /**
     * @return the process-wide pool
     */
    public static WorkerPool shared() {
        return SHARED;
    }

    /**
     * Runs {@code job} in {@code parts} parts, in parallel when the workers are free, otherwise
     * one after another on the calling thread (also when called from inside a part); returns
     * when every part has finished. The first exception or error a part throws is rethrown
     * here after all parts have ended.
     *
     * @param job the work
     * @param parts how many parts to run, {@code job.run(p, parts)} for every {@code p} in
     *              {@code [0, parts)}
     */
    public void invoke(Job job, int parts) {
        if (parts <= 1 || owner.isHeldByCurrentThread() || !owner.tryLock()) {
            for (int p = 0; p < parts; p++) {
                job.run(p, parts);
            }
            return;
        }
        try {
            Worker[] ws = ensure(Math.min(parts - 1, MAX_WORKERS));
            int helpers = Math.min(parts - 1, ws.length);
            Thread caller = Thread.currentThread();
            for (int w = 0; w < helpers; w++) {
                ws[w].start(job, w + 1, parts, helpers + 1, caller);
            }
            Throwable failure = null;
            try {
                for (int p = 0; p < parts; p += helpers + 1) {
                    job.run(p, parts);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int w = 0; w < helpers; w++) {
                Throwable t = ws[w].await();
                if (failure == null) {
                    failure = t;
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        } finally {
            owner.unlock();
        }
    }

    private Worker[] ensure(int count) {
        Worker[] ws = workers;
        if (ws.length >= count) {
            return ws;
        }
        Worker[] grown = java.util.Arrays.copyOf(ws, count);
        for (int i = ws.length; i < count; i++) {
            grown[i] = new Worker("mlp-kernel-" + (i + 1));
        }
        workers = grown;
        return grown;
    }

    private static final class Worker implements Runnable {
        private final Thread thread;
        private volatile int started;
        private volatile int finished;
        private volatile Thread waiter;
        private Job job;
        private int first;
        private int parts;
        private int stride;
        private Throwable failure;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void start(Job j, int firstPart, int partCount, int step, Thread caller) {
            job = j;
            first = firstPart;
            parts = partCount;
            stride = step;
            failure = null;
            waiter = caller;
            started = started + 1; // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        Throwable await() {
            int target = started;
            for (int spin = 0; finished != target; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 50_000L);
                }
            }
            job = null;
            return failure;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                for (int spin = 0; started == seen; spin++) {
                    if (spin < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = started;
                try {
                    for (int p = first; p < parts; p += stride) {
                        job.run(p, parts);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                finished = seen;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
