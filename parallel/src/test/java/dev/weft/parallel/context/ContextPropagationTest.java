package dev.weft.parallel.context;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.ForkContext;
import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Issue 17 on the pool backends of this module: the caller's MDC and a registered thread-local
 * ({@link TenantAccessor}) read back inside the tasks of a thread pool, a process pool and a
 * {@link JvmProcess}; nothing leaks back to the caller or into the next task; a deadline travels
 * with the task and stops it; work started inside a scope ends with it.
 */
class ContextPropagationTest {

    /** The backends of the table. */
    enum Backend {
        THREADS(Pool::threads),
        PROCESSES(Pool::processes);

        private final IntFunction<Pool> make;

        Backend(IntFunction<Pool> make) {
            this.make = make;
        }

        Pool pool() {
            return make.apply(2);
        }
    }

    /** Stopped threads tasks wait here: it never opens. */
    static final CountDownLatch NEVER = new CountDownLatch(1);
    /** Counted down by a stopped task of a thread pool (in this JVM): it was interrupted. */
    static volatile CountDownLatch stopped = new CountDownLatch(1);
    /** Counted down by a thread pool's task as it starts (in this JVM). */
    static volatile CountDownLatch started = new CountDownLatch(0);

    static String seen(int ignored) {
        return MDC.get("requestId") + "/" + TenantAccessor.TENANT.get();
    }

    static String changeAndSee(int ignored) {
        String before = seen(ignored);
        MDC.put("requestId", "changed-by-task");
        TenantAccessor.TENANT.set("changed-by-task");
        return before;
    }

    static String deadlineSeen(int ignored) {
        return TaskScope.currentDeadline().map(Instant::toString).orElse("none");
    }

