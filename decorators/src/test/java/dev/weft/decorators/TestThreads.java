package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Bounded joins and "blocked in this method" probes for the concurrency tests. */
final class TestThreads {
    /** Long enough for any thread of these tests to end on a slow, loaded machine. */
    static final Duration JOIN = Duration.ofSeconds(30);

    private TestThreads() {
    }

    /** Joins each thread for at most {@link #JOIN}, failing with its name and stack if it is still alive. */
    static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            join(t);
        }
    }

    /** Joins {@code t} for at most {@link #JOIN}, failing with its name and stack if it is still alive. */
    static void join(Thread t) throws InterruptedException {
        assertTrue(t.join(JOIN), () -> t + " still running after " + JOIN + ", " + t.getState() + " at "
                + Arrays.toString(t.getStackTrace()));
    }

    /**
     * Whether {@code t} is parked in {@code owner.method}: WAITING, with that frame on its stack.
     * The state alone could be a wait elsewhere (a lock on the way in, a barrier on the way out).
     */
    static boolean waitingIn(Thread t, String owner, String method) {
        if (t.getState() != Thread.State.WAITING) {
            return false;
        }
        return Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(owner) && f.getMethodName().equals(method));
    }

    /** Whether {@code t} waits for another caller's computation of the same key (the cache's {@code Pending}). */
    static boolean waitingForPending(Thread t) {
        return waitingIn(t, "dev.weft.decorators.internal.Pending", "await");
    }
}
