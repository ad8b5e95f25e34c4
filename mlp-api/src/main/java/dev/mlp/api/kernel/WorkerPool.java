package dev.mlp.api.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A process-wide set of daemon worker threads that run the parts of one job at a time, without
 * allocating per job. The calling thread runs parts too and returns when every part has ended.
 *
 * <p>Parts are claimed one at a time from a shared counter, by the caller and by whichever
 * workers are awake, so a job never waits for a worker the operating system has not scheduled:
 * on a machine whose cores are busy with other work the caller simply runs more parts (all of
 * them, if no worker wakes in time), and a job split over more threads is never much slower
 * than the same job on one. One caller at a time owns the workers; a caller that finds them
 * busy (another training run on another thread), or that is itself running inside a job, runs
 * every part itself. Because jobs split only their output among parts, never a sum, the result
 * is the same bits whoever runs which part. Compute backends in other modules and the trainer's
 * gradient shards share these workers through {@link #shared()}, so the JVM keeps one set of
 * kernel threads.
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
    /** The most parts of one job that are shared out; larger jobs run on the caller alone. */
    private static final int MAX_PARTS = 0xFFFF;
    private static final WorkerPool SHARED = new WorkerPool();

    private final ReentrantLock owner = new ReentrantLock();
    private volatile Worker[] workers = new Worker[0];

    /**
     * The job in progress, as one word: generation (bits 32-63), part count (16-31) and the next
     * part to claim (0-15). A part is claimed by a compare-and-set on it, which fails once the
     * job has ended and another has begun, so a worker that wakes late never runs a part of a
     * later job as if it belonged to the one it saw.
     */
    private final AtomicLong ticket = new AtomicLong();
    /** Parts of the job in progress that have ended. */
    private final AtomicInteger done = new AtomicInteger();
    private volatile Job job;
    private volatile Throwable failure;

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
        if (parts <= 1 || parts > MAX_PARTS || owner.isHeldByCurrentThread()
                || !owner.tryLock()) {
            for (int p = 0; p < parts; p++) {
                job.run(p, parts);
            }
            return;
        }
        try {
            Worker[] ws = ensure(Math.min(parts - 1, MAX_WORKERS));
            int helpers = Math.min(parts - 1, ws.length);
            this.job = job;
            this.failure = null;
            done.set(0);
            long generation = (ticket.get() >>> 32) + 1;
            ticket.set((generation << 32) | ((long) parts << 16)); // volatile: publishes the job
            for (int w = 0; w < helpers; w++) {
                ws[w].wake(Thread.currentThread());
            }
            runParts();
            for (int spin = 0; done.get() != parts; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 50_000L);
                }
            }
            this.job = null;
            Throwable t = failure;
            failure = null;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        } finally {
            owner.unlock();
        }
    }

    /** Claims and runs parts of the job in progress until none is left; the caller's and workers' loop. */
    private void runParts() {
        while (true) {
            long t = ticket.get();
            int parts = (int) ((t >>> 16) & 0xFFFF);
            int next = (int) (t & 0xFFFF);
            if (next >= parts) {
                return;
            }
            if (!ticket.compareAndSet(t, t + 1)) {
                continue;
            }
            // the job cannot end, nor another begin, before this part is done: job is current
            try {
                job.run(next, parts);
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
            done.incrementAndGet();
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

    private final class Worker implements Runnable {
        private final Thread thread;
        private volatile int wakes;
        private volatile Thread waiter;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void wake(Thread caller) {
            waiter = caller;
            wakes = wakes + 1; // only the owner of the pool writes it
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                for (int spin = 0; wakes == seen; spin++) {
                    if (spin < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = wakes;
                runParts();
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
