package dev.weft.parallel.issues;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.WorkerDiedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found by the reliability suite's kill storm): a worker JVM killed while it was still
 * starting broke the whole pool ("its workers cannot start"), though only a child that cannot
 * start by itself means that. Now it is replaced, and what it held is run by the replacement.
 */
class WorkerKilledWhileStartingTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    private static ProcessPoolOptions.Builder quiet() {
        return ProcessPoolOptions.builder().workers(1).stdout(line -> { }).stderr(line -> { });
    }

    /**
     * JVM arguments that stop each child at the very start of its JVM, before it can say READY,
     * until {@code pauseFile} is deleted (HotSpot creates the file, then waits while it exists).
     * The child is then certainly still starting when the test kills it, however slow or fast the
     * machine is; an initializer would not do, as a child says READY before it runs one.
     */
    private static List<String> pausedAtStart(Path pauseFile) {
        List<String> args = new ArrayList<>(ProcessPoolOptions.DEFAULT_JVM_ARGS);
        args.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+PauseAtStartup",
                "-XX:PauseAtStartupFile=" + pauseFile));
        return args;
    }

    @Test
    void aWorkerKilledWhileStartingIsReplacedAndLosesNothing(@TempDir Path dir) throws Exception {
        Path pauseFile = dir.resolve("paused");
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        try (Pool pool = Pool.processes(quiet().jvmArgs(pausedAtStart(pauseFile)).build())) {
            CompletableFuture<List<Integer>> map = pool.mapAsync(x -> x * 2, List.of(1, 2, 3));
            await("the first child paused at its start").atMost(LONG).until(() -> Files.exists(pauseFile));
            List<ProcessHandle> starting = ProcessHandle.current().descendants()
                    .filter(child -> !before.contains(child)).toList();
            assertEquals(1, starting.size(), "one worker, still starting: " + starting);
            starting.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle child : starting) {
                child.onExit().get(LONG.toSeconds(), TimeUnit.SECONDS);
            }
            // The replacement pauses at its start too (the file may still be there, or it makes it
            // again): let it go, as often as it stops, until the map has ended.
            await("the in-flight map ends").atMost(LONG).pollInterval(Duration.ofMillis(20)).until(() -> {
                Files.deleteIfExists(pauseFile);
                return map.isDone();
            });
            assertEquals(List.of(2, 4, 6), map.get(), "the in-flight map loses nothing");
            assertEquals(List.of(2, 4, 6), pool.map(x -> x * 2, List.of(1, 2, 3)), "the pool goes on");
        }
    }

    @Test
    void aChildThatCannotStartStillBreaksThePool() {
        try (Pool pool = Pool.processes(quiet().jvmArgs(List.of("-XX:+NoSuchOptionAtAll")).build())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> pool.mapAsync(x -> x, List.of(1)).get(LONG.toSeconds(), TimeUnit.SECONDS));
            ParallelExecutionException failed = assertInstanceOf(ParallelExecutionException.class, e.getCause());
            assertInstanceOf(WorkerDiedException.class, failed.getCause());
            IllegalStateException broken = assertThrows(IllegalStateException.class, () -> pool.map(x -> x, List.of(1)));
            assertTrue(broken.getMessage().contains("cannot start"), broken.getMessage());
        }
    }
}
