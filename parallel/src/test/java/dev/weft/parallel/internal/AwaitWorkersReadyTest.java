package dev.weft.parallel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.ProcessPoolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The children alive now that were not alive {@code before}. */
    private static Set<Long> childrenSince(Set<Long> before) {
        Set<Long> started = children();
        started.removeAll(before);
        return started;
    }

    @Test
    void startsEveryWorkerAndReturnsOnceEachSaidReady() throws InterruptedException {
        Set<Long> before = children();
        try (ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(2).build())) {
            assertEquals(Set.of(), childrenSince(before), "nothing starts before it is asked");
            assertTrue(pool.awaitWorkersReady(LONG));
            Set<Long> started = childrenSince(before);
            assertEquals(2, started.size(), "two worker JVMs: " + started);
            assertTrue(pool.awaitWorkersReady(Duration.ZERO), "still ready: no wait needed");
            assertEquals(List.of(2, 3), pool.map(x -> x + 1, List.of(1, 2), 1));
            assertEquals(started, childrenSince(before), "the work ran on the workers already started");
        }
        ProcessPoolOptions.closeIdleWorkers(); // close() keeps the children for the next pool: stop them
        assertEquals(Set.of(), childrenSince(before), "no child left after close and closeIdleWorkers");
    }

    @Test
    void aZeroTimeoutStartsTheWorkersButDoesNotWait(@TempDir Path dir) throws IOException, InterruptedException {
        // The child stops at the very start of its JVM until the test deletes the pause file
        // (HotSpot creates it, then waits while it exists): it cannot say READY before the test
        // lets it, however long the test thread is descheduled between two calls.
        Path pauseFile = dir.resolve("paused");
        List<String> jvmArgs = new ArrayList<>(ProcessPoolOptions.DEFAULT_JVM_ARGS);
        jvmArgs.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+PauseAtStartup",
                "-XX:PauseAtStartupFile=" + pauseFile));
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).jvmArgs(jvmArgs).build();
        try (ProcessBackedPool pool = new ProcessBackedPool(options)) {
            assertFalse(pool.awaitWorkersReady(Duration.ZERO), "the worker is still starting: no wait");
            assertFalse(pool.awaitWorkersReady(Duration.ofSeconds(-1)), "a negative timeout does not wait either");
            await("the worker JVM started (and paused)").atMost(LONG).until(() -> Files.exists(pauseFile));
            Files.delete(pauseFile);
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
