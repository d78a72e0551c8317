package dev.weft.parallel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What only a process pool does: child JVMs that are reused, the stdin/stdout channel and what
 * children print, serialization checked at submission, exceptions rebuilt in the parent, and
 * workers that die (exit, kill -9, OutOfMemoryError, timeout) without costing other inputs.
 */
class ProcessPoolBehaviourTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The children alive now that were not alive {@code before} (one of those may have ended since). */
    static Set<Long> childrenSince(Set<Long> before) {
        Set<Long> started = children();
        started.removeAll(before);
        return started;
    }

    static long pid(Object ignored) {
        return ProcessHandle.current().pid();
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    static int sleepMillis(int millis) {
        try {
            Thread.sleep(millis); // the workload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    // ---------------------------------------------------------------- workers

    @Test
    void workersAreChildJvmsReusedAcrossTasksAndGoneAfterClose() throws InterruptedException {
        Set<Long> before = children();
        Set<Long> pids;
        try (Pool pool = Pool.processes(2)) {
            assertEquals(Set.of(), childrenSince(before), "no child starts before there is work");
            pids = new HashSet<>(pool.map(ProcessPoolBehaviourTest::pid, range(60), 1));
            pids.addAll(pool.map(ProcessPoolBehaviourTest::pid, range(60)));
            assertTrue(pids.size() <= 2, "at most two children served 120 inputs: " + pids);
            assertFalse(pids.contains(ProcessHandle.current().pid()));
            assertTrue(childrenSince(before).containsAll(pids), "the workers are this JVM's children");
        }
        ProcessPoolOptions.closeIdleWorkers(); // close() keeps its workers for the next pool: stop them
        Set<Long> after = children();
        for (long pid : pids) {
            assertFalse(after.contains(pid), "worker " + pid + " still runs after close() and closeIdleWorkers()");
        }
    }

    @Test
    void childrenAreGoneAfterTerminate() throws InterruptedException {
        Pool pool = Pool.processes(2);
        Set<Long> pids = new HashSet<>(pool.map(ProcessPoolBehaviourTest::pid, range(8), 1));
        pool.applyAsync(ProcessPoolBehaviourTest::sleepMillis, 60_000);
        pool.terminate();
        Set<Long> after = children();
        pids.forEach(pid -> assertFalse(after.contains(pid), "worker " + pid + " survived terminate()"));
    }

    @Test
    void maxTasksPerChildReplacesTheChild() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).maxTasksPerChild(2).build();
        try (Pool pool = Pool.processes(options)) {
            List<Long> pids = pool.map(ProcessPoolBehaviourTest::pid, range(6), 1);
            assertEquals(3, new HashSet<>(pids).size(), "2 tasks per child, 6 tasks: " + pids);
            // map starts inputs from both ends (0, 5, 1, 4, 2, 3): each child ran two in a row
            assertEquals(pids.get(0), pids.get(5));
            assertEquals(pids.get(1), pids.get(4));
            assertEquals(pids.get(2), pids.get(3));
            assertNotEquals(pids.get(5), pids.get(1));
        }
    }

    @Test
    void theInitializerRunsOnceInEachChildBeforeItsTasks() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2)
                .initializer(() -> System.setProperty("weft.test.init", "ran-in-" + ProcessHandle.current().pid()))
                .build();
        try (Pool pool = Pool.processes(options)) {
            List<String> seen = pool.map(x -> System.getProperty("weft.test.init") + "/" + ProcessHandle.current().pid(),
                    range(10), 1);
            for (String s : seen) {
                String[] parts = s.split("/");
                assertEquals("ran-in-" + parts[1], parts[0]);
            }
        }
    }

    @Test
    void aFailingInitializerBreaksThePoolWithItsCause() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2)
                .initializer(() -> {
                    throw new IllegalStateException("no database");
                })
                .build();
        try (Pool pool = Pool.processes(options)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(x -> x, range(4), 1);
            for (Outcome<Integer> outcome : outcomes) {
                WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, ((Outcome.Failure<Integer>) outcome).error());
                assertInstanceOf(IllegalStateException.class, died.getCause());
                assertEquals("no database", died.getCause().getMessage());
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pool.map(x -> x, range(1)));
            assertTrue(refused.getMessage().contains("broken"), refused.getMessage());
        }
    }

    @Test
    void anInitializerThatEndsItsJvmBreaksThePoolAsAStartFailure() throws InterruptedException {
        // the child said READY, then died in its initializer: no task had started, and every
        // replacement would die the same way
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).stderr(line -> { })
                .initializer(() -> System.exit(7))
                .build();
        try (Pool pool = Pool.processes(options)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(x -> x, range(3), 1);
            for (Outcome<Integer> outcome : outcomes) {
                WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, ((Outcome.Failure<Integer>) outcome).error());
                assertEquals(7, died.exitCode().orElseThrow());
                assertTrue(died.getMessage().contains("died while running its initializer"), died.getMessage());
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pool.map(x -> x, range(1)));
            assertTrue(refused.getMessage().contains("broken"), refused.getMessage());
        }
    }

    @Test
    void aSlowInitializerDoesNotCountAgainstTheFirstTasksTimeout() throws InterruptedException {
        // the timeout counts from the end of the initializer: before, the first task's clock
        // started at READY and the initializer's 7 s used up its 5 s
        Duration timeout = Duration.ofSeconds(5);
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).taskTimeout(timeout)
                .initializer(() -> sleepMillis(7_000)) // the workload: a slow connection set up
                .build();
        try (Pool pool = Pool.processes(options)) {
            assertEquals(List.of(1, 2, 3), pool.map(x -> x + 1, range(3), 1));
        }
    }

    @Test
    void badJvmArgumentsBreakThePoolWithTheJvmsOwnMessage() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1)
                .jvmArgs(List.of("-XX:+NoSuchWeftFlag")).stderr(line -> { }).build();
        try (Pool pool = Pool.processes(options)) {
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class, () -> pool.apply(x -> x, 1));
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, e.getCause());
            assertEquals(1, died.exitCode().orElseThrow());
            assertTrue(died.stderrTail().stream().anyMatch(l -> l.contains("NoSuchWeftFlag")), died.stderrTail().toString());
            assertThrows(IllegalStateException.class, () -> pool.apply(x -> x, 1));
        }
    }

    // ---------------------------------------------------------------- the channel

    @Test
    void whatChildrenPrintReachesTheSinksLineIntactWithoutCorruptingResults() throws InterruptedException {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2).stdout(out::add).stderr(err::add).build();
        try (Pool pool = Pool.processes(options)) {
            List<Integer> results = pool.map(x -> {
                System.out.print("out-" + x);
                System.out.print("-part");
                System.out.println("-end");
                System.out.println("x".repeat(20_000) + x);
                System.err.println("err-" + x);
                return x * 2;
            }, range(20), 1);
            assertEquals(range(20).stream().map(x -> x * 2).toList(), results);
        }
        for (int x = 0; x < 20; x++) {
            assertTrue(out.contains("out-" + x + "-part-end"), "line " + x + " arrives whole");
            assertTrue(out.contains("x".repeat(20_000) + x), "a long line " + x + " arrives whole");
            assertTrue(err.contains("err-" + x), "stderr line " + x);
        }
        assertEquals(40, out.size(), out.size() + " stdout lines");
    }

    @Test
    void byDefaultChildrenPrintToThisJvmsStdout() throws InterruptedException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Pool pool = Pool.processes(1)) {
            pool.apply(x -> {
                System.out.println("hello from the child " + x);
                return x;
            }, 7);
        } finally {
            System.setOut(original);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("hello from the child 7"), captured.toString());
    }

    @Test
    void userCodeReadingStdinInTheChildSeesNothing() throws InterruptedException {
        try (Pool pool = Pool.processes(1)) {
            int read = pool.apply(x -> {
                try {
                    return System.in.read();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, 0);
            assertEquals(-1, read);
            assertEquals(List.of(1, 2), pool.map(x -> x, List.of(1, 2)), "the channel still works");
        }
    }

    // ---------------------------------------------------------------- serialization

    @Test
    void valuesOfEveryCommonTypeTravelBothWaysUnchanged() throws InterruptedException {
        try (Pool pool = Pool.processes(1)) {
            assertEquals(List.of(1.5, -0.0, Double.NaN, 1e300), pool.map(x -> x, List.of(1.5, -0.0, Double.NaN, 1e300), 4));
            assertEquals(List.of(Long.MAX_VALUE, -1L), pool.map(x -> x, List.of(Long.MAX_VALUE, -1L), 2));
            assertEquals(List.of("été", "", "日本"), pool.map(x -> x, List.of("été", "", "日本"), 3));
            List<Object> mixed = java.util.Arrays.asList(1, 2L, "three", null, 4.0, List.of(5));
            assertEquals(mixed, pool.map(x -> x, mixed, 6));
            assertEquals(List.of(Integer.MIN_VALUE, 0), pool.map(x -> x, List.of(Integer.MIN_VALUE, 0), 2));
        }
    }

    /** Not serializable: a function capturing it cannot be sent. */
    static final class Unsendable {
        int value = 3;
    }

    /** Serializable, but holds a field that is not. */
    static final class Carrier implements java.io.Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial") // not serializable on purpose
        final Object payload = new Unsendable();
    }

    @Test
    void aFunctionThatCannotBeSerializedFailsAtSubmissionNamingTheClass() throws InterruptedException {
        Set<Long> before = children();
        try (Pool pool = Pool.processes(2)) {
            Unsendable captured = new Unsendable();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pool.map(x -> x + captured.value, range(3)));
            assertTrue(e.getMessage().contains(Unsendable.class.getName()), e.getMessage());
            assertEquals(Set.of(), childrenSince(before), "no child was started for it");
            assertThrows(IllegalArgumentException.class, () -> pool.applyAsync(x -> x + captured.value, 1));
            assertThrows(IllegalArgumentException.class, () -> pool.imap(x -> x + captured.value, range(3)));
            assertEquals(List.of(1), pool.map(x -> x + 1, range(1)), "the pool still works");
        }
    }

    @Test
    void anInputThatCannotBeSerializedFailsAtSubmissionNamingItsIndexAndClass() throws InterruptedException {
        Set<Long> before = children();
        try (Pool pool = Pool.processes(2)) {
            List<Object> inputs = List.of("a", "b", new Carrier());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pool.map(String::valueOf, inputs, 1));
            assertTrue(e.getMessage().contains("#2"), e.getMessage());
            assertTrue(e.getMessage().contains(Unsendable.class.getName()), e.getMessage());
            // The workers start as the inputs arrive, while they are encoded: children may be up, idle.
            PoolStats stats = pool.stats();
            assertEquals(0, stats.tasksCompleted() + stats.tasksFailed() + stats.queuedChunks(),
                    "nothing of that map reached a child: " + stats);
            assertEquals(List.of("a"), pool.map(String::valueOf, List.<Object>of("a")), "the pool still works");
        }
        ProcessPoolOptions.closeIdleWorkers();
        assertEquals(Set.of(), childrenSince(before), "no child left");
    }

    @Test
    void anImapInputThatCannotBeSerializedFailsOnlyItsOwnPosition() throws InterruptedException {
        try (Pool pool = Pool.processes(1)) {
            var results = pool.imap(o -> o.getClass().getSimpleName(), List.<Object>of("a", new Carrier(), 3));
            assertEquals("String", results.next());
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class, results::next);
            assertEquals(1, e.index());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("Integer", results.next());
        }
    }

    @Test
    void aResultThatCannotBeSerializedFailsThatInput() throws InterruptedException {
        try (Pool pool = Pool.processes(1)) {
            List<Outcome<Object>> outcomes = pool.mapOutcomes(x -> x == 1 ? new Unsendable() : x, range(3), 3);
            assertTrue(outcomes.get(0).isSuccess());
            Throwable error = ((Outcome.Failure<Object>) outcomes.get(1)).error();
            assertTrue(error.getMessage().contains(Unsendable.class.getName()), error.getMessage());
            assertTrue(outcomes.get(2).isSuccess());
        }
    }

    // ---------------------------------------------------------------- exceptions

    /** An exception that serializes: it arrives as itself. */
    static final class Explosion extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        Explosion(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An exception that cannot serialize: it arrives as a {@link RemoteException}. */
    static final class Unshippable extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial") // not serializable on purpose
        final Object state = new Unsendable();

        Unshippable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static int explode(int x) {
        throw new Explosion("boom " + x, new IllegalArgumentException("root cause"));
    }

    static int explodeUnshippably(int x) {
        throw new Unshippable("cannot travel " + x, new IllegalArgumentException("root cause"));
    }

    @Test
    void aChildsExceptionArrivesWithTypeMessageStackAndCause() {
        try (Pool pool = Pool.processes(1)) {
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                    () -> pool.map(ProcessPoolBehaviourTest::explode, List.of(4)));
            Explosion explosion = assertInstanceOf(Explosion.class, e.getCause());
            assertEquals("boom 4", explosion.getMessage());
            assertEquals("explode", explosion.getStackTrace()[0].getMethodName());
            assertTrue(List.of(explosion.getStackTrace()).stream().anyMatch(f -> f.getClassName().contains("WorkerMain")),
                    "the stack is the child's");
            assertEquals("root cause", explosion.getCause().getMessage());
        }
    }

    @Test
    void anExceptionThatCannotTravelIsRebuiltAsARemoteException() {
        try (Pool pool = Pool.processes(1)) {
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                    () -> pool.map(ProcessPoolBehaviourTest::explodeUnshippably, List.of(5)));
            RemoteException remote = assertInstanceOf(RemoteException.class, e.getCause());
            assertEquals(Unshippable.class.getName(), remote.remoteClassName());
            assertEquals("cannot travel 5", remote.remoteMessage());
            assertEquals("explodeUnshippably", remote.getStackTrace()[0].getMethodName());
            assertInstanceOf(IllegalArgumentException.class, remote.getCause());
        }
    }

    // ---------------------------------------------------------------- deaths

    static int exitOnThree(int x) {
        if (x == 3) {
            System.exit(42);
        }
        return x;
    }

    @Test
    void aWorkerThatExitsFailsOnlyItsTaskAndIsReplaced() throws InterruptedException {
        try (Pool pool = Pool.processes(2)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(ProcessPoolBehaviourTest::exitOnThree, range(12), 1);
            for (int i = 0; i < 12; i++) {
                if (i == 3) {
                    WorkerDiedException died = assertInstanceOf(WorkerDiedException.class,
                            ((Outcome.Failure<Integer>) outcomes.get(i)).error());
                    assertEquals(42, died.exitCode().orElseThrow());
                    assertTrue(died.pid() > 0);
                } else {
                    assertEquals(Outcome.success(i), outcomes.get(i), "input " + i);
                }
            }
            assertEquals(range(10), pool.map(x -> x, range(10)), "the pool goes on");
            Set<Long> serving = new HashSet<>(pool.map(ProcessPoolBehaviourTest::pid, range(40), 1));
            assertTrue(serving.size() <= 2, "still two workers: " + serving);
        }
    }

    @Test
    void aWorkerKilledWithSigkillFailsOnlyItsTask() throws InterruptedException {
        List<String> printed = new CopyOnWriteArrayList<>();
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2).stdout(printed::add).build();
        try (Pool pool = Pool.processes(options)) {
            var future = pool.mapAsync(x -> {
                if (x == 5) {
                    System.out.println("victim " + ProcessHandle.current().pid());
                    return sleepMillis(120_000);
                }
                return x;
            }, range(10), 1);
            await().atMost(LONG).until(() -> printed.stream().anyMatch(l -> l.startsWith("victim ")));
            long victim = Long.parseLong(printed.stream().filter(l -> l.startsWith("victim ")).findFirst().orElseThrow()
                    .substring("victim ".length()));
            assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly());
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> future.get(1, TimeUnit.MINUTES));
            ParallelExecutionException failure = assertInstanceOf(ParallelExecutionException.class, e.getCause());
            assertEquals(5, failure.index());
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failure.getCause());
            assertEquals(137, died.exitCode().orElseThrow());
            assertEquals(victim, died.pid());
            List<Outcome<Integer>> again = pool.mapOutcomes(x -> x, range(10), 1);
            assertTrue(again.stream().allMatch(Outcome::isSuccess), "the replacement serves: " + again);
        }
    }

    @Test
    void anOutOfMemoryErrorKillsOnlyItsWorker() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2).stderr(line -> { })
                .jvmArgs(List.of("-Xmx32m", "-XX:+UseSerialGC")).build();
        try (Pool pool = Pool.processes(options)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(x -> {
                if (x == 2) {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 20]);
                    }
                }
                return x;
            }, range(8), 1);
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class,
                    ((Outcome.Failure<Integer>) outcomes.get(2)).error());
            assertTrue(died.stderrTail().stream().anyMatch(l -> l.contains("OutOfMemoryError")), died.stderrTail().toString());
            assertEquals(3, died.exitCode().orElseThrow());
            for (int i = 0; i < 8; i++) {
                if (i != 2) {
                    assertEquals(Outcome.success(i), outcomes.get(i));
                }
            }
        }
    }

    @Test
    void aTaskOverItsTimeoutFailsWithTimeoutAndOthersGoOn() throws InterruptedException {
        // Seconds, not milliseconds: the quick tasks must stay under the timeout however slowly a
        // loaded machine starts a child and runs its first task (class loading, the lambda's
        // bootstrap, an interpreter not yet warm); only the blocked task may reach it.
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2).taskTimeout(Duration.ofSeconds(5)).build();
        try (Pool pool = Pool.processes(options)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(x -> x == 1 ? sleepMillis(120_000) : x, range(6), 1);
            assertInstanceOf(TimeoutException.class, ((Outcome.Failure<Integer>) outcomes.get(1)).error());
            for (int i = 0; i < 6; i++) {
                if (i != 1) {
                    assertEquals(Outcome.success(i), outcomes.get(i));
                }
            }
        }
    }
}
