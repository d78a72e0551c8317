package dev.weft.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A cancelled fork's task is done at once (it is a {@code Future}), yet the scope still waits for
 * the fork's thread: {@link TaskScope#join()} and {@link TaskScope#close()} return only once the
 * code has really stopped.
 */
class TaskScopeCancelledForkTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A fork that, interrupted, runs cleanup until {@code cleanup} is released. */
    private static Task<String> slowToStop(TaskScope scope, CountDownLatch started, CountDownLatch cleanup,
            AtomicReference<Thread> thread, AtomicBoolean stopped) {
        return scope.fork("slow-to-stop", () -> {
            thread.set(Thread.currentThread());
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return "never";
            } catch (InterruptedException e) {
                assertTrue(cleanup.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "cleanup was never released");
                return "cleaned up";
            } finally {
                stopped.set(true);
            }
        });
    }

    private static boolean waitsIn(Thread thread, String method) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(TaskScope.class.getName()) && f.getMethodName().equals(method));
    }

    @Test
    void joinWaitsForTheThreadOfAForkThatIsAlreadyDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cleanup = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        try (TaskScope scope = TaskScope.open()) {
            Task<String> task = slowToStop(scope, started, cleanup, thread, stopped);
            assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the fork never started");
            assertTrue(task.cancel());
            assertTrue(task.isDone());
            assertThrows(CancellationException.class, task::get);

            AtomicBoolean sawStopped = new AtomicBoolean();
            AtomicReference<Throwable> joinError = new AtomicReference<>();
            Thread joiner = Thread.ofPlatform().name("joiner").start(() -> {
                try {
                    scope.join();
                    sawStopped.set(stopped.get() && !thread.get().isAlive());
                } catch (Throwable e) {
                    joinError.set(e);
                }
            });
            await("the joiner waiting in join").atMost(PATIENCE).until(() -> waitsIn(joiner, "join"));
            assertFalse(stopped.get(), "the fork stopped before its cleanup was released");
            cleanup.countDown();
            assertTrue(joiner.join(PATIENCE), "join did not return once the fork had stopped");
            assertEquals(null, joinError.get());
            assertTrue(sawStopped.get(), "join returned before the fork's thread had ended");
            assertInstanceOf(Outcome.Cancelled.class, task.outcome(), "the fork's late value does not replace the cancel");
        }
    }

    @Test
    void closeWaitsForTheThreadOfAForkThatIsAlreadyDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cleanup = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread closer = Thread.currentThread();
        Thread releaser = Thread.ofPlatform().name("releaser").unstarted(() -> {
            await("the owner waiting in close").atMost(PATIENCE).until(() -> waitsIn(closer, "close"));
            cleanup.countDown();
        });
        Task<String> task;
        try (TaskScope scope = TaskScope.open()) {
            task = slowToStop(scope, started, cleanup, thread, stopped);
            assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the fork never started");
            assertTrue(task.cancel());
            assertTrue(task.isDone());
            releaser.start();
        }
        assertTrue(stopped.get(), "close returned before the cancelled fork had stopped");
        assertFalse(thread.get().isAlive(), "the fork's thread outlived close");
        assertTrue(releaser.join(PATIENCE), "the releaser did not end");
        assertInstanceOf(Outcome.Cancelled.class, task.outcome());
    }

    @Test
    void cancelFalseLeavesTheForkRunningAndTheScopeWaitsForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<Thread> thread = new AtomicReference<>();
        try (TaskScope scope = TaskScope.open()) {
            Task<String> task = scope.fork(() -> {
                thread.set(Thread.currentThread());
                started.countDown();
                try {
                    assertTrue(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "never released");
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                return "ran on";
            });
            assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the fork never started");
            assertTrue(task.cancel(false));
            assertTrue(task.isCancelled());
            assertTrue(thread.get().isAlive(), "cancel(false) stopped the fork");
            release.countDown();
            scope.join();
            assertFalse(thread.get().isAlive(), "join returned before the fork's thread ended");
            assertFalse(interrupted.get(), "cancel(false) interrupted the fork");
            assertSame(Future.State.CANCELLED, task.state());
        }
    }
}
