package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.launch.TestApps;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StartupCache}: made in the background by a training child, used by the children started
 * after it, a new file when the class path changes, and every way it cannot be had falls back to a
 * plain start. The children here run from a jar of weft's classes (the JDK's cache takes jars
 * only; the test JVM's own class path is directories), with their cache in a temporary directory.
 */
class StartupCacheTest {
    private static final List<String> ARGS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:TieredStopAtLevel=1");
    private static final int JDK = Runtime.version().feature();

    @TempDir
    static Path shared;
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void packWeft() throws IOException {
        List<Path> contents = new ArrayList<>(TestApps.weftPath());
        jar = TestApps.jar(shared.resolve("weft-all.jar"), Map.of(), List.of(), contents);
    }

    @AfterEach
    void forget() {
        StartupCache.forget();
    }

    private static LaunchLayout layout(String classPath) {
        return new LaunchLayout(TestApps.java(), classPath, "", "", "", List.of());
    }

    private static String useFlag() {
        return StartupCache.Flavour.of(JDK).use;
    }

    @Test
    void theFirstPoolsLambdaIsKeptForTheTrainingRunAndNothingElse() {
        StartupCache.forget();
        try {
            StartupCache.noteFunction(ChunkCodec.function(new Serialized(), ChunkCodec.CHILD_JVM));
            assertNull(StartupCache.firstFunctionClass(), "a serialized function has no class to preload");
            StartupCache.noteFunction(ChunkCodec.function(StartupCache.trainingTask(), ChunkCodec.CHILD_JVM));
            assertEquals(StartupCache.class.getName(), StartupCache.firstFunctionClass());
            SerializableFunction<Object, Object> another = x -> x;
            StartupCache.noteFunction(ChunkCodec.function(another, ChunkCodec.CHILD_JVM));
            assertEquals(StartupCache.class.getName(), StartupCache.firstFunctionClass(), "the first is kept");
        } finally {
            StartupCache.forget();
        }
    }

