package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.ProcessPoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessBackedPool#awaitWorkersReady}: it starts the workers, waits for their READY
 * handshake, and fails clearly when they cannot start or the pool is closed.
 */
class AwaitWorkersReadyTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @Test
    void startsEveryWorkerAndReturnsOnceEachSaidReady() throws InterruptedException {
        Set<Long> before = children();
        try (ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(2).build())) {
            assertEquals(before, children(), "nothing starts before it is asked");
            assertTrue(pool.awaitWorkersReady(LONG));
            Set<Long> started = children();
            started.removeAll(before);
            assertEquals(2, started.size(), "two worker JVMs: " + started);
            assertTrue(pool.awaitWorkersReady(Duration.ZERO), "still ready: no wait needed");
            assertEquals(List.of(2, 3), pool.map(x -> x + 1, List.of(1, 2), 1));
            Set<Long> afterWork = children();
            afterWork.removeAll(before);
            assertEquals(started, afterWork, "the work ran on the workers already started");
        }
        assertEquals(before, children(), "no child left after close");
    }

    @Test
    void aZeroTimeoutStartsTheWorkersButDoesNotWait() throws InterruptedException {
        try (ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(1).build())) {
            assertFalse(pool.awaitWorkersReady(Duration.ZERO), "a JVM is never ready the instant it is spawned");
            assertFalse(pool.awaitWorkersReady(Duration.ofSeconds(-1)), "a negative timeout does not wait either");
            assertTrue(pool.awaitWorkersReady(LONG));
        }
    }

    @Test
    void workersThatCannotStartBreakThePoolWithTheirReason() {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1)
                .jvmArgs(List.of("-XX:+ThisOptionDoesNotExist")).build();
        try (ProcessBackedPool pool = new ProcessBackedPool(options)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.awaitWorkersReady(LONG));
            assertTrue(e.getMessage().contains("cannot start"), e.getMessage());
        }
    }

    @Test
    void aClosedPoolRefuses() {
        ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(1).build());
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.awaitWorkersReady(LONG));
        ProcessBackedPool terminated = new ProcessBackedPool(ProcessPoolOptions.builder().workers(1).build());
        terminated.terminate();
        assertThrows(IllegalStateException.class, () -> terminated.awaitWorkersReady(LONG));
    }

    @Test
    void aNullTimeoutIsRefused() {
        try (ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(1).build())) {
            assertThrows(NullPointerException.class, () -> pool.awaitWorkersReady(null));
        }
    }
}
