package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TaskTest {
    private TaskScope scope;

    @BeforeEach
    void open() {
        scope = TaskScope.builder().failFast(false).open();
    }

    @AfterEach
    void close() {
        scope.close();
    }

    @Test
    void awaitReturnsTheResult() throws Exception {
        Task<String> task = scope.fork("hello", () -> "world");
        assertEquals("world", task.await());
        assertEquals("hello", task.name());
        assertTrue(task.isDone());
        assertFalse(task.isCancelled());
        assertEquals(Outcome.success("world"), task.outcome());
    }

    @Test
    void awaitRethrowsAFailureWithTheOriginalCause() throws Exception {
        IOException cause = new IOException("disk");
        Task<String> task = scope.fork("reader", () -> {
            throw cause;
        });
        TaskFailedException e = assertThrows(TaskFailedException.class, task::await);
        assertSame(cause, e.getCause());
        assertEquals("reader", e.taskName());
        assertTrue(e.getMessage().contains("reader"));
        assertEquals(Outcome.failure(cause), task.outcome());
    }

    @Test
    void awaitThrowsCancellationExceptionAfterCancel() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Task<String> task = scope.fork(() -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "the task never started");
        assertTrue(task.cancel());
        assertThrows(CancellationException.class, task::await);
        assertTrue(task.isCancelled());
        assertFalse(task.cancel(), "a done task cannot be cancelled again");
        assertInstanceOf(Outcome.Cancelled.class, task.outcome());
    }

    @Test
    void aTaskThatIgnoresCancellationStaysCancelled() throws Exception {
        // Future's contract: once cancel has returned true the task is cancelled, whatever its code does next
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        Task<String> task = scope.fork(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                return "caught";
            } finally {
                returned.countDown();
            }
            return "never";
        });
        assertTrue(started.await(30, TimeUnit.SECONDS), "the task never started");
        assertTrue(task.cancel());
        assertTrue(returned.await(30, TimeUnit.SECONDS), "the body never returned");
        scope.join();
        assertTrue(task.isCancelled());
        assertInstanceOf(Outcome.Cancelled.class, task.outcome());
        assertThrows(CancellationException.class, task::await);
    }

    @Test
    void outcomeIsOnlyAvailableOnceDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<Integer> task = scope.fork(() -> {
            release.await();
            return 1;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, task::outcome);
        assertTrue(e.getMessage().contains("not ended"));
        release.countDown();
        task.await();
        assertEquals(Outcome.success(1), task.outcome());
    }

    @Test
    void awaitWithTimeoutThrowsTimeoutAndLeavesTheTaskRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<Integer> task = scope.fork(() -> {
            release.await();
            return 7;
        });
        assertThrows(TimeoutException.class, () -> task.await(Duration.ofMillis(20)));
        assertThrows(TimeoutException.class, () -> task.await(Duration.ZERO));
        assertThrows(TimeoutException.class, () -> task.await(Duration.ofMillis(-5)));
        assertFalse(task.isDone());
        release.countDown();
        assertEquals(7, task.await(Duration.ofSeconds(10)));
        assertThrows(NullPointerException.class, () -> task.await(null));
    }

    @Test
    void onDoneRunsOnceWhenAddedBeforeCompletion() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        List<Task<Integer>> seen = new CopyOnWriteArrayList<>();
        Task<Integer> task = scope.fork(() -> {
            release.await();
            return 3;
        });
        task.onDone(t -> {
            calls.incrementAndGet();
            seen.add(t);
        });
        assertEquals(0, calls.get());
        release.countDown();
        scope.join();
        assertEquals(1, calls.get());
        assertSame(task, seen.get(0));
    }

    @Test
    void onDoneRunsAtOnceOnTheCallerWhenAlreadyDone() throws Exception {
        Task<Integer> task = scope.fork(() -> 3);
        task.await();
        AtomicInteger calls = new AtomicInteger();
        Thread[] ranOn = new Thread[1];
        task.onDone(t -> {
            calls.incrementAndGet();
            ranOn[0] = Thread.currentThread();
        });
        assertEquals(1, calls.get());
        assertSame(Thread.currentThread(), ranOn[0]);
        assertThrows(NullPointerException.class, () -> task.onDone(null));
    }

    @Test
    void aThrowingCallbackDoesNotStopTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Task<Integer> task = scope.fork(() -> {
            release.await();
            return 3;
        });
        task.onDone(t -> {
            throw new IllegalStateException("callback bug");
        });
        task.onDone(t -> calls.incrementAndGet());
        release.countDown();
        assertEquals(3, task.await());
        scope.join();
        assertEquals(1, calls.get());
    }

    @Test
    void toCompletableFutureCompletesWithTheSameResult() throws Exception {
        Task<String> ok = scope.fork(() -> "v");
        Task<String> failed = scope.fork(() -> {
            throw new IllegalStateException("bad");
        });
        assertEquals("v", ok.toCompletableFuture().get());
        assertSame(ok.toCompletableFuture(), ok.toCompletableFuture());
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.toCompletableFuture().get());
        assertEquals("bad", e.getCause().getMessage());
    }

    @Test
    void cancellingTheFutureCancelsTheTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Task<String> task = scope.fork(() -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "the task never started");
        CompletableFuture<String> future = task.toCompletableFuture();
        future.cancel(true);
        assertThrows(CancellationException.class, task::await);
        assertTrue(future.isCancelled());
    }

    @Test
    void taskOfMirrorsAFuture() throws Exception {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        Task<Integer> task = Task.of("remote", source);
        assertFalse(task.isDone());
        source.complete(5);
        assertEquals(5, task.await());
        assertEquals("remote", task.name());

        CompletableFuture<Integer> failing = new CompletableFuture<>();
        Task<Integer> failedTask = Task.of("remote", failing);
        failing.completeExceptionally(new IOException("net"));
        assertInstanceOf(IOException.class, assertThrows(TaskFailedException.class, failedTask::await).getCause());

        CompletableFuture<Integer> pending = new CompletableFuture<>();
        Task<Integer> cancelled = Task.of("remote", pending);
        assertTrue(cancelled.cancel());
        assertTrue(pending.isCancelled());
        assertTrue(cancelled.isCancelled());
        assertFalse(cancelled.cancel());

        assertThrows(NullPointerException.class, () -> Task.of(null, new CompletableFuture<>()));
        assertThrows(NullPointerException.class, () -> Task.of("x", null));
    }

    @Test
    void toStringShowsNameAndState() throws Exception {
        Task<Integer> task = scope.fork("t", () -> 1);
        task.await();
        assertEquals("Task[t, done]", task.toString());
    }
}
