package dev.weft.parallel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@link WarmChildren}: the children of a closed pool reused by the next pool with the same
 * options, under the same contract as fresh ones; spare workers; the bounds in time; closing them
 * on demand; and the leak check, which stops them after each test (no test here stops them itself:
 * each passing the leak check shows it does).
 */
class WarmChildrenTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final List<String> SMALL = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** State in a child JVM, which a kept child keeps (as the contract says). */
    static final class InChild {
        static int initializerRuns;
        static final CountDownLatch NEVER = new CountDownLatch(1);

        static void initialize() {
            initializerRuns++;
        }

        static long pid(Object ignored) {
            return ProcessHandle.current().pid();
        }

        static int runs(Object ignored) {
            return initializerRuns;
        }

        static long leaveAThread(Object ignored) {
            Thread.ofPlatform().daemon(true).name("left-by-a-task").start(() -> {
                try {
                    NEVER.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return ProcessHandle.current().pid();
        }
    }

    private static ProcessPoolOptions.Builder small() {
        return ProcessPoolOptions.builder().jvmArgs(SMALL).startupCache(false);
    }

    private static Set<Long> pids(Pool pool) throws InterruptedException {
        return new HashSet<>(pool.map(InChild::pid, List.of(1, 2, 3, 4), 1));
    }

    @Test
    void theNextPoolWithTheSameOptionsTakesTheClosedPoolsChildren() throws InterruptedException {
        ProcessPoolOptions options = small().workers(2).build();
        Set<Long> first;
        try (Pool pool = Pool.processes(options)) {
            first = pids(pool);
        }
        assertTrue(WarmChildren.SHARED.readyPids().containsAll(first), "kept after close(): " + first);
        try (Pool pool = Pool.processes(options)) {
            Set<Long> second = pids(pool);
            assertFalse(second.isEmpty());
            assertTrue(first.containsAll(second), "the same JVMs serve the next pool: " + first + ", " + second);
            assertEquals(List.of(2, 3, 4), pool.map(x -> x + 1, List.of(1, 2, 3)), "a fresh function table");
        }
    }

    @Test
    void aResetChildHasForgottenEveryFunction() throws Exception {
        Process child = new ProcessBuilder(LaunchLayout.current().command(ChildJvm.CHANNEL_FLAGS, SMALL,
                WorkerMain.class, List.of())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] inputs = ChunkCodec.inputs(List.of(41), 0, ChunkCodec.CHILD_JVM);
            try (java.io.OutputStream in = child.getOutputStream()) {
                Frames.Writer writer = new Frames.Writer(in);
                writer.task(1, 0, 7, ChunkCodec.function(StartupCache.trainingTask(), ChunkCodec.CHILD_JVM), inputs);
                writer.task(2, 0, 7, null, inputs); // known: function 7 was sent with chunk 1
                writer.bytes(Frames.RESET, new byte[] {1}, 0, 1);
                writer.task(3, 0, 7, null, inputs); // forgotten at the reset: the child cannot run it
                writer.flush();
            }
            List<Integer> frames = new java.util.ArrayList<>();
            List<Object> answers = new java.util.ArrayList<>();
            try (java.io.DataInputStream out = new java.io.DataInputStream(child.getInputStream())) {
                Frames.Frame frame;
                while ((frame = Frames.read(out)) != null) {
                    frames.add((int) frame.type());
                    if (frame.type() == Frames.RESULT) {
                        byte[] body = frame.payload();
                        answers.add(ChunkCodec.decodeReply(body, 8, body.length - 8, 0, 1).get(0));
                    }
                }
            }
            assertEquals(List.of((int) Frames.READY, (int) Frames.RESULT, (int) Frames.RESULT, (int) Frames.READY,
                    (int) Frames.RESULT), frames, "two answers, READY again after the reset, then the third answer");
            assertEquals(dev.weft.core.Outcome.success(42), answers.get(0));
            assertEquals(dev.weft.core.Outcome.success(42), answers.get(1), "function 7 was known");
            assertTrue(answers.get(2) instanceof dev.weft.core.Outcome.Failure<?>,
                    "function 7 was forgotten at the reset: " + answers.get(2));
            assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void otherOptionsGetOtherChildren() throws InterruptedException {
        Set<Long> first;
        try (Pool pool = Pool.processes(small().workers(1).build())) {
            first = pids(pool);
        }
        try (Pool pool = Pool.processes(ProcessPoolOptions.builder().workers(1).startupCache(false)
                .jvmArgs(List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")).build())) {
            assertFalse(first.containsAll(pids(pool)), "another command line, another JVM");
        }
    }

    @Test
    void theInitializerRunsAgainInAKeptChild() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).initializer(InChild::initialize).build();
        Set<Long> first;
        try (Pool pool = Pool.processes(options)) {
            first = pids(pool);
            assertEquals(1, pool.apply(InChild::runs, 0));
        }
        try (Pool pool = Pool.processes(options)) {
            assertEquals(first, pids(pool));
            assertEquals(2, pool.apply(InChild::runs, 0), "the initializer ran again, for the new pool");
        }
        try (Pool pool = Pool.processes(small().workers(1).build())) {
            assertFalse(first.containsAll(pids(pool)), "a pool without that initializer gets a fresh child");
        }
    }

    @Test
    void maxTasksPerChildCountsAfreshInAKeptChild() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).maxTasksPerChild(3).spareWorkers(0).build();
        long first;
        try (Pool pool = Pool.processes(options)) {
            first = pool.apply(InChild::pid, 0);
            assertEquals(first, pool.apply(InChild::pid, 0));
        }
        try (Pool pool = Pool.processes(options)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(first, pool.apply(InChild::pid, 0), "task " + (i + 1) + " of 3 for this pool");
            }
            assertNotEquals(first, pool.apply(InChild::pid, 0), "the fourth goes to a replacement");
        }
    }

    @Test
    void aChildRetiredByMaxTasksPerChildIsNotKept() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).maxTasksPerChild(2).spareWorkers(0).build();
        long retired;
        try (Pool pool = Pool.processes(options)) {
            retired = pool.apply(InChild::pid, 0);
            assertEquals(retired, pool.apply(InChild::pid, 0), "its second and last task");
        }
        assertFalse(WarmChildren.SHARED.readyPids().contains(retired), "it reached its limit: not kept");
        await().atMost(LONG).until(() -> ProcessHandle.of(retired).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aChildWhoseTaskLeftAThreadRunningIsNotKept() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).build();
        long first;
        try (Pool pool = Pool.processes(options)) {
            first = pool.apply(InChild::leaveAThread, 0);
        }
        await().atMost(LONG).until(() -> ProcessHandle.of(first).map(p -> !p.isAlive()).orElse(true));
        try (Pool pool = Pool.processes(options)) {
            assertNotEquals(first, pool.apply(InChild::pid, 0), "nothing of the closed pool runs any more");
        }
    }

    @Test
    void terminateAndAZeroKeepKeepNothing() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).build();
        Pool terminated = Pool.processes(options);
        long first = terminated.apply(InChild::pid, 0);
        terminated.terminate();
        assertFalse(WarmChildren.SHARED.readyPids().contains(first));
        ProcessPoolOptions keepNone = small().workers(1).keepIdleWorkers(Duration.ZERO).build();
        long second;
        try (Pool pool = Pool.processes(keepNone)) {
            second = pool.apply(InChild::pid, 0);
        }
        assertFalse(WarmChildren.SHARED.readyPids().contains(second));
        assertFalse(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false), "close() stopped it");
    }

    @Test
    void aKeptChildIsStoppedAfterItsTimeIdle() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).keepIdleWorkers(Duration.ofMillis(200)).build();
        long first;
        try (Pool pool = Pool.processes(options)) {
            first = pool.apply(InChild::pid, 0);
        }
        await().atMost(LONG).until(() -> ProcessHandle.of(first).map(p -> !p.isAlive()).orElse(true));
        assertFalse(WarmChildren.SHARED.readyPids().contains(first));
    }

    @Test
    void noMoreChildrenAreKeptThanTheBound() throws InterruptedException {
        int before = WarmChildren.SHARED.maxIdle(1);
        try {
            Set<Long> first;
            try (Pool pool = Pool.processes(small().workers(2).build())) {
                first = new HashSet<>(pool.map(InChild::pid, List.of(1, 2, 3, 4, 5, 6), 1));
            }
            List<Long> kept = WarmChildren.SHARED.readyPids();
            assertTrue(kept.size() <= 1, "at most one of " + first + " kept: " + kept);
            for (long pid : first) {
                if (!kept.contains(pid)) {
                    await().atMost(LONG).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
                }
            }
        } finally {
            WarmChildren.SHARED.maxIdle(before);
        }
    }

    @Test
    void closeIdleWorkersStopsTheKeptChildrenAndNotARunningPoolsWorkers() throws InterruptedException {
        try (Pool running = Pool.processes(small().workers(1).build())) {
            long busy = running.apply(InChild::pid, 0);
            long kept;
            try (Pool pool = Pool.processes(small().workers(1).keepIdleWorkers(Duration.ofMinutes(5)).build())) {
                kept = pool.apply(InChild::pid, 0);
            }
            assertTrue(ProcessPoolOptions.closeIdleWorkers() >= 1);
            assertFalse(ProcessHandle.of(kept).map(ProcessHandle::isAlive).orElse(false), "stopped, and waited for");
            assertEquals(busy, running.apply(InChild::pid, 0), "the running pool's worker goes on");
        }
        assertTrue(ProcessPoolOptions.closeIdleWorkers() >= 0);
    }

    @Test
    void aSpareWorkerReplacesARetiredOne() throws InterruptedException {
        ProcessPoolOptions options = small().workers(1).maxTasksPerChild(2).spareWorkers(1).build();
        try (Pool pool = Pool.processes(options)) {
            long first = pool.apply(InChild::pid, 0);
            await().atMost(LONG).until(() -> !WarmChildren.SHARED.readyPids().isEmpty());
            List<Long> spares = WarmChildren.SHARED.readyPids();
            assertEquals(first, pool.apply(InChild::pid, 0), "its second and last task");
            long replacement = pool.apply(InChild::pid, 0);
            assertNotEquals(first, replacement);
            assertTrue(spares.contains(replacement), "the replacement is the spare " + spares + ", not " + replacement);
        }
    }

    @Test
    void spareWorkersMustNotBeNegativeAndKeepNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> ProcessPoolOptions.builder().spareWorkers(-1));
        assertThrows(IllegalArgumentException.class, () -> ProcessPoolOptions.builder().keepIdleWorkers(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> ProcessPoolOptions.builder().keepIdleWorkers(null));
        ProcessPoolOptions defaults = ProcessPoolOptions.builder().build();
        assertTrue(defaults.startupCache());
        assertEquals(0, defaults.spareWorkers());
        assertEquals(ProcessPoolOptions.DEFAULT_KEEP_IDLE_WORKERS, defaults.keepIdleWorkers());
        assertEquals(1, ProcessPoolOptions.builder().maxTasksPerChild(5).build().spareWorkers());
    }

    @Test
    void aTestThatClosedItsPoolLeavesKeptChildrenThatTheLeakCheckStops() throws InterruptedException {
        try (Pool pool = Pool.processes(small().workers(2).build())) {
            pids(pool);
        }
        assertFalse(WarmChildren.SHARED.readyPids().isEmpty(),
                "children are kept after this test: the leak check, run after it, must stop them to pass it");
    }
}