    @Test
    void aChildPreloadsAClassWithoutInitializingItAndOneMissingIsNoError() throws Exception {
        Process child = new ProcessBuilder(layout(jar.toString()).command(ChildJvm.CHANNEL_FLAGS, ARGS, WorkerMain.class,
                List.of("--once"))).start();
        try {
            try (OutputStream in = child.getOutputStream()) {
                Frames.Writer writer = new Frames.Writer(in);
                for (String name : List.of("no.such.Type", StartupCache.class.getName())) {
                    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                    writer.bytes(Frames.PRELOAD, bytes, 0, bytes.length);
                }
                writer.task(1, 0, 1, ChunkCodec.function(StartupCache.trainingTask(), ChunkCodec.CHILD_JVM),
                        ChunkCodec.inputs(List.of(41), 0, ChunkCodec.CHILD_JVM));
                writer.flush();
            }
            List<Integer> frames = new ArrayList<>();
            byte[] reply = null;
            try (DataInputStream out = new DataInputStream(new BufferedInputStream(child.getInputStream()))) {
                Frames.Frame frame;
                while ((frame = Frames.read(out)) != null) {
                    frames.add((int) frame.type());
                    if (frame.type() == Frames.RESULT) {
                        reply = frame.payload();
                    }
                }
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits");
            assertEquals(0, child.exitValue());
            assertEquals(List.of((int) Frames.READY, (int) Frames.RESULT), frames, "PRELOAD is not answered");
            assertNotNull(reply);
            assertEquals(42, ChunkCodec.decodeReply(reply, 8, reply.length - 8, 0, 1).get(0).getOrThrow());
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A function that travels serialized (a class, not a lambda). */
    static final class Serialized implements SerializableFunction<Object, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object apply(Object x) {
            return x;
        }
    }

    @Test
    void theCacheIsMadeInTheBackgroundAndTheChildrenStartedAfterItUseIt() throws Exception {
        Path cacheDir = dir.resolve("cache");
        StartupCache.Plan first = StartupCache.plan(layout(jar.toString()), ARGS, JDK, Optional.of(cacheDir));
        assertFalse(first.usesCache(), "no cache yet: the child starts as it would without");
        assertEquals(ARGS, first.jvmArgs());
        assertNotNull(first.training());
        assertFalse(Files.exists(first.cache()), "nothing is made on the caller's path");

        Files.createDirectories(cacheDir);
        Path abandoned = Files.writeString(cacheDir.resolve(first.cache().getFileName() + ".tmp1"), "a dead JVM's");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        first.childReady();
        assertTrue(StartupCache.awaitTrainings(Duration.ofSeconds(60)), "the training run ends");
        assertTrue(Files.size(first.cache()) > 0, "the training run made " + first.cache());
        try (var files = Files.list(cacheDir)) {
            assertEquals(List.of(first.cache()), files.toList(), "no temporary file is left, nor one a dead JVM left");
        }

        StartupCache.Plan later = StartupCache.plan(layout(jar.toString()), ARGS, JDK, Optional.of(cacheDir));
        assertTrue(later.usesCache());
        assertTrue(later.jvmArgs().contains(useFlag() + first.cache()), later.jvmArgs().toString());
        assertFalse(later.jvmArgs().contains("-Xshare:auto"), "the JDK refuses it beside the cache's flag");
        List<String> strict = new ArrayList<>(later.jvmArgs());
        if (JDK >= 25) {
            strict.add("-XX:AOTMode=on"); // fails to start unless the cache is really used
        }
        ChildRun run = runChild(layout(jar.toString()), strict);
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of((int) Frames.READY, (int) Frames.RESULT), run.frames());
        assertEquals("", run.stderr(), "the cache's messages never reach the child's stderr");
    }

    @Test
    void aCorruptCacheFileIsIgnoredAndSaysNothing() throws Exception {
        Path cacheDir = dir.resolve("cache");
        StartupCache.Plan first = StartupCache.plan(layout(jar.toString()), ARGS, JDK, Optional.of(cacheDir));
        Files.createDirectories(cacheDir);
        Files.writeString(first.cache(), "not a cache at all ".repeat(100));

        StartupCache.Plan plan = StartupCache.plan(layout(jar.toString()), ARGS, JDK, Optional.of(cacheDir));
        assertTrue(plan.usesCache(), "the file is there: the child is given it");
        ChildRun run = runChild(layout(jar.toString()), plan.jvmArgs());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of((int) Frames.READY, (int) Frames.RESULT), run.frames());
        assertEquals("", run.stderr(), "the JVM's complaint about the file is switched off");
    }

