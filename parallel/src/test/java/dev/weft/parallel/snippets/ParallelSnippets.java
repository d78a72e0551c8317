package dev.weft.parallel.snippets;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pipe;
import dev.weft.parallel.Pool;
import dev.weft.parallel.PoolStats;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.ProgressListener;
import dev.weft.parallel.RemoteException;
import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.SerializableRunnable;
import dev.weft.parallel.TalkingProcess;
import dev.weft.parallel.WorkerDiedException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The examples of weft-parallel's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=...}} tag, and the
 * test around it runs the example and checks what the javadoc says of it. The process pools here
 * have two workers, and each test that needs child JVMs starts as few as it can.
 */
class ParallelSnippets {

    /** The functions the examples ship to workers: static, so that a child JVM can load them. */
    static final class Work {
        private Work() {
        }

        /** Counts down from {@code n}: the notebook's CPU-bound {@code calcul_while}. */
        static long countDown(long n) {
            long steps = 0;
            for (long i = n; i > 0; i--) {
                steps++;
            }
            return steps;
        }

        /** Fails for a multiple of 3. */
        static long risky(long n) {
            if (n % 3 == 0) {
                throw new IllegalArgumentException("no multiples of 3: " + n);
            }
            return n;
        }

        static String describe(long n) {
            return "input " + n;
        }

        static String requestId(long ignored) {
            org.slf4j.LoggerFactory.getLogger(Work.class).info("working"); // this log line carries requestId too
            return org.slf4j.MDC.get("requestId");
        }

        /** Fails with an exception that cannot travel back to the parent as itself. */
        static long unshippable(long n) {
            throw new UnshippableException("cannot ship " + n);
        }

        /** Ends the worker's JVM with exit code 42 for the input 3 (the fourth of 0, 1, 2, 3). */
        static int dieOnThree(int n) {
            if (n == 3) {
                System.exit(42);
            }
            return n;
        }
    }

    /** An exception with a field that does not serialize: the parent gets a RemoteException. */
    static final class UnshippableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial") // on purpose: this field is why it cannot be shipped
        private final Object notSerializable = new Object();

        UnshippableException(String message) {
            super(message);
        }

