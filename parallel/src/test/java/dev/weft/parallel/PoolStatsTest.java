package dev.weft.parallel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Pool#stats()} on both backends, and {@link PoolStats}'s checks. */
class PoolStatsTest {

    static int exitOnThree(int x) {
        if (x == 3) {
            System.exit(42);
        }
        return x;
    }

    static int nap(int millis) {
        try {
            Thread.sleep(millis); // the workload: long enough to be seen running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    @Test
    void aThreadPoolCountsWhatItRanAndWhatRunsNow() {
        try (Pool pool = Pool.threads(1)) {
            PoolStats fresh = pool.stats();
            assertEquals(new PoolStats(1, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO), fresh);
            Task<Integer> running = pool.applyAsync(PoolStatsTest::nap, 60_000);
            Task<Integer> queued = pool.applyAsync(PoolStatsTest::nap, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.stats().busyWorkers() == 1);
            PoolStats busy = pool.stats();
            assertEquals(0, busy.idleWorkers());
            assertEquals(1, busy.queuedChunks(), busy.toString());
            running.cancel(true);
            queued.cancel(true);
            pool.terminate();
            PoolStats after = pool.stats();
            assertEquals(0, after.busyWorkers(), after.toString());
            assertEquals(0, after.queuedChunks(), after.toString());
            assertEquals(2, after.chunksCompleted() , after.toString());
        }
    }

    @Test
    void aProcessPoolCountsItsRestartsAndItsLostTasksAsFailures() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).jvmArgs(List.of("-Xmx64m"))
                .stderr(line -> { }).build();
        try (Pool pool = Pool.processes(options)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(PoolStatsTest::exitOnThree,
                    IntStream.range(0, 5).boxed().toList(), 1);
            assertEquals(5, outcomes.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.stats().workerRestarts() == 1);
            PoolStats stats = pool.stats();
            assertEquals(4, stats.tasksCompleted(), stats.toString());
            assertEquals(1, stats.tasksFailed(), stats.toString());
            assertEquals(5, stats.chunksCompleted());
            assertTrue(stats.chunkTime().compareTo(Duration.ZERO) > 0);
        }
    }

    @Test
    void negativeOrInconsistentNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PoolStats(1, 2, 0, 0, 0, 0, 0, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PoolStats(1, 0, -1, 0, 0, 0, 0, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PoolStats(1, 0, 0, 0, 0, 0, 0, 0, Duration.ofNanos(-1)));
        assertThrows(NullPointerException.class, () -> new PoolStats(1, 0, 0, 0, 0, 0, 0, 0, null));
    }
}
