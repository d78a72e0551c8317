package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** CPython's timing rule, as a ratio only: a timed wait lasted at least 0.6 of its timeout. */
final class Timing {
    private Timing() {
    }

    static long start() {
        return System.nanoTime();
    }

    /** CPython's {@code assertTimeout} lower bound: a wait that timed out did wait. */
    static void assertWaitedAtLeast(long startNanos, Duration timeout) {
        long elapsed = System.nanoTime() - startNanos;
        assertTrue(elapsed >= timeout.toNanos() * 6 / 10,
                () -> "returned after " + elapsed + " ns, expected about " + timeout);
    }

    /** A call that must not wait returned well before a long timeout (ratio 1/2, a wide margin). */
    static void assertDidNotWait(long startNanos, Duration longTimeout) {
        long elapsed = System.nanoTime() - startNanos;
        assertTrue(elapsed < longTimeout.toNanos() / 2,
                () -> "took " + elapsed + " ns, expected no wait against " + longTimeout);
    }
}
