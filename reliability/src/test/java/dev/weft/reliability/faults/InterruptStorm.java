package dev.weft.reliability.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs worker threads while a storm thread interrupts them at random, and counts what happened.
 * A worker body runs {@code ops} times, and on until the storm has sent at least {@code ops / 5}
 * interrupts (so that a fast body is still stormed); an {@link InterruptedException} out of it is counted as an
 * interrupted attempt (the body must leave its state consistent, which is what the tests check),
 * and the interrupt flag is cleared between operations so that a late interrupt never leaks into
 * the bookkeeping. Any other exception fails the storm.
 *
 * <pre>{@code
 * InterruptStorm.Result r = InterruptStorm.run(4, 1_000, (worker, op) -> { lock.acquire(); ... });
 * }</pre>
 */
final class InterruptStorm {
    /** One operation of one worker. */
    interface Body {
        void run(int worker, int op) throws InterruptedException;
    }

    /** What a storm did: operations completed, operations interrupted, interrupts sent. */
    record Result(long completed, long interrupted, long interruptsSent) {
    }

    private InterruptStorm() {
    }

    static Result run(int workers, int ops, Body body) throws InterruptedException {
        int minInterrupts = Math.max(1, ops / 5);
        AtomicLong completed = new AtomicLong();
        AtomicLong interrupted = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(workers);
        CountDownLatch finished = new CountDownLatch(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().name("storm-worker-" + w).start(() -> {
                try {
                    start.await();
                    running.countDown();
                    for (int op = 0; op < ops || sent.get() < minInterrupts; op++) {
                        try {
                            body.run(worker, op);
                            completed.incrementAndGet();
                        } catch (InterruptedException e) {
                            interrupted.incrementAndGet();
                        }
                        Thread.interrupted();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.countDown();
                }
            }));
        }
        Thread storm = Thread.ofPlatform().name("storm").start(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                running.await(); // interrupt only workers that are in their loop
            } catch (InterruptedException e) {
                return;
            }
            while (finished.getCount() > 0) {
                Thread victim = threads.get(random.nextInt(threads.size()));
                if (victim.isAlive()) {
                    victim.interrupt();
                    sent.incrementAndGet();
                }
                // Pacing of the storm (a fault rate), not a synchronisation.
                LockSupport.parkNanos(random.nextLong(20_000, 200_000));
            }
        });
        start.countDown();
        if (!finished.await(2, TimeUnit.MINUTES)) {
            threads.forEach(Thread::interrupt);
            throw new AssertionError("workers stuck under the interrupt storm: " + describe(threads));
        }
        // Every worker has counted down its last statement; the storm stops within one pause.
        joinOrFail(storm);
        for (Thread t : threads) {
            joinOrFail(t);
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed under the interrupt storm", failure.get());
        }
        return new Result(completed.get(), interrupted.get(), sent.get());
    }

    private static void joinOrFail(Thread t) throws InterruptedException {
        if (!t.join(java.time.Duration.ofSeconds(30))) {
            throw new AssertionError(t.getName() + " did not end after the storm: " + describe(List.of(t)));
        }
    }

    private static String describe(List<Thread> threads) {
        StringBuilder sb = new StringBuilder();
        for (Thread t : threads) {
            sb.append(t.getName()).append(' ').append(t.getState()).append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
        }
        return sb.toString();
    }
}
