package dev.weft.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TaskScope#runningForks()}: what it counts, from open to close. */
class TaskScopeRunningForksTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void anOpenScopeWithoutForksRunsNone() {
        try (TaskScope scope = TaskScope.open()) {
            assertEquals(0, scope.runningForks());
        }
    }

    @Test
    void countsEachForkUntilItEnds() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.open()) {
            scope.fork(() -> release.await(30, TimeUnit.SECONDS));
            scope.fork(() -> release.await(30, TimeUnit.SECONDS));
            assertEquals(2, scope.runningForks(), "both forks are counted from fork() on, started or not");
            release.countDown();
            scope.join();
            assertEquals(0, scope.runningForks());
        }
    }

    @Test
    void aCancelledForkCountsUntilItsCodeHasStopped() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.open()) {
            Task<Boolean> stubborn = scope.fork(() -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return stop.await(30, TimeUnit.SECONDS); // cleans up for as long as the test says
            });
            assertTrue(started.await(30, TimeUnit.SECONDS), "the fork never started");
            stubborn.cancel();
            assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the fork was never interrupted");
            assertTrue(stubborn.isDone(), "a cancelled task is done at once");
            assertEquals(1, scope.runningForks(), "its code has not stopped yet");
            stop.countDown();
            await().atMost(LONG).until(() -> scope.runningForks() == 0);
        }
    }

    @Test
    void aForkMadeAfterTheScopeWasCancelledIsNeverCounted() {
        try (TaskScope scope = TaskScope.open()) {
            scope.cancel();
            Task<Integer> late = scope.fork(() -> 1);
            assertTrue(late.isCancelled());
            assertEquals(0, scope.runningForks());
        }
    }

    @Test
    void aClosedScopeRunsNone() {
        CountDownLatch never = new CountDownLatch(1);
        TaskScope scope = TaskScope.open();
        scope.fork(() -> never.await(30, TimeUnit.SECONDS));
        scope.close();
        assertEquals(0, scope.runningForks());
    }
}
