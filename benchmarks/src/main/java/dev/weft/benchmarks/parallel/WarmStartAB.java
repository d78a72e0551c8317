package dev.weft.benchmarks.parallel;

import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What each warm-start mechanism of {@code Pool.processes} buys, A/B, each sample in a fresh JVM
 * (so "first pool" is a JVM's first): the configurations run alternately, round after round, so
 * that the load of a shared machine falls on all of them alike; the medians are printed as a
 * Markdown table.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.parallel.WarmStartAB [rounds] [--first-only]
 * }</pre>
 *
 * <p>Each sample measures, in one JVM: the first {@code Pool.processes(2)} from the call until a
 * first {@code map} of 2 inputs returned; a second pool with the same options, the same way; and
 * the notebook's {@code calcul_while} on a new {@code Pool.processes(2)} (start and close
 * included, the median of 5 pools after those two) next to the same on a new {@code Pool.threads(2)};
 * then, with {@code maxTasksPerChild(1)}, a map of 8 inputs in chunks of 1 (every chunk a new child).
 * The start-up cache lives in a temporary directory, made by a priming JVM before the rounds.
 */
public final class WarmStartAB {
    private static final List<String> COLUMNS = List.of("first", "second", "calcul_processes", "calcul_threads",
            "retire8");

    /** The configurations: name → probe arguments. */
    private static final Map<String, List<String>> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put("none (as before)", List.of("cache=false", "keep=0", "spares=0"));
        CONFIGS.put("startup cache", List.of("cache=true", "keep=0", "spares=0"));
        CONFIGS.put("keep idle workers", List.of("cache=false", "keep=10", "spares=0"));
        CONFIGS.put("cache + keep", List.of("cache=true", "keep=10", "spares=0"));
        CONFIGS.put("cache + keep + 1 spare", List.of("cache=true", "keep=10", "spares=1"));
        CONFIGS.put("cache + keep, C2 from the start (no CompileThresholdScaling)",
                List.of("cache=true", "keep=10", "spares=0", "jit=plain"));
        CONFIGS.put("cache + keep, C1 only (TieredStopAtLevel=1)",
                List.of("cache=true", "keep=10", "spares=0", "jit=c1"));
    }

    private WarmStartAB() {
    }

    /**
     * Runs the A/B rounds, or one probe.
     *
     * @param args {@code [rounds]}, or {@code probe key=value...}
     * @throws Exception if a probe fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe(Arrays.asList(args).subList(1, args.length));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        boolean firstOnly = Arrays.asList(args).contains("--first-only");
        Path cache = Files.createTempDirectory("weft-warmstart-cache");
        // Priming: one JVM per JIT setting makes its start-up cache (a cache is per JVM arguments).
        for (String jit : List.of("default", "plain", "c1")) {
            run(cache, List.of("cache=true", "keep=0", "spares=0", "jit=" + jit, "prime=true"));
        }
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> config : CONFIGS.entrySet()) {
                if (firstOnly && config.getKey().contains("keep")) {
                    continue; // a JVM's first pool: keeping workers cannot change it
                }
                List<String> settings = new ArrayList<>(config.getValue());
                if (firstOnly) {
                    settings.add("only=first");
                }
                samples.computeIfAbsent(config.getKey(), k -> new ArrayList<>()).add(run(cache, settings));
            }
            System.err.println("round " + (round + 1) + "/" + rounds + " done");
        }
        System.out.println("| configuration | first pool, until first map (ms) | second pool (ms) | calcul_while, new "
                + "Pool.processes(2) (ms) | calcul_while, new Pool.threads(2) (ms) | processes / threads | 8 chunks, "
                + "maxTasksPerChild(1) (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> config : samples.entrySet()) {
            double[] m = new double[COLUMNS.size()];
            for (int c = 0; c < m.length; c++) {
                int column = c;
                m[c] = median(config.getValue().stream().mapToDouble(s -> s[column]).toArray());
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f× | %.0f |%n", config.getKey(), m[0],
                    m[1], m[2], m[3], m[2] / m[3], m[4]);
        }
        System.out.println();
        System.out.println(Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + rounds
                + " rounds, medians");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double[] run(Path cache, List<String> config) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dweft.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"),
                WarmStartAB.class.getName(), "probe"));
        command.addAll(config);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("probe " + config + " failed: " + out);
        }
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("probe " + config + " said: " + out));
        return Arrays.stream(line.substring(7).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void probe(List<String> settings) throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        for (String s : settings) {
            set.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        List<String> jvmArgs = new ArrayList<>(ProcessPoolOptions.DEFAULT_JVM_ARGS);
        switch (set.getOrDefault("jit", "default")) {
            case "plain" -> jvmArgs.remove("-XX:CompileThresholdScaling=3");
            case "c1" -> {
                jvmArgs.remove("-XX:CompileThresholdScaling=3");
                jvmArgs.add("-XX:TieredStopAtLevel=1");
            }
            default -> { }
        }
        ProcessPoolOptions.Builder builder = ProcessPoolOptions.builder().workers(2).jvmArgs(jvmArgs)
                .startupCache(Boolean.parseBoolean(set.get("cache")))
                .keepIdleWorkers(Duration.ofSeconds(Long.parseLong(set.get("keep"))))
                .spareWorkers(Integer.parseInt(set.get("spares")));
        ProcessPoolOptions options = builder.build();
        long cachesBefore = countCaches(Path.of(System.getProperty("weft.cache.dir")));
        double first = firstMap(options);
        if (set.containsKey("only")) {
            System.out.printf(Locale.ROOT, "RESULT %.3f 0 0 0 0%n", first);
            return;
        }
        double second = firstMap(options);
        if (set.containsKey("prime")) {
            Path dir = Path.of(System.getProperty("weft.cache.dir"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try (Pool pool = Pool.processes(options)) {
                pool.map(x -> x + 1, List.of(1, 2), 1);
                while (System.nanoTime() < deadline && countCaches(dir) <= cachesBefore) {
                    Thread.sleep(50); // a benchmark waiting for the background cache, not a synchronisation
                }
            }
            System.out.println("RESULT 0 0 0 0 0");
            ProcessPoolOptions.closeIdleWorkers();
            return;
        }
        double[] processes = new double[5];
        double[] threads = new double[5];
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (Pool pool = Pool.processes(options)) {
                pool.map(CalculWhile::run, CalculWhile.NOMBRES);
            }
            processes[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            try (Pool pool = Pool.threads(2)) {
                pool.map(CalculWhile::run, CalculWhile.NOMBRES);
            }
            threads[i] = (System.nanoTime() - t0) / 1e6;
        }
        ProcessPoolOptions retiring = ProcessPoolOptions.builder().workers(2).jvmArgs(jvmArgs)
                .startupCache(Boolean.parseBoolean(set.get("cache"))).keepIdleWorkers(Duration.ZERO)
                .maxTasksPerChild(1).spareWorkers(Integer.parseInt(set.get("spares"))).build();
        long t0 = System.nanoTime();
        try (Pool pool = Pool.processes(retiring)) {
            pool.map(x -> x + 1, List.of(1, 2, 3, 4, 5, 6, 7, 8), 1);
        }
        double retire = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "RESULT %.3f %.3f %.3f %.3f %.3f%n", first, second, median(processes),
                median(threads), retire);
        ProcessPoolOptions.closeIdleWorkers();
    }

    private static long countCaches(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("children-[0-9a-f-]+\\.(aot|jsa)")).count();
        }
    }

    private static double firstMap(ProcessPoolOptions options) throws InterruptedException {
        long t0 = System.nanoTime();
        double elapsed;
        Pool pool = Pool.processes(options);
        try {
            pool.map(x -> x + 1, List.of(1, 2), 1);
            elapsed = (System.nanoTime() - t0) / 1e6;
        } finally {
            pool.close();
        }
        return elapsed;
    }
}
