package dev.weft.parallel.issues;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.WorkerDiedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the reliability suite's kill storm): a worker JVM killed while it was still
 * starting broke the whole pool ("its workers cannot start"), though only a child that cannot
 * start by itself means that. Now it is replaced, and what it held is run by the replacement.
 */
class WorkerKilledWhileStartingTest {

    /** Runs in each child before it says it is ready: keeps it "starting" long enough to kill. */
    private static void slowStart() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProcessPoolOptions.Builder quiet() {
        return ProcessPoolOptions.builder().workers(1).stdout(line -> { }).stderr(line -> { });
    }

    @Test
    void aWorkerKilledWhileStartingIsReplacedAndLosesNothing() throws Exception {
        try (Pool pool = Pool.processes(quiet().initializer(WorkerKilledWhileStartingTest::slowStart).build())) {
            CompletableFuture<List<Integer>> map = pool.mapAsync(x -> x * 2, List.of(1, 2, 3));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive));
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            assertEquals(List.of(2, 4, 6), map.get(), "the in-flight map loses nothing");
            assertEquals(List.of(2, 4, 6), pool.map(x -> x * 2, List.of(1, 2, 3)), "the pool goes on");
        }
    }

    @Test
    void aChildThatCannotStartStillBreaksThePool() {
        try (Pool pool = Pool.processes(quiet().jvmArgs(List.of("-XX:+NoSuchOptionAtAll")).build())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> pool.mapAsync(x -> x, List.of(1)).get());
            ParallelExecutionException failed = assertInstanceOf(ParallelExecutionException.class, e.getCause());
            assertInstanceOf(WorkerDiedException.class, failed.getCause());
            IllegalStateException broken = assertThrows(IllegalStateException.class, () -> pool.map(x -> x, List.of(1)));
            assertTrue(broken.getMessage().contains("cannot start"), broken.getMessage());
        }
    }
}