    @Test
    void aChangedJarGivesAnotherCacheFile() throws IOException {
        Path copy = Files.copy(jar, dir.resolve("app.jar"));
        Optional<Path> cacheDir = Optional.of(dir.resolve("cache"));
        Path before = StartupCache.plan(layout(copy.toString()), ARGS, JDK, cacheDir).cache();
        assertEquals(before, StartupCache.plan(layout(copy.toString()), ARGS, JDK, cacheDir).cache(), "stable");
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() - 60_000));
        Path after = StartupCache.plan(layout(copy.toString()), ARGS, JDK, cacheDir).cache();
        assertNotEquals(before, after, "a jar with another modification time is another class path");
        assertNotEquals(before, StartupCache.plan(layout(copy.toString()), List.of("-Xmx32m"), JDK, cacheDir).cache(),
                "other JVM arguments, another cache");
    }

    @Test
    void aClassPathWithADirectoryStartsWithoutACache() {
        StartupCache.Plan plan = StartupCache.plan(layout(jar + java.io.File.pathSeparator + dir), ARGS, JDK,
                Optional.of(dir.resolve("cache")));
        assertEquals(ARGS, plan.jvmArgs());
        assertNull(plan.cache());
        assertNull(plan.training());
        assertTrue(StartupCache.unsupported(layout(dir.toString()), ARGS, JDK).orElseThrow().contains("directory"));
    }

    @Test
    void argumentsThatChooseTheirOwnSharingOrAModulePathStartWithoutACache() {
        for (String arg : List.of("-Xshare:off", "-XX:SharedArchiveFile=x.jsa", "-XX:AOTCache=x.aot", "-XX:AOTMode=off")) {
            StartupCache.Plan plan = StartupCache.plan(layout(jar.toString()), List.of(arg), JDK,
                    Optional.of(dir.resolve("cache")));
            assertEquals(List.of(arg), plan.jvmArgs());
            assertNull(plan.cache(), arg);
        }
        LaunchLayout modular = new LaunchLayout(TestApps.java(), "", jar.toString(), "", "app", List.of());
        assertTrue(StartupCache.unsupported(modular, ARGS, JDK).isPresent());
        assertTrue(StartupCache.unsupported(layout(""), ARGS, JDK).isPresent());
    }

    @Test
    void eachJdkGetsItsOwnKindOfCacheAndAnOlderOneNone() throws IOException {
        assertTrue(StartupCache.unsupported(layout(jar.toString()), ARGS, 17).isPresent(), "before 21: none");
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        Path archive = StartupCache.plan(layout(jar.toString()), ARGS, 21, Optional.of(cacheDir)).cache();
        assertTrue(archive.toString().endsWith(".jsa"), archive.toString());
        Files.writeString(archive, "x");
        StartupCache.Plan appCds = StartupCache.plan(layout(jar.toString()), ARGS, 21, Optional.of(cacheDir));
        assertTrue(appCds.jvmArgs().contains("-XX:SharedArchiveFile=" + archive), appCds.jvmArgs().toString());
        Path aot = StartupCache.plan(layout(jar.toString()), ARGS, 25, Optional.of(cacheDir)).cache();
        assertTrue(aot.toString().endsWith(".aot"), aot.toString());
    }

    @Test
    void aCacheDirectoryThatCannotBeWrittenLeavesChildrenAsTheyWere() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "a file, not a directory");
        StartupCache.Plan plan = StartupCache.plan(layout(jar.toString()), ARGS, JDK, Optional.of(notADirectory));
        plan.childReady();
        assertTrue(StartupCache.awaitTrainings(Duration.ofSeconds(60)));
        StartupCache.Plan after = StartupCache.plan(layout(jar.toString()), ARGS, JDK, Optional.of(notADirectory));
        assertEquals(ARGS, after.jvmArgs());
        assertFalse(after.usesCache());
        assertNull(after.training(), "a failed training run is not tried again by this JVM");
    }

    @Test
    void theDirectoryIsTheSystemPropertyWhenSet() {
        String old = System.getProperty(StartupCache.DIR_PROPERTY);
        try {
            System.setProperty(StartupCache.DIR_PROPERTY, dir.toString());
            assertEquals(Optional.of(dir), StartupCache.directory());
        } finally {
            if (old == null) {
                System.clearProperty(StartupCache.DIR_PROPERTY);
            } else {
                System.setProperty(StartupCache.DIR_PROPERTY, old);
            }
        }
    }

    record ChildRun(int exitCode, List<Integer> frames, String stderr) {
    }

    /** Runs a one-task worker from {@code layout} with {@code jvmArgs}: the frames it answered, its stderr. */
    private static ChildRun runChild(LaunchLayout layout, List<String> jvmArgs) throws Exception {
        Process child = new ProcessBuilder(layout.command(ChildJvm.CHANNEL_FLAGS, jvmArgs, WorkerMain.class,
                List.of("--once"))).start();
        try {
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            SerializableFunction<Object, Object> fn = StartupCache.trainingTask(); // its class is in the jar
            try (OutputStream in = child.getOutputStream()) {
                Frames.Writer writer = new Frames.Writer(in);
                writer.task(1, 0, 1, ChunkCodec.function(fn, ChunkCodec.CHILD_JVM),
                        ChunkCodec.inputs(List.of(41), 0, ChunkCodec.CHILD_JVM));
                writer.flush();
            }
            List<Integer> frames = new ArrayList<>();
            try (DataInputStream out = new DataInputStream(new BufferedInputStream(child.getInputStream()))) {
                Frames.Frame frame;
                while ((frame = Frames.read(out)) != null) {
                    frames.add((int) frame.type());
                }
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits");
            String err = stderr.get(60, TimeUnit.SECONDS).lines()
                    .filter(line -> !line.startsWith("SLF4J")) // this jar has no SLF4J provider: not the cache's
                    .collect(java.util.stream.Collectors.joining("\n"));
            return new ChildRun(child.exitValue(), frames, err);
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
