package dev.weft.benchmarks.compare;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import dev.weft.async.Async;
import dev.weft.benchmarks.parallel.CalculWhile;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.parallel.Pool;
import dev.weft.parallel.SerializableFunction;
import dev.weft.core.TaskScope;
import dev.weft.sync.Channel;
import dev.weft.sync.Event;
import dev.weft.sync.JoinableQueue;
import dev.weft.sync.Lock;
import dev.weft.sync.Semaphore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Java sides (weft and the raw JDK) of the side-by-side comparison: one workload a process,
 * printing one JSON line {@code {"times_ms": [...], "check": "...", "peak_rss_kb": N}} like
 * {@code benchmarks/python/compare.py}, with the same inputs and the same check value.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.compare.Workloads sleep-gather weft 10000 3
 * }</pre>
 */
public final class Workloads {
    static final List<Integer> WHILE_INPUTS = CalculWhile.NOMBRES;
    /** Maps run on the pool before the tiny-task timings, on both sides. */
    static final int TINY_WARM_UP_MAPS = 60;
    /** What a workload keeps open across its runs (a warm pool), closed when main ends. */
    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    private Workloads() {
    }

    /** What one timed run returns: the check value, and its own time when it measures inside. */
    private record Run(String check, double innerMillis) {
        static Run of(Object check) {
            return new Run(String.valueOf(check), -1);
        }
    }

    @FunctionalInterface
    private interface Once {
        Run run() throws Exception;
    }