    static String logs(int x) {
        LoggerFactory.getLogger("weft.test.task").info("working on {}", x);
        return "logged";
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    /** Waits far longer than any test: only an interrupt (or a killed JVM) ends it. */
    static int blockLong(int x) {
        started.countDown();
        try {
            if (!NEVER.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ran its full minute: nothing stopped it");
            }
        } catch (InterruptedException e) {
            stopped.countDown();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped", e);
        }
        return x;
    }

    static int square(int x) {
        return x * x;
    }

    private static void inCallerContext(ThrowingRunnable body) throws Exception {
        MDC.put("requestId", "req-17");
        TenantAccessor.TENANT.set("tenant-a");
        try {
            body.run();
            assertEquals("req-17", MDC.get("requestId"), "no leak back into the caller's MDC");
            assertEquals("tenant-a", TenantAccessor.TENANT.get(), "no leak back into the caller's thread-local");
        } finally {
            MDC.clear();
            TenantAccessor.TENANT.remove();
        }
    }

    /** Runs {@code body} under {@code deadline}, as code inside a scope with that deadline runs. */
    private static void underDeadline(Instant deadline, ThrowingRunnable body) throws Exception {
        ForkContext.Restore restore = ForkContext.capture().withDeadline(deadline).install();
        try {
            body.run();
        } finally {
            restore.close();
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theCallersContextIsInstalledAroundEveryTask(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            inCallerContext(() -> {
                assertEquals("req-17/tenant-a", pool.apply(ContextPropagationTest::seen, 0));
                assertEquals(List.of("req-17/tenant-a", "req-17/tenant-a", "req-17/tenant-a"),
                        pool.map(ContextPropagationTest::changeAndSee, List.of(1, 2, 3), 1));
                assertEquals("req-17/tenant-a", pool.applyAsync(ContextPropagationTest::seen, 0).await());
                assertEquals(List.of("req-17/tenant-a"), pool.mapAsync(ContextPropagationTest::seen, List.of(0))
                        .get(30, TimeUnit.SECONDS));
                Iterator<String> lazy = pool.imap(ContextPropagationTest::seen, List.of(1, 2));
                assertEquals("req-17/tenant-a", lazy.next());
                assertEquals("req-17/tenant-a", lazy.next());
            });
            // A caller with no context: the workers that ran the tasks above kept nothing of them.
            List<String> clean = pool.map(ContextPropagationTest::seen, IntStream.range(0, 8).boxed().toList(), 1);
            assertEquals(List.of("null/null"), clean.stream().distinct().toList(), "the workers were restored");
        }
    }

    @Test
    void aJvmProcessRunsInItsCallersContext() throws Exception {
        inCallerContext(() -> {
            JvmProcess<String> process = JvmProcess.start(ContextPropagationTest::seen, 0);
            assertEquals("req-17/tenant-a", process.result());
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theDeadlineTravelsWithTheTask(Backend backend) throws Exception {
        Instant deadline = Instant.now().plusSeconds(600);
        try (Pool pool = backend.pool()) {
            underDeadline(deadline, () -> assertEquals(deadline.toString(), pool.apply(ContextPropagationTest::deadlineSeen, 0)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTaskStillRunningAtItsDeadlineIsStoppedAndFailsWithATimeout(Backend backend) throws Exception {
        stopped = new CountDownLatch(1);
        started = new CountDownLatch(1);
        try (Pool pool = backend.pool()) {
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                Throwable[] caught = new Throwable[1];
                try {
                    underDeadline(Instant.now().plusMillis(500),
                            () -> pool.map(ContextPropagationTest::blockLong, List.of(1, 2), 1));
                } catch (ParallelExecutionException e) {
                    caught[0] = e.getCause();
                } catch (Exception e) {
                    caught[0] = e;
                }
                return caught[0];
            });
            Throwable cause = failure.get(30, TimeUnit.SECONDS); // a minute if the deadline did not stop it
            assertInstanceOf(TimeoutException.class, cause, "the task's failure");
            assertTrue(cause.getMessage().contains("deadline"), cause.getMessage());
            if (backend == Backend.THREADS && started.getCount() == 0) { // it may be stopped before it starts
                assertTrue(stopped.await(30, TimeUnit.SECONDS), "the task's thread was interrupted");
            }
            // The workers that ran them were stopped (a child JVM replaced): the pool goes on.
            assertEquals(List.of(4, 9), pool.map(ContextPropagationTest::square, List.of(2, 3)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeadlineAlreadyPassedRunsNothing(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            underDeadline(Instant.now().minusSeconds(1), () -> {
                ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                        () -> pool.apply(ContextPropagationTest::blockLong, 1));
                assertInstanceOf(TimeoutException.class, e.getCause());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAsyncCallStartedInAScopeEndsWithTheScope(Backend backend) throws Exception {
        stopped = new CountDownLatch(2);
        started = new CountDownLatch(2);
        try (Pool pool = backend.pool()) {
            Task<Integer> task;
            CompletableFuture<List<Integer>> many;
            try (TaskScope scope = TaskScope.open()) {
                task = pool.applyAsync(ContextPropagationTest::blockLong, 1);
                many = pool.mapAsync(ContextPropagationTest::blockLong, List.of(1, 2, 3), 1);
                if (backend == Backend.THREADS) { // two workers: two of the four chunks run
                    assertTrue(started.await(30, TimeUnit.SECONDS), "two tasks started");
                }
            } // close() cancels what the scope still runs, the pool's work too, and waits for it
            assertTrue(task.isCancelled(), "the task ends cancelled");
            assertTrue(many.isCancelled(), "the future ends cancelled");
            // the scope ended once the outcomes were delivered; the pool counts the chunk out just after
            await().atMost(Duration.ofSeconds(30)).until(pool::isIdle); // no chunk of them is left in flight
            if (backend == Backend.THREADS) {
                assertTrue(stopped.await(30, TimeUnit.SECONDS), "the two running tasks were interrupted");
            }
            assertEquals(4, (int) pool.apply(ContextPropagationTest::square, 2), "the pool goes on");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anIteratorMadeInAScopeEndsWithTheScope(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Iterator<Integer> results;
            try (TaskScope scope = TaskScope.open()) {
                results = pool.imap(ContextPropagationTest::blockLong, List.of(1, 2, 3));
                assertTrue(results.hasNext()); // reads input: chunks go out
            }
            // the scope ended once the outcomes were delivered; the pool counts the chunk out just after
            await().atMost(Duration.ofSeconds(30)).until(pool::isIdle); // no chunk of it is left in flight
            CancellationException e = assertThrows(CancellationException.class, results::next);
            assertTrue(e.getMessage().contains("scope"), e.getMessage());
        }
    }

    @Test
    void aLogLineATaskWritesInAChildJvmCarriesTheCallersRequestId() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        String config = Path.of(ContextPropagationTest.class.getResource("/logback-mdc.xml").toURI()).toString();
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1)
                .jvmArgs(List.of("-Xmx64m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + config))
                .stderr(lines::add).build();
        try (Pool pool = Pool.processes(options)) {
            inCallerContext(() -> assertEquals("logged", pool.apply(ContextPropagationTest::logs, 7)));
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(line -> line.contains("working on 7")));
            assertTrue(lines.contains("[requestId=req-17] weft.test.task - working on 7"), lines.toString());
            assertEquals("logged", pool.apply(ContextPropagationTest::logs, 8)); // a caller with no request id
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("[requestId=] weft.test.task - working on 8"));
        }
    }

    @Test
    void aMinuteLongTaskInAChildJvmInsideAHalfSecondScopeEndsWithItsChildGone() throws Exception {
        try (Pool pool = Pool.processes(1)) {
            long before = pool.apply(ContextPropagationTest::pid, 0);
            CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
                try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMillis(500)).open()) {
                    pool.map(ContextPropagationTest::blockLong, List.of(1));
                    return null;
                } catch (InterruptedException | RuntimeException e) {
                    return e;
                }
            });
            // A minute if the deadline did not stop it; the body is interrupted, or the task fails first.
            Throwable thrown = ended.get(30, TimeUnit.SECONDS);
            assertTrue(thrown instanceof InterruptedException
                    || thrown instanceof ParallelExecutionException e && e.getCause() instanceof TimeoutException,
                    String.valueOf(thrown));
            await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(before).map(p -> !p.isAlive()).orElse(true));
            long after = pool.apply(ContextPropagationTest::pid, 0);
            assertTrue(after != before, "the killed child was replaced");
        }
    }

    @Test
    void aScopeJoinWaitsForThePoolWorkStartedInIt() throws Exception {
        try (Pool pool = Pool.threads(2)) {
            Task<Integer> task;
            try (TaskScope scope = TaskScope.open()) {
                task = pool.applyAsync(x -> x + 1, 41);
                scope.join();
                assertTrue(task.isDone(), "join waited for it");
            }
            assertEquals(42, task.await(Duration.ofSeconds(30)));
            assertNull(MDC.get("requestId"));
        }
    }
}
