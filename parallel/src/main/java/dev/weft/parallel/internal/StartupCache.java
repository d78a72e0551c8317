package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.LazyLogger;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.parallel.SerializableFunction;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The JDK's own start-up cache for the classes of weft's child JVMs: an ahead-of-time cache
 * ({@code -XX:AOTCache}, JEP 483/514/515: classes loaded and linked, with method profiles) on a
 * JDK 25 or later, a dynamic AppCDS archive ({@code -XX:SharedArchiveFile}) on 21 to 24. One file
 * per class path (each jar's path, size and modification time), JDK and JVM arguments, in the user's
 * cache directory ({@value #DIR_PROPERTY}, else {@code $XDG_CACHE_HOME/weft}, else
 * {@code ~/.cache/weft}).
 *
 * <pre>{@code
 * StartupCache.Plan plan = StartupCache.plan(LaunchLayout.current(), jvmArgs);
 * List<String> args = plan.jvmArgs();   // with -XX:AOTCache=... when the cache is there
 * plan.childReady();                    // no cache yet: a training child makes it, later, in the background
 * }</pre>
 *
 * <p>Never on the caller's path and never a reason to fail: the cache is made by a training child
 * of its own (weft's worker loading, not initializing, the class of this JVM's first pool's lambda,
 * then running a few small chunks), started in the background a moment after a first child said
 * READY, whose file is moved in place only once complete. Until then, and whenever
 * it cannot be (a class path with a directory or without jars, a module path, JVM arguments that
 * choose their own class-data sharing, a directory that cannot be written, a training run that
 * fails), children start as they would without it, and the reason is logged at DEBUG once. A
 * cache the JVM cannot map (stale, truncated, corrupt) is ignored by the JVM itself
 * ({@code -XX:AOTMode=auto}, {@code -Xshare:auto}); its messages about it are switched off, so they
 * never reach the pool's stderr sink.
 */
final class StartupCache {
    private static final LazyLogger log = LazyLogger.of(StartupCache.class);

    /** The system property naming the cache directory (tests point it at a temporary one). */
    static final String DIR_PROPERTY = "weft.cache.dir";
    /** How long after a child's READY the training child starts: the first pool's work goes first. */
    static final Duration TRAINING_DELAY = Duration.ofSeconds(1);
    private static final Duration TRAINING_LIMIT = Duration.ofSeconds(60);
    /** Silences the JVM's own report of a cache it cannot use; it then starts without it. */
    static final String QUIET = "-Xlog:aot*=off,cds*=off:stderr";
    /** JVM arguments that choose class-data sharing for themselves: the cache stays out of their way. */
    private static final List<String> USER_CHOSEN = List.of("-Xshare:on", "-Xshare:off", "-Xshare:dump",
            "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:AOT",
            "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:+RecordDynamicDumpInfo");
    /** Reasons already logged, once each. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    /**
     * The class that declares this JVM's first pool's function (a capture-free lambda), which a
     * training run loads, not initialized, so that a child finds it in the cache instead of reading
     * the class path's jars for it at its first chunk; null until a pool sent one.
     */
    private static volatile String firstFunctionClass;
    /** Training runs of this JVM, by the cache file they make: each file is made once at most. */
    private static final Map<Path, Training> TRAININGS = new ConcurrentHashMap<>();

    /** Which of the JDK's caches, by the JDK's feature release. */
    enum Flavour {
        /** JDK 25+: {@code -XX:AOTCache}, made with {@code -XX:AOTCacheOutput}. */
        AOT(".aot", "-XX:AOTCache=", "-XX:AOTCacheOutput="),
        /** JDK 21-24: {@code -XX:SharedArchiveFile}, made with {@code -XX:ArchiveClassesAtExit}. */
        APPCDS(".jsa", "-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=");

        final String suffix;
        final String use;
        final String create;

        Flavour(String suffix, String use, String create) {
            this.suffix = suffix;
            this.use = use;
            this.create = create;
        }

        static Flavour of(int feature) {
            return feature >= 25 ? AOT : APPCDS;
        }
    }

    /**
     * How one child starts.
     *
     * @param jvmArgs the JVM arguments to start it with: the user's, with the cache's flags when it is there
     * @param cache the cache file, when one applies to this launch (there or still to be made), else null
     * @param training what makes the cache, when it is not there yet, else null
     */
    record Plan(List<String> jvmArgs, Path cache, Training training) {
        /** {@return whether the child starts with the cache} */
        boolean usesCache() {
            return cache != null && training == null;
        }

        /** The child said READY: the cache, if missing, is made in the background (once per file). */
        void childReady() {
            if (training != null) {
                training.startOnce();
            }
        }
    }

    private StartupCache() {
    }

    /**
     * {@return how a child of this layout with {@code jvmArgs} starts}: with the cache if it is
     * there, else as asked, with a training run to make it when it can be made.
     *
     * @param layout how the child is launched
     * @param jvmArgs the user's JVM arguments
     */
    static Plan plan(LaunchLayout layout, List<String> jvmArgs) {
        return plan(layout, jvmArgs, Runtime.version().feature(), directory());
    }

    /** {@link #plan(LaunchLayout, List)} for a JDK release and a cache directory (tests). */
    static Plan plan(LaunchLayout layout, List<String> jvmArgs, int feature, Optional<Path> directory) {
        Optional<String> why = unsupported(layout, jvmArgs, feature);
        if (why.isEmpty() && directory.isEmpty()) {
            why = Optional.of("no cache directory (neither " + DIR_PROPERTY + ", XDG_CACHE_HOME nor user.home)");
        }
        if (why.isPresent()) {
            debugOnce("Child JVMs start without a start-up cache: " + why.orElseThrow());
            return new Plan(jvmArgs, null, null);
        }
        Flavour flavour = Flavour.of(feature);
        List<String> shared = withoutAutoShare(jvmArgs);
        Path cache = directory.orElseThrow().resolve(key(layout, shared) + flavour.suffix);
        if (Files.isRegularFile(cache) && Files.isReadable(cache)) {
            List<String> args = new ArrayList<>(shared);
            args.add(QUIET);
            args.add(flavour.use + cache);
            return new Plan(List.copyOf(args), cache, null);
        }
        Training training = TRAININGS.computeIfAbsent(cache, file -> new Training(layout, shared, flavour, file));
        return training.isOver() ? new Plan(jvmArgs, null, null) : new Plan(jvmArgs, cache, training);
    }

    /**
     * {@return why this launch cannot have a cache, if it cannot}
     *
     * @param feature the JDK's feature release
     */
    static Optional<String> unsupported(LaunchLayout layout, List<String> jvmArgs, int feature) {
        if (feature < 21) {
            return Optional.of("JDK " + feature + " is older than 21");
        }
        for (String arg : jvmArgs) {
            for (String chosen : USER_CHOSEN) {
                if (arg.startsWith(chosen)) {
                    return Optional.of("the JVM arguments choose their own class-data sharing (" + arg + ")");
                }
            }
        }
        if (!layout.modulePath().isEmpty() || !layout.mainModule().isEmpty() || !layout.upgradeModulePath().isEmpty()) {
            return Optional.of("weft runs on a module path (the cache is made for a class path of jars only)");
        }
        if (layout.classPath().isEmpty()) {
            return Optional.of("the class path is empty");
        }
        for (String entry : layout.classPath().split(File.pathSeparator, -1)) {
            Path path = Path.of(entry.isEmpty() ? "." : entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                return Optional.of("the class path has " + (Files.isDirectory(path) ? "the directory " : "the entry ")
                        + entry + ", and the JDK's cache takes jars only");
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the cache directory}: the system property {@value #DIR_PROPERTY}, else
     * {@code $XDG_CACHE_HOME/weft}, else {@code ~/.cache/weft}.
     */
    static Optional<Path> directory() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "weft"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "weft"));
    }

    /** {@return the user's arguments without {@code -Xshare:auto}, which the JDK's AOT flags refuse beside them} */
    static List<String> withoutAutoShare(List<String> jvmArgs) {
        List<String> kept = new ArrayList<>(jvmArgs.size()); // a loop, not a stream: this runs at a JVM's first spawn
        for (String arg : jvmArgs) {
            if (!arg.equals("-Xshare:auto")) {
                kept.add(arg);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * {@return the cache's name for a launch}: a hash of the JDK, the {@code java} run, every jar of
     * the class path with its size and modification time, the JVM arguments and the flags the parent
     * passes on; any change gives another file.
     */
    static String key(LaunchLayout layout, List<String> jvmArgs) {
        StringBuilder text = new StringBuilder();
        text.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.vm.version"))
                .append('\n').append(layout.javaExecutable()).append('\n');
        for (String entry : layout.classPath().split(File.pathSeparator, -1)) {
            Path path = Path.of(entry).toAbsolutePath();
            File file = path.toFile();
            text.append(path).append('|').append(file.length()).append('|').append(file.lastModified()).append('\n');
        }
        for (String arg : jvmArgs) {
            text.append(arg).append('\n');
        }
        for (String arg : layout.passedOnFlags()) {
            text.append(arg).append('\n');
        }
        // Not a cryptographic hash (whose provider costs a cold JVM milliseconds on the caller's path): a
        // file named by a collision would be a cache for another class path, which the JVM refuses.
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return "children-" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(text.toString().hashCode())
                + "-" + Integer.toHexString(bytes.length);
    }

    /**
     * Stops every training run of this JVM (killing its child) and waits until they have ended.
     *
     * @return how many were stopped
     */
    static int stopTrainings() {
        int stopped = 0;
        for (Training training : TRAININGS.values()) {
            if (training.stop()) {
                stopped++;
            }
        }
        TRAININGS.values().removeIf(Training::isOver);
        return stopped;
    }

    /**
     * Waits until the training runs started so far have ended (tests).
     *
     * @param timeout how long to wait at most
     * @return true if they all ended
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean awaitTrainings(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Training training : TRAININGS.values()) {
            if (training.started() && !training.done.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Forgets what this JVM tried (tests: a new cache directory starts afresh). */
    static void forget() {
        stopTrainings();
        TRAININGS.clear();
        LOGGED.clear();
        firstFunctionClass = null;
    }

    private static void debugOnce(String message) {
        if (LOGGED.add(message)) {
            log.debug(message);
        }
    }

    /**
     * Notes the class of a pool's function, as {@link ChunkCodec#function} encoded it, for the
     * training runs: the first capture-free lambda of this JVM's pools is the one kept.
     *
     * @param function the encoded function
     */
    static void noteFunction(byte[] function) {
        if (firstFunctionClass == null) {
            String name = FunctionCodec.capturingClass(function);
            if (name != null) {
                firstFunctionClass = name; // a race keeps one of two first functions: either will do
            }
        }
    }

    /** {@return the class {@link #noteFunction} kept, or null} */
    static String firstFunctionClass() {
        return firstFunctionClass;
    }

    /** The capture-free function the training child runs: it travels as its names, as a user's lambda does. */
    static Object train(Object input) {
        return input instanceof Integer i ? Integer.valueOf(i + 1) : String.valueOf(input);
    }

    /** {@return {@link #train} as a task, made here, so that a child finds the class that rebuilds it} */
    static SerializableFunction<Object, Object> trainingTask() {
        return StartupCache::train;
    }

    /**
     * One training run: a child JVM like a worker, with the cache's output flag, that runs a few
     * chunks and exits; the JVM writes the cache at its exit, into a temporary file that is moved
     * to its name once the child ended well.
     */
    static final class Training {
        private final LaunchLayout layout;
        private final List<String> jvmArgs;
        private final Flavour flavour;
        private final Path cache;
        private final ReentrantLock lock = new ReentrantLock();
        private final CountDownLatch cancelled = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        private Thread thread;
        private Process process;
        private boolean over;

        Training(LaunchLayout layout, List<String> jvmArgs, Flavour flavour, Path cache) {
            this.layout = layout;
            this.jvmArgs = jvmArgs;
            this.flavour = flavour;
            this.cache = cache;
        }

        boolean started() {
            lock.lock();
            try {
                return thread != null;
            } finally {
                lock.unlock();
            }
        }

        boolean isOver() {
            lock.lock();
            try {
                return over;
            } finally {
                lock.unlock();
            }
        }

        void startOnce() {
            lock.lock();
            try {
                if (thread != null || over) {
                    return;
                }
                thread = ThreadKind.PLATFORM.newThread("weft-startup-cache", this::run);
                thread.start();
            } finally {
                lock.unlock();
            }
        }

        /** Stops the run if it is under way; {@return whether it was} */
        boolean stop() {
            Thread running;
            lock.lock();
            try {
                running = over ? null : thread;
                over = true;
                if (process != null) {
                    process.destroyForcibly();
                }
            } finally {
                lock.unlock();
            }
            cancelled.countDown();
            if (running != null) {
                Uninterruptibly.join(running);
                return true;
            }
            return false;
        }

        private void run() {
            try {
                if (!Uninterruptibly.await(cancelled, TRAINING_DELAY)) {
                    make();
                }
            } catch (IOException | RuntimeException e) {
                debugOnce("The start-up cache " + cache + " could not be made: " + e);
            } finally {
                lock.lock();
                try {
                    over = true;
                } finally {
                    lock.unlock();
                }
                done.countDown();
            }
        }

        private void make() throws IOException {
            Files.createDirectories(cache.getParent());
            deleteAbandoned();
            Path temporary = cache.resolveSibling(cache.getFileName() + ".tmp" + ProcessHandle.current().pid());
            Files.deleteIfExists(temporary);
            List<String> args = new ArrayList<>(jvmArgs);
            args.add(QUIET);
            args.add(flavour.create + temporary);
            ProcessBuilder builder = new ProcessBuilder(layout.command(ChildJvm.CHANNEL_FLAGS, args, WorkerMain.class,
                    List.of()));
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process child;
            lock.lock();
            try {
                if (over) {
                    return;
                }
                child = builder.start();
                process = child;
            } finally {
                lock.unlock();
            }
            ChildRegistry.add(child);
            try {
                feed(child);
                boolean ended = Uninterruptibly.run(nanos -> child.waitFor(nanos, TimeUnit.NANOSECONDS), TRAINING_LIMIT);
                if (!ended) {
                    child.destroyForcibly();
                    debugOnce("The training run for the start-up cache " + cache + " took over " + TRAINING_LIMIT);
                } else if (child.exitValue() == 0 && Files.isRegularFile(temporary) && Files.size(temporary) > 0) {
                    moveInPlace(temporary);
                    log.debug("Made the start-up cache {} for child JVMs", cache);
                } else {
                    debugOnce("The training run for the start-up cache " + cache + " ended with exit code "
                            + child.exitValue() + " and no cache");
                }
            } finally {
                Uninterruptibly.run(nanos -> child.waitFor(nanos, TimeUnit.NANOSECONDS), TRAINING_LIMIT);
                ChildRegistry.remove(child);
                Files.deleteIfExists(temporary);
                Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + ".config"));
            }
        }

        /**
         * Deletes the temporary files of this cache that a training run of another JVM left, when
         * that JVM exited before its run ended (its shutdown hook kills the training child): those
         * older than a run may take.
         */
        private void deleteAbandoned() throws IOException {
            String prefix = cache.getFileName() + ".tmp";
            long before = System.currentTimeMillis() - TRAINING_LIMIT.toMillis();
            try (var files = Files.list(cache.getParent())) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    if (Files.getLastModifiedTime(file).toMillis() < before) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }

        /**
         * Has the child load the class of this JVM's first function, if any (not initialized: no
         * user code runs), sends a few chunks, as a pool would, then ends the child's input: it
         * answers and exits.
         */
        private static void feed(Process child) {
            byte[] function = ChunkCodec.function(trainingTask(), ChunkCodec.CHILD_JVM);
            try (OutputStream out = child.getOutputStream()) {
                Frames.Writer writer = new Frames.Writer(out);
                String preload = firstFunctionClass;
                if (preload != null) {
                    byte[] name = preload.getBytes(StandardCharsets.UTF_8);
                    writer.bytes(Frames.PRELOAD, name, 0, name.length);
                }
                for (int chunk = 0; chunk < 3; chunk++) {
                    byte[] inputs = ChunkCodec.inputs(List.of(chunk, "x" + chunk), 2L * chunk, ChunkCodec.CHILD_JVM);
                    writer.task(chunk + 1, 2L * chunk, 1, chunk == 0 ? function : null, inputs);
                }
                writer.flush();
            } catch (IOException e) {
                log.debug("The training child for a start-up cache is gone before its input ended", e);
            }
        }

        private void moveInPlace(Path temporary) throws IOException {
            try {
                Files.move(temporary, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