    /**
     * Runs one workload and prints its JSON line.
     *
     * @param args workload, side, parameter, runs
     * @throws Exception if the workload fails
     */
    public static void main(String[] args) throws Exception {
        String workload = args[0];
        String side = args[1];
        String param = args[2];
        int runs = Integer.parseInt(args[3]);
        Once once = switch (workload) {
            case "sleep-gather" -> () -> Run.of(sleepGather(side, Integer.parseInt(param)));
            case "calcul_while" -> () -> Run.of(Long.toUnsignedString(
                    results(side, CalculWhile::run, WHILE_INPUTS).stream().mapToLong(Long::longValue).sum()));
            case "calcul_lourd" -> () -> Run.of(String.format(Locale.ROOT, "%.6e",
                    cpu(side, Workloads::calculLourd, lourdInputs(Integer.parseInt(param)))));
            case "tiny-tasks" -> {
                Pool pool = Pool.processes(2); // one warm pool for the warm-up and the timed maps
                OPEN.add(pool);
                for (int i = 0; i < TINY_WARM_UP_MAPS; i++) { // warm: children started and JIT-compiled
                    tinyTasks(pool, side, Integer.parseInt(param));
                }
                yield () -> tinyTasks(pool, side, Integer.parseInt(param));
            }
            case "worker-start" -> Workloads::workerStart;
            case "call" -> () -> Run.of(calls(side, Integer.parseInt(param)));
            case "producer-consumer" -> () -> Run.of(producerConsumer(side, Integer.parseInt(param)));
            default -> {
                if (workload.startsWith("sync-")) {
                    String[] tx = param.split("x");
                    yield () -> Run.of(syncOps(workload.substring(5), side, Integer.parseInt(tx[0]), Integer.parseInt(tx[1])));
                }
                throw new IllegalArgumentException("unknown workload " + workload);
            }
        };
        if (workload.equals("sleep-gather")) {
            sleepGather(side, Math.min(Integer.parseInt(param), 10_000)); // warm-up on at most 10,000 tasks
        } else if (!workload.equals("worker-start")) {
            once.run(); // warm-up
        }
        List<Double> times = new ArrayList<>();
        String check = "";
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Run run = once.run();
            double millis = run.innerMillis() >= 0 ? run.innerMillis() : (System.nanoTime() - start) / 1e6;
            times.add(millis);
            check = run.check();
        }
        for (AutoCloseable open : OPEN) {
            open.close();
        }
        System.out.println("{\"times_ms\": " + times.stream().map(t -> String.format(Locale.ROOT, "%.3f", t))
                .collect(Collectors.joining(", ", "[", "]")) + ", \"check\": \"" + check + "\", \"peak_rss_kb\": "
                + peakRssKb() + "}");
    }

    static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    // --- 1: N tasks that sleep 10 ms -----------------------------------------------------------

    static long sleepGather(String side, int n) throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int value = i;
            tasks.add(() -> {
                Thread.sleep(10);
                return value;
            });
        }
        long sum = 0;
        switch (side) {
            case "weft" -> {
                for (int v : Async.gather(tasks)) {
                    sum += v;
                }
            }
            case "jdk" -> {
                try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (Future<Integer> f : executor.invokeAll(tasks)) {
                        sum += f.get();
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown side " + side);
        }
        return sum;
    }

    // --- 2: calcul_while and calcul_lourd ------------------------------------------------------

    /**
     * The notebook's {@code calcul_lourd(range(n))}, summed: sum over x of x * x^(k^1.5 / k).
     *
     * @param n the size of the range
     * @return the sum of the notebook's result array
     */
    public static double calculLourd(int n) {
        double total = 0;
        for (int x = 0; x < n; x++) {
            for (int k = 1; k < 50; k++) {
                total += x * Math.pow(x, 1.0 / k * Math.pow(k, 1.5));
            }
        }
        return total;
    }

    static List<Integer> lourdInputs(int perMille) {
        return IntStream.of(1_000_000, 5_000_000, 4_000_000, 7_000_000).map(s -> (int) ((long) s * perMille / 1000))
                .boxed().toList();
    }

    static <R extends Number> double cpu(String side, SerializableFunction<Integer, R> fn, List<Integer> inputs)
            throws Exception {
        double sum = 0;
        for (R r : results(side, fn, inputs)) {
            sum += r.doubleValue();
        }
        return sum;
    }

    static <R> List<R> results(String side, SerializableFunction<Integer, R> fn, List<Integer> inputs) throws Exception {
        return switch (side) {
            case "jdk-seq" -> inputs.stream().map(fn).toList();
            case "jdk-pool" -> {
                ExecutorService executor = Executors.newFixedThreadPool(2);
                try {
                    List<Future<R>> futures = new ArrayList<>();
                    for (Integer x : inputs) {
                        futures.add(executor.submit(() -> fn.apply(x)));
                    }
                    List<R> out = new ArrayList<>();
                    for (Future<R> f : futures) {
                        out.add(f.get());
                    }
                    yield out;
                } finally {
                    executor.shutdown();
                }
            }
            case "weft-threads" -> {
                try (Pool pool = Pool.threads(2)) {
                    yield pool.map(fn, inputs);
                }
            }
            case "weft-processes" -> {
                try (Pool pool = Pool.processes(2)) {
                    yield pool.map(fn, inputs);
                }
            }
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
    }

    // --- 3: tiny tasks through a process pool, worker start ------------------------------------

    static int tiny(int x) {
        return x + 1;
    }

    /** One map of {@code n} tiny tasks through {@code pool}, which the caller keeps warm. */
    static Run tinyTasks(Pool pool, String side, int n) throws Exception {
        SerializableFunction<Integer, Integer> fn = Workloads::tiny;
        List<Integer> inputs = IntStream.range(0, n).boxed().toList();
        long start = System.nanoTime();
        List<Integer> results = side.equals("weft-processes-chunk1") ? pool.map(fn, inputs, 1) : pool.map(fn, inputs);
        double millis = (System.nanoTime() - start) / 1e6;
        return new Run(String.valueOf(results.stream().mapToLong(Integer::longValue).sum()), millis);
    }

    static Run workerStart() throws Exception {
        SerializableFunction<Integer, Integer> fn = Workloads::tiny;
        long start = System.nanoTime();
        try (Pool pool = Pool.processes(2)) {
            List<Integer> results = pool.map(fn, List.of(0, 1), 1);
            double millis = (System.nanoTime() - start) / 1e6;
            return new Run(String.valueOf(results.get(0) + results.get(1)), millis);
        }
    }

    // --- 4: lock / semaphore / event / queue throughput ----------------------------------------

    @FunctionalInterface
    private interface Body {
        void run(int ops) throws Exception;
    }

    static long syncOps(String primitive, String side, int threads, int ops) throws Exception {
        boolean weft = side.equals("weft");
        Body body = switch (primitive) {
            case "lock" -> {
                if (weft) {
                    Lock lock = new Lock();
                    yield n -> {
                        for (int i = 0; i < n; i++) {
                            lock.acquire();
                            lock.release();
                        }
                    };
                }
                ReentrantLock lock = new ReentrantLock();
                yield n -> {
                    for (int i = 0; i < n; i++) {
                        lock.lockInterruptibly();
                        lock.unlock();
                    }
                };
            }
            case "semaphore" -> {
                if (weft) {
                    Semaphore sem = new Semaphore(1);
                    yield n -> {
                        for (int i = 0; i < n; i++) {
                            sem.acquire();
                            sem.release();
                        }
                    };
                }
                java.util.concurrent.Semaphore sem = new java.util.concurrent.Semaphore(1);
                yield n -> {
                    for (int i = 0; i < n; i++) {
                        sem.acquire();
                        sem.release();
                    }
                };
            }
            case "event" -> {
                if (weft) {
                    Event event = new Event();
                    yield n -> {
                        for (int i = 0; i < n; i++) {
                            event.set();
                            if (!event.isSet()) {
                                throw new IllegalStateException();
                            }
                        }
                    };
                }
                CountDownLatch latch = new CountDownLatch(1);
                yield n -> {
                    for (int i = 0; i < n; i++) {
                        latch.countDown();
                        if (latch.getCount() != 0) {
                            throw new IllegalStateException();
                        }
                    }
                };
            }
            case "queue" -> {
                if (weft) {
                    JoinableQueue<Integer> q = JoinableQueue.fifo();
                    yield n -> {
                        for (int i = 0; i < n; i++) {
                            q.put(i);
                            q.get();
                        }
                    };
                }
                LinkedBlockingQueue<Integer> q = new LinkedBlockingQueue<>();
                yield n -> {
                    for (int i = 0; i < n; i++) {
                        q.put(i);
                        q.take();
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown primitive " + primitive);
        };
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    body.run(ops);
                } catch (Exception e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return (long) threads * ops;
    }

    // --- 5: a cached call and a timed call -----------------------------------------------------

    static int square(int x) {
        return x * x;
    }

    static long calls(String side, int n) throws Exception {
        Function<Integer, Integer> fn = switch (side) {
            case "jdk-plain" -> Workloads::square;
            case "weft-lru-hit" -> Decorate.function("square", Workloads::square, Decorators.lruCache(128));
            case "guava-hit" -> {
                LoadingCache<Integer, Integer> cache = CacheBuilder.newBuilder().maximumSize(128)
                        .build(CacheLoader.from(Workloads::square));
                yield cache::getUnchecked;
            }
            case "weft-timed" -> Decorate.function("square", Workloads::square,
                    Decorators.timed((String name, Duration d) -> { }));
            case "jdk-timed" -> x -> {
                long start = System.nanoTime();
                try {
                    return square(x);
                } finally {
                    if (System.nanoTime() - start < 0) {
                        throw new IllegalStateException("clock went back");
                    }
                }
            };
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
        fn.apply(7);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += fn.apply(7);
        }
        return total;
    }

    // --- 6: producer/consumer through a bounded buffer of 16 -----------------------------------

    static long producerConsumer(String side, int n) throws Exception {
        return switch (side) {
            case "weft-channel" -> {
                try (TaskScope scope = TaskScope.open()) {
                    Channel<Integer> ch = Channel.produce(scope, 16, out -> {
                        for (int i = 0; i < n; i++) {
                            out.send(i);
                        }
                    });
                    long total = 0;
                    for (int x : ch) {
                        total += x;
                    }
                    scope.join();
                    yield total;
                }
            }
            case "jdk-abq" -> {
                ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(16);
                Thread producer = Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < n; i++) {
                            q.put(i);
                        }
                        q.put(-1); // the end: a BlockingQueue has no close
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                long total = 0;
                for (int x; (x = q.take()) >= 0; ) {
                    total += x;
                }
                producer.join();
                yield total;
            }
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
    }
}
