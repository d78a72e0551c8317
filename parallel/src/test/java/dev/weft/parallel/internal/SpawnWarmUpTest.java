package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.parallel.ProcessPoolOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SpawnWarmUp}: once per JVM, ended when a pool's close returns, and never a reason to
 * fail (the spawn reports what fails).
 */
class SpawnWarmUpTest {

    @Test
    void itStartsOnceAndEndsBeforeTheFirstPoolsCloseReturns() throws InterruptedException {
        SpawnWarmUp.startOnce(ProcessPoolOptions.DEFAULT_JVM_ARGS, true); // the first here, or another test's
        assertFalse(SpawnWarmUp.startOnce(ProcessPoolOptions.DEFAULT_JVM_ARGS, true), "once per JVM");
        try (ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(1).build())) {
            assertEquals(List.of(2), pool.map(x -> x + 1, List.of(1), 1));
        }
        assertFalse(warmUpThreadAlive(), "a pool's close waits for it");
    }

    @Test
    void stepsThatFailAreLeftToTheSpawn() {
        assertDoesNotThrow(() -> SpawnWarmUp.warmUp(List.of("-XX:SharedArchiveFile=/nowhere"), true));
        assertDoesNotThrow(() -> SpawnWarmUp.warmUp(List.of(), false));
    }

    @Test
    void awaitEndReturnsAtOnceWhenNothingRuns() {
        SpawnWarmUp.awaitEnd();
        assertFalse(warmUpThreadAlive());
    }

    private static boolean warmUpThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("weft-spawn-warm-up") && t.isAlive());
    }
}
