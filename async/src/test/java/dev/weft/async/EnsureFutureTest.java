package dev.weft.async;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.async.internal.DetachedTask;
import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Async#ensureFuture} and {@link Async#createTask}: owned by the current scope, detached
 * outside one. Ports {@code test_ensure_future_coroutine}, {@code test_ensure_future_task} and
 * {@code test_ensure_future_future} of CPython's {@code test_tasks.py}.
 */
@Timeout(60)
class EnsureFutureTest {

    @Test
    void insideAScopeTheTaskIsAForkOfItAndEndsWithIt() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        Task<Object> task;
        try (var scope = TaskScope.builder().name("owner").open()) {
            task = Async.ensureFuture(() -> probe.parkUntilInterrupted("child", parked));
            assertTrue(task.name().startsWith("owner-"), task.name());
            Probe.await(parked, "the tasks' parking");
        }
        assertTrue(task.isCancelled());
        assertEquals(Set.of("child"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void createTaskNamesTheTaskAndItsThread() throws Exception {
        try (var scope = TaskScope.open()) {
            Task<String> task = Async.createTask("fetch-home", () -> Thread.currentThread().getName());
            assertEquals("fetch-home", task.name());
            assertEquals("fetch-home", task.await(Probe.PATIENCE));
            assertTrue(TaskScope.current().isPresent());
        }
    }

    @Test
    void theTaskStartsAtOnceWithoutBeingAwaited() throws Exception {
        // test_ensure_future_coroutine: the task runs whether or not anyone awaits it.
        CountDownLatch ran = new CountDownLatch(1);
        try (var scope = TaskScope.open()) {
            Async.ensureFuture(() -> {
                ran.countDown();
                return null;
            });
            Probe.await(ran, "the task's run");
        }
        assertEquals(0, ran.getCount());
    }

    @Test
    void aTaskOfATaskBelongsToTheSameScope() throws Exception {
        try (var scope = TaskScope.builder().name("outer").open()) {
            Task<String> parent = Async.ensureFuture(() -> Async.ensureFuture(() -> TaskScope.current().orElseThrow().name()).await());
            assertEquals("outer", parent.await(Probe.PATIENCE));
        }
    }

    @Test
    void outsideAnyScopeTheTaskIsDetachedAndStillAwaitable() throws Exception {
        assertTrue(TaskScope.current().isEmpty());
        AtomicReference<Thread> thread = new AtomicReference<>();
        Task<Integer> task = Async.ensureFuture(() -> {
            thread.set(Thread.currentThread());
            return 7;
        });
        assertTrue(task.name().startsWith("Task-"), task.name());
        assertEquals(7, task.await(Probe.PATIENCE));
        assertEquals(Outcome.success(7), task.outcome());
        assertTrue(thread.get().isVirtual());
        Probe.join(thread.get());
        assertTrue(TaskScope.current().isEmpty());
    }

    @Test
    void aDetachedTaskIsDoneAsSoonAsCancelledWhileItsCodeStillStops() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Task<Object> task = Async.createTask("detached", () -> {
            try {
                return probe.parkUntilInterrupted("detached", parked);
            } finally {
                release.await();   // cleanup that takes a while
            }
        });
        assertEquals("detached", task.name());
        Probe.await(parked, "the tasks' parking");
        assertTrue(task.cancel());
        assertTrue(task.isDone(), "a Future is done once cancel has returned true");
        assertTrue(task.isCancelled());
        assertThrows(CancellationException.class, () -> task.await(Probe.PATIENCE));
        await().atMost(Probe.PATIENCE).until(() -> probe.interrupted.contains("detached"));
        assertFalse(task.cancel(), "cancelling a done task does nothing");
        release.countDown();
        assertInstanceOf(Outcome.Cancelled.class, task.outcome());
        for (Thread t : probe.threads) {
            Probe.join(t);
        }
        probe.assertAllDead();
    }

    @Test
    void aDetachedTaskCancelledBeforeItRunsNeverRunsItsCode() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            Task<Object> task = Async.ensureFuture(() -> {
                ran.countDown();
                return "ran";
            });
            task.cancel();
            try {
                assertEquals("ran", task.await(Probe.PATIENCE));
            } catch (CancellationException expected) {
                assertTrue(task.isCancelled());
            }
        }
        assertTrue(ran.getCount() <= 1);
    }

    @Test
    void aDetachedTaskThatFailsReportsTheOriginalCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Object> task = Async.ensureFuture(() -> {
            throw boom;
        });
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> task.await(Probe.PATIENCE));
        assertSame(boom, thrown.getCause());
        assertSame(boom, assertInstanceOf(Outcome.Failure.class, task.outcome()).error());
    }

    @Test
    void aDetachedTaskWhoseCodeThrowsAfterItsCancelHasTheFailureLogged() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(DetachedTask.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level before = log.getLevel();
        log.setLevel(Level.DEBUG);
        appender.start();
        log.addAppender(appender);
        try {
            CountDownLatch parked = new CountDownLatch(1);
            AtomicReference<Thread> thread = new AtomicReference<>();
            IllegalStateException late = new IllegalStateException("thrown after the cancel");
            Task<String> task = Async.ensureFuture(() -> {
                thread.set(Thread.currentThread());
                parked.countDown();
                try {
                    new CountDownLatch(1).await();
                    return "never";
                } catch (InterruptedException e) {
                    throw late;
                }
            });
            Probe.await(parked, "the task's parking");
            assertTrue(task.cancel());
            Probe.join(thread.get());

            assertTrue(task.isCancelled(), "the task stays cancelled");
            assertEquals(1, appender.list.size(), "the late failure is logged once, not lost");
            ILoggingEvent event = appender.list.getFirst();
            assertEquals(Level.DEBUG, event.getLevel());
            assertEquals("Detached task '" + task.name() + "' was cancelled; its code then threw",
                    event.getFormattedMessage());
            assertSame(late, ((ThrowableProxy) event.getThrowableProxy()).getThrowable());
        } finally {
            log.detachAppender(appender);
            log.setLevel(before);
        }
    }

    @Test
    void aDetachedTaskThatSwallowsTheCancelStaysCancelled() throws Exception {
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        Task<String> task = Async.ensureFuture(() -> {
            thread.set(Thread.currentThread());
            parked.countDown();
            try {
                new CountDownLatch(1).await();
                return "never";
            } catch (InterruptedException e) {
                return "ignored the cancel";
            } finally {
                returned.countDown();
            }
        });
        Probe.await(parked, "the tasks' parking");
        assertTrue(task.cancel());
        Probe.await(returned, "the body's return");
        Probe.join(thread.get());
        assertTrue(task.isCancelled());
        assertThrows(CancellationException.class, () -> task.await(Probe.PATIENCE));
    }

    @Test
    void ensureFutureOfATaskReturnsTheSameTask() throws Exception {
        // test_ensure_future_task
        try (var scope = TaskScope.open()) {
            Task<Integer> task = scope.fork(() -> 1);
            assertSame(task, Async.ensureFuture(task));
        }
    }

    @Test
    void ensureFutureOfACompletableFutureWrapsIt() throws Exception {
        // test_ensure_future_future
        CompletableFuture<String> future = new CompletableFuture<>();
        Task<String> task = Async.ensureFuture(future);
        assertFalse(task.isDone());
        future.complete("done");
        assertEquals("done", task.await());

        CompletableFuture<String> other = new CompletableFuture<>();
        Task<String> cancelled = Async.ensureFuture(other);
        assertTrue(cancelled.cancel());
        assertTrue(other.isCancelled());
        assertTrue(cancelled.isCancelled());
    }

    @Test
    void nullArgumentsAreRefused() throws Exception {
        assertEquals("task", assertThrows(NullPointerException.class, () -> Async.ensureFuture((Callable<Object>) null)).getMessage());
        assertEquals("task", assertThrows(NullPointerException.class, () -> Async.ensureFuture((Task<Object>) null)).getMessage());
        assertEquals("future", assertThrows(NullPointerException.class, () -> Async.ensureFuture((CompletableFuture<Object>) null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> Async.createTask(null, () -> 1)).getMessage());
        assertEquals("task", assertThrows(NullPointerException.class, () -> Async.createTask("x", null)).getMessage());
        try (var scope = TaskScope.open()) {
            assertThrows(NullPointerException.class, () -> Async.createTask(null, () -> 1));
            assertEquals(1, Async.createTask("x", () -> 1).await(Probe.PATIENCE));
        }
    }
}
