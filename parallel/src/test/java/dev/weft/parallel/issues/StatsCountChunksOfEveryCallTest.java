package dev.weft.parallel.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.Outcome;
import dev.weft.core.TaskScope;
import dev.weft.parallel.Pool;
import dev.weft.parallel.PoolStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: once each chunk's sink was wrapped for deadlines and scopes
 * ({@code JobChunks.Tracked}), the wrapper kept the chunk's {@code started}/{@code ended} calls
 * from the pool's counters, and {@code Pool.stats()} (so {@code weft.pool.tasks} in
 * {@code weft-micrometer}) stayed at zero.
 */
class StatsCountChunksOfEveryCallTest {

    static int failOnOdd(int x) {
        if (x % 2 == 1) {
            throw new IllegalArgumentException("odd: " + x);
        }
        return x;
    }

    @Test
    void theInputsOfAMapAreCountedByHowTheyEnded() throws InterruptedException {
        try (Pool pool = Pool.threads(1)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(StatsCountChunksOfEveryCallTest::failOnOdd,
                    List.of(0, 1, 2, 3, 4), 1);
            assertEquals(5, outcomes.size());
            PoolStats stats = pool.stats();
            assertEquals(3, stats.tasksCompleted(), stats.toString());
            assertEquals(2, stats.tasksFailed(), stats.toString());
            assertEquals(5, stats.chunksCompleted(), stats.toString());
            assertEquals(0, stats.busyWorkers(), stats.toString());
        }
    }

    @Test
    void theInputsOfACallUnderADeadlineAreCountedToo() throws InterruptedException {
        try (Pool pool = Pool.threads(1);
                TaskScope scope = TaskScope.builder().deadline(Duration.ofSeconds(60)).open()) {
            assertEquals(List.of(0, 2), pool.map((Integer x) -> x * 2, List.of(0, 1), 1));
            PoolStats stats = pool.stats();
            assertEquals(2, stats.tasksCompleted(), stats.toString());
            assertEquals(2, stats.chunksCompleted(), stats.toString());
            scope.join();
        }
    }
}