        Object notSerializable() {
            return notSerializable;
        }
    }

    /** Stands for a native library a worker loads once, in its initializer. */
    static final class Native {
        private Native() {
        }

        static void load() {
            System.setProperty("weft.snippets.native", "loaded");
        }

        static String loaded(int ignored) {
            return System.getProperty("weft.snippets.native", "not loaded");
        }
    }

    record Report(String file, int lines) implements Serializable {
        static Report build(String file) {
            return new Report(file, file.length());
        }
    }

    @Test
    void parallelPackage() throws InterruptedException {
        List<Long> inputs = List.of(1L, 2L, 3L, 4L);
        // @start region="parallel-package"
        List<Long> counts;
        List<Outcome<Long>> all;
        try (Pool pool = Pool.processes(2)) {                 // or Pool.threads(2)
            counts = pool.map(Work::countDown, List.of(5_000_000L, 3_000_000L, 6_000_000L));
            all = pool.mapOutcomes(Work::risky, inputs, 1);   // nothing thrown
        }
        JvmProcess<Long> one = JvmProcess.start(Work::countDown, 10_000_000L);
        long count = one.result();
        // @end
        assertEquals(List.of(5_000_000L, 3_000_000L, 6_000_000L), counts);
        assertEquals(Outcome.success(1L), all.get(0));
        assertInstanceOf(Outcome.Failure.class, all.get(2));
        assertEquals(Outcome.success(4L), all.get(3));
        assertEquals(10_000_000L, count);
    }

    @Test
    void pool() throws InterruptedException {
        Iterable<Long> hugeInput = () -> IntStream.range(0, 1_000).mapToObj(i -> (long) i).iterator();
        // @start region="pool"
        List<Long> counts;
        String first;
        Task<Long> one;
        try (Pool pool = Pool.processes(2)) {
            counts = pool.map(Work::countDown, List.of(5_000_000L, 3_000_000L));
            Iterator<String> lazily = pool.imap(Work::describe, hugeInput);   // reads input as it goes
            first = lazily.next();
            one = pool.applyAsync(Work::countDown, 10_000_000L);
        }   // close(): submitted work ends, then the workers stop
        // @end
        assertEquals(List.of(5_000_000L, 3_000_000L), counts);
        assertEquals("input 0", first);
        assertTrue(one.isDone(), "close() waited for the submitted task");
        assertEquals(10_000_000L, one.resultNow());
    }

    @Test
    void poolContext() throws InterruptedException {
        // @start region="pool-context"
        String seen;
        org.slf4j.MDC.put("requestId", "req-42");
        try (Pool pool = Pool.processes(2)) {
            seen = pool.apply(Work::requestId, 0L);   // in a child JVM, under the caller's MDC
        } finally {
            org.slf4j.MDC.remove("requestId");
        }
        // @end
        assertEquals("req-42", seen);
    }

    @Test
    void jvmProcess() throws InterruptedException {
        // @start region="jvm-process"
        JvmProcess<Long> process = JvmProcess.start(Work::countDown, 10_000_000L);
        process.pid();                       // the child's process id
        if (!process.join(Duration.ofSeconds(30))) {
            process.terminate();             // SIGTERM, as Process.terminate()
        }
        Long count = process.result();        // or TaskFailedException with the child's exception
        // @end
        assertEquals(10_000_000L, count);
        assertEquals(0, process.exitCode().orElseThrow());
        assertTrue(process.pid() > 0);
    }

    @Test
    void parallelExecution() throws InterruptedException {
        long failedAt = -1;
        Throwable cause = null;
        try (Pool pool = Pool.threads(2)) {
            // @start region="parallel-execution"
            try {
                pool.map(x -> 10 / x, List.of(5, 0, 2));
            } catch (ParallelExecutionException e) {
                failedAt = e.index();      // 1
                cause = e.getCause();      // java.lang.ArithmeticException: / by zero, as thrown in the worker
            }
            // @end
        }
        assertEquals(1L, failedAt);
        assertEquals("java.lang.ArithmeticException: / by zero", String.valueOf(cause));
    }

    @Test
    void processPoolOptions() throws InterruptedException {
        String loaded;
        // @start region="process-pool-options"
        ProcessPoolOptions options = ProcessPoolOptions.builder()
                .workers(2)
                .jvmArgs(List.of("-Xmx128m"))
                .maxTasksPerChild(1_000)
                .initializer(() -> Native.load())
                .taskTimeout(Duration.ofSeconds(30))
                .build();
        try (Pool pool = Pool.processes(options)) {
            loaded = pool.apply(Native::loaded, 0);   // "loaded": the initializer ran in the worker
        }
        // @end
        assertEquals("loaded", loaded);
        assertEquals("not loaded", Native.loaded(0), "the initializer runs in the children only");
    }

    @Test
    void closeIdleWorkers() throws InterruptedException {
        long first;
        long second;
        int stopped;
        // @start region="close-idle-workers"
        ProcessPoolOptions options = ProcessPoolOptions.builder()
                .workers(1)
                .keepIdleWorkers(Duration.ofSeconds(30))   // a closed pool's children wait 30 s for the next one
                .build();
        try (Pool pool = Pool.processes(options)) {
            first = pool.apply(x -> ProcessHandle.current().pid(), 0);
        }
        try (Pool pool = Pool.processes(options)) {        // same options: takes the kept child, in milliseconds
            second = pool.apply(x -> ProcessHandle.current().pid(), 0);
        }
        stopped = ProcessPoolOptions.closeIdleWorkers();   // 1: the kept child is stopped now, not in 30 s
        // @end
        assertEquals(first, second, "the second pool ran in the first pool's child");
        assertTrue(stopped >= 1);
        assertTrue(ProcessHandle.of(first).map(p -> !p.isAlive()).orElse(true), "stopped and waited for");
    }

    @Test
    void processPoolOptionsBuilder() {
        // @start region="process-pool-options-builder"
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(4).build();
        // @end
        assertEquals(4, options.workers());
        assertEquals(ProcessPoolOptions.DEFAULT_JVM_ARGS, options.jvmArgs());
    }

    @Test
    void progressListener() throws InterruptedException {
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> files = List.of("a.csv", "bb.csv", "ccc.csv");
        try (Pool pool = Pool.threads(2)) {
            // @start region="progress-listener"
            List<Report> reports = pool.map(Report::build, files,
                    (done, total) -> log.add(done + "/" + total + " files"));
            // @end
            assertEquals(List.of(new Report("a.csv", 5), new Report("bb.csv", 6), new Report("ccc.csv", 7)), reports);
        }
        assertTrue(log.contains("3/3 files"), log.toString());
        assertTrue(log.stream().allMatch(l -> l.endsWith("/3 files")), log.toString());
        ProgressListener silent = (done, total) -> { };
        silent.progress(0, 0);
    }

    @Test
    void processPoolFailures() throws InterruptedException {
        List<String> log = new ArrayList<>();
        SerializableFunction<Integer, Integer> fn = Work::dieOnThree;
        List<Integer> inputs = List.of(0, 1, 2, 3, 4);
        try (Pool pool = Pool.processes(2)) {
            // @start region="worker-died"
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(fn, inputs, 1);
            if (outcomes.get(3) instanceof Outcome.Failure<Integer> f
                    && f.error() instanceof WorkerDiedException died) {
                log.add("exit code " + died.exitCode().orElse(-1) + ", last lines " + died.stderrTail());
            }
            // @end
            assertEquals(Outcome.success(4), outcomes.get(4), "the pool replaced its worker");
            // @start region="remote-exception"
            try {
                pool.map(Work::unshippable, List.of(1L));
            } catch (ParallelExecutionException e) {
                if (e.getCause() instanceof RemoteException remote) {
                    log.add("worker threw " + remote.remoteClassName() + ": " + remote.remoteMessage());
                }
            }
            // @end
        }
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("exit code 42, last lines "), log.toString());
        assertEquals("worker threw " + UnshippableException.class.getName() + ": cannot ship 1", log.get(1));
    }

    @Test
    void serializableFunction() throws InterruptedException {
        try (Pool pool = Pool.threads(2)) {
            // @start region="serializable-function"
            SerializableFunction<Integer, Integer> square = x -> x * x;   // a serializable lambda
            List<Integer> squares = pool.map(square, List.of(1, 2, 3));
            // @end
            assertEquals(List.of(1, 4, 9), squares);
        }
    }

    @Test
    void serializableRunnable() {
        // @start region="serializable-runnable"
        ProcessPoolOptions options = ProcessPoolOptions.builder()
                .initializer(() -> System.setProperty("app.role", "worker"))
                .build();
        // @end
        SerializableRunnable initializer = options.initializer().orElseThrow();
        String before = System.getProperty("app.role");
        try {
            initializer.run();   // what each worker runs once, here in this JVM
            assertEquals("worker", System.getProperty("app.role"));
        } finally {
            if (before == null) {
                System.clearProperty("app.role");
            } else {
                System.setProperty("app.role", before);
            }
        }
    }

    @Test
    void job() throws Exception {
        try (Pool pool = Pool.threads(2)) {
            // @start region="job"
            Map<Long, List<Outcome<Integer>>> chunks = new ConcurrentHashMap<>();
            Pool.Job<Integer, Integer> job = pool.job(x -> x * x);
            job.submit(0, List.of(1, 2, 3), 2, chunks::put);   // chunks 0: [1, 4] and 2: [9], as they end
            // @end
            await().atMost(Duration.ofSeconds(30)).until(() -> chunks.size() == 2);
            job.release();
            assertEquals(List.of(1, 4), chunks.get(0L).stream().map(Outcome::getOrThrow).toList());
            assertEquals(List.of(9), chunks.get(2L).stream().map(Outcome::getOrThrow).toList());
        }
    }

    @Test
    void isIdle() throws Exception {
        try (Pool pool = Pool.threads(2)) {
            List<Long> inputs = List.of(1_000L, 2_000L, 3_000L);
            // @start region="is-idle"
            pool.mapAsync(Work::countDown, inputs);
            await().atMost(Duration.ofSeconds(30)).until(pool::isIdle);
            // @end
            assertTrue(pool.isIdle(), "nothing in flight once the map has reported");
        }
    }

    @Test
    void talkingProcess() throws InterruptedException {
        // @start region="talking-process"
        TalkingProcess<String, Integer, Integer> words = TalkingProcess.start((Pipe<Integer, String> parent) -> {
            int lines = 0;
            for (Optional<String> line; (line = parent.receive()).isPresent(); lines++) {
                parent.send(line.get().split(" ").length);     // to the parent
            }
            return lines;                                      // once the parent has closed its end
        });
        Pipe<String, Integer> pipe = words.pipe();              // Python: parent_conn
        pipe.send("le threading et les coroutines");
        int count = pipe.receive().orElseThrow();              // 5, counted in the child
        pipe.close();                                          // the child's receive() returns empty
        int lines = words.process().result();                  // 1
        // @end
        assertEquals(5, count);
        assertEquals(1, lines);
    }

    private static int failOnOdd(int x) {
        if (x % 2 == 1) {
            throw new IllegalArgumentException("odd: " + x);
        }
        return x;
    }

    @Test
    void poolStats() throws InterruptedException {
        try (Pool pool = Pool.threads(2)) {
            // @start region="pool-stats"
            pool.mapOutcomes(ParallelSnippets::failOnOdd, List.of(0, 1, 2, 3), 1);
            PoolStats stats = pool.stats();
            stats.tasksCompleted();   // 2
            stats.tasksFailed();      // 2
            stats.chunksCompleted();  // 4
            stats.busyWorkers();      // 0: nothing runs now
            // @end
            assertEquals(2, stats.tasksCompleted());
            assertEquals(2, stats.tasksFailed());
            assertEquals(4, stats.chunksCompleted());
            assertEquals(0, stats.busyWorkers());
            assertEquals(2, stats.idleWorkers());
            assertEquals(0, stats.queuedChunks());
        }
    }
}
