package dev.weft.benchmarks.parallel;

import dev.weft.async.Async;
import dev.weft.parallel.Pool;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * How cost grows with the size of the work: each row in a JVM of its own, with the heap it is
 * given, its time (the median of the timed runs after one warm-up run, in one JVM) and the peak of
 * the heap's use over the timed runs (the sum of the heap pools' peaks: what the collector let it
 * reach, so an upper bound of what it needs). Printed as a Markdown table.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.parallel.ScalingTable [--quick]
 * }</pre>
 *
 * <p>Rows: {@code Async.gather} of tasks sleeping 10 ms next to the same tasks on a raw
 * {@code newVirtualThreadPerTaskExecutor} (10k / 100k / 1M); {@code map(x -> x + 1)} over tiny
 * inputs on {@code Pool.threads(2)} and on a warm {@code Pool.processes(2)} (1k / 100k / 1M,
 * default chunks); and {@code imap} over 10,000,000 inputs that are never held in a list, in a
 * JVM of {@code -Xmx64m}, in chunks of 1,000.
 */
public final class ScalingTable {
    /** The rows' start-up cache: a temporary directory, not the user's. */
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "weft-scaling-table-cache");

    private ScalingTable() {
    }

    /** One row: what, how big, the heap, how many timed runs. */
    private record Row(String workload, String side, int size, String xmx, int runs) {
    }

    /**
     * Runs every row, or one ({@code row <workload> <side> <size> <runs>}).
     *
     * @param args {@code [--quick]}, or a row
     * @throws Exception if a row fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("row")) {
            row(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        boolean quick = Arrays.asList(args).contains("--quick");
        List<Row> rows = new ArrayList<>();
        for (int n : quick ? new int[] {10_000} : new int[] {10_000, 100_000, 1_000_000}) {
            String xmx = n >= 1_000_000 ? "-Xmx2g" : "-Xmx512m";
            int runs = n >= 1_000_000 ? 3 : 5;
            rows.add(new Row("gather", "weft", n, xmx, runs));
            rows.add(new Row("gather", "raw", n, xmx, runs));
        }
        for (int n : quick ? new int[] {1_000} : new int[] {1_000, 100_000, 1_000_000}) {
            String xmx = n >= 1_000_000 ? "-Xmx1g" : "-Xmx256m";
            rows.add(new Row("map", "threads", n, xmx, 5));
            rows.add(new Row("map", "processes", n, xmx, 5));
        }
        rows.add(new Row("imap", "processes", quick ? 100_000 : 10_000_000, "-Xmx64m", 1));
        rows.add(new Row("imap", "threads", quick ? 100_000 : 10_000_000, "-Xmx64m", 1));
        System.out.println("| workload | side | size | heap given | time (ms) | per item (µs) | peak heap used (MiB) |");
        System.out.println("|---|---|---:|---|---:|---:|---:|");
        for (Row row : rows) {
            String result = run(row);
            String[] f = result.split(" ");
            double millis = Double.parseDouble(f[0]);
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %.1f | %.2f | %.0f |%n", row.workload(), row.side(),
                    row.size(), row.xmx(), millis, millis * 1000 / row.size(), Double.parseDouble(f[1]));
        }
        System.out.println();
        System.out.println(Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    private static String run(Row row) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), row.xmx(),
                "-Dweft.cache.dir=" + CACHE, "-cp", System.getProperty("java.class.path"), ScalingTable.class.getName(), "row", row.workload(),
                row.side(), String.valueOf(row.size()), String.valueOf(row.runs()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(row + " failed: " + out);
        }
        return out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(row + " said: " + out)).substring(7);
    }

    private static void row(String workload, String side, int size, int runs) throws Exception {
        try (Pool pool = side.equals("processes") ? Pool.processes(2) : side.equals("threads") ? Pool.threads(2) : null) {
            Callable<Long> once = switch (workload) {
                case "gather" -> gather(side, size);
                case "map" -> () -> pool.map(x -> x + 1, IntStream.range(0, size).boxed().toList())
                        .stream().mapToLong(Integer::longValue).sum();
                case "imap" -> () -> imapSum(pool, size);
                default -> throw new IllegalArgumentException(workload);
            };
            if (!workload.equals("imap")) {
                once.call(); // warm-up: the pool's children are up, the code is compiled
            }
            System.gc();
            resetPeaks();
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                once.call();
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "RESULT %.3f %.1f%n", times[runs / 2], peakHeapMiB());
        }
    }

    private static Callable<Long> gather(String side, int size) {
        Callable<Integer> sleep10ms = () -> {
            Thread.sleep(10); // the workload
            return 1;
        };
        return () -> {
            List<Callable<Integer>> work = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                work.add(sleep10ms);
            }
            if (side.equals("weft")) {
                return Async.gather(work).stream().mapToLong(Integer::longValue).sum();
            }
            long sum = 0;
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Integer>> futures = new ArrayList<>(size);
                for (Callable<Integer> task : work) {
                    futures.add(executor.submit(task));
                }
                for (Future<Integer> future : futures) {
                    sum += future.get();
                }
            }
            return sum;
        };
    }

    /** Sums {@code imap(x -> x + 1)} over {@code 0..size-1}, an input that is never held whole. */
    private static long imapSum(Pool pool, int size) throws InterruptedException {
        Iterable<Integer> inputs = () -> IntStream.range(0, size).boxed().iterator();
        Iterator<Integer> results = pool.imap(x -> x + 1, inputs, 1_000);
        long sum = 0;
        while (results.hasNext()) {
            sum += results.next();
        }
        long expected = (long) size * (size + 1) / 2;
        if (sum != expected) {
            throw new IllegalStateException("imap summed " + sum + ", not " + expected);
        }
        return sum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
