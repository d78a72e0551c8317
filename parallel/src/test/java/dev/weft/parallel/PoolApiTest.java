package dev.weft.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The static parts of the API: factories, Python's default chunk size, options and exceptions. */
class PoolApiTest {

    @Test
    void defaultChunkSizeIsPythons() {
        // Pool._map_async: chunksize, extra = divmod(len(iterable), len(self._pool) * 4); if extra: chunksize += 1
        assertEquals(1, Pool.defaultChunkSize(0, 2));
        assertEquals(1, Pool.defaultChunkSize(4, 2));
        assertEquals(1, Pool.defaultChunkSize(8, 2));
        assertEquals(2, Pool.defaultChunkSize(9, 2));
        assertEquals(13, Pool.defaultChunkSize(100, 2));
        assertEquals(12_500, Pool.defaultChunkSize(100_000, 2));
        assertEquals(3, Pool.defaultChunkSize(10, 1));
        assertEquals(67_108_864, Pool.defaultChunkSize(Integer.MAX_VALUE, 8));
        assertThrows(IllegalArgumentException.class, () -> Pool.defaultChunkSize(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Pool.defaultChunkSize(10, 0));
    }

    @Test
    void factoriesRefuseBadWorkerCounts() {
        assertThrows(IllegalArgumentException.class, () -> Pool.threads(0));
        assertThrows(IllegalArgumentException.class, () -> Pool.processes(0));
        assertThrows(NullPointerException.class, () -> Pool.processes(null));
    }

    @Test
    void aNonSerializableInitializerIsRefusedWhenThePoolIsMade() {
        Object unsendable = new Object();
        ProcessPoolOptions options = ProcessPoolOptions.builder().initializer(() -> unsendable.hashCode()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pool.processes(options));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    @Test
    void optionsHaveDocumentedDefaults() {
        ProcessPoolOptions options = ProcessPoolOptions.builder().build();
        assertEquals(Runtime.getRuntime().availableProcessors(), options.workers());
        assertEquals(ProcessPoolOptions.DEFAULT_JVM_ARGS, options.jvmArgs());
        assertTrue(options.jvmArgs().stream().anyMatch(a -> a.startsWith("-Xmx")), "a small heap by default");
        assertEquals(0, options.maxTasksPerChild());
        assertTrue(options.initializer().isEmpty());
        assertTrue(options.taskTimeout().isEmpty());
        assertTrue(options.toString().contains("workers="));
    }

    @Test
    void optionsKeepWhatWasSet() {
        SerializableRunnable init = () -> { };
        ProcessPoolOptions.Builder builder = ProcessPoolOptions.builder().workers(3).jvmArgs(List.of("-Xmx80m"))
                .maxTasksPerChild(5).initializer(init).taskTimeout(Duration.ofSeconds(2))
                .stdout(line -> { }).stderr(line -> { });
        ProcessPoolOptions options = builder.build();
        assertEquals(3, options.workers());
        assertEquals(List.of("-Xmx80m"), options.jvmArgs());
        assertEquals(5, options.maxTasksPerChild());
        assertSame(init, options.initializer().orElseThrow());
        assertEquals(Duration.ofSeconds(2), options.taskTimeout().orElseThrow());
        assertEquals(3, builder.build().workers(), "build() leaves the builder usable");
    }

    @Test
    void optionsRefuseBadValuesNullsAndSecondSettings() {
        ProcessPoolOptions.Builder builder = ProcessPoolOptions.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.workers(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxTasksPerChild(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.taskTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.taskTimeout(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> builder.taskTimeout(null));
        assertThrows(NullPointerException.class, () -> builder.jvmArgs(null));
        assertThrows(NullPointerException.class, () -> builder.jvmArgs(java.util.Arrays.asList("-Xmx1m", null)));
        assertThrows(NullPointerException.class, () -> builder.initializer(null));
        assertThrows(NullPointerException.class, () -> builder.stdout(null));
        assertThrows(NullPointerException.class, () -> builder.stderr(null));
        builder.workers(2);
        assertThrows(IllegalStateException.class, () -> builder.workers(3));
        assertEquals(2, builder.build().workers(), "a refused setting changes nothing");
        builder.maxTasksPerChild(1);
        assertThrows(IllegalStateException.class, () -> builder.maxTasksPerChild(2));
        builder.jvmArgs(List.of());
        assertThrows(IllegalStateException.class, () -> builder.jvmArgs(List.of()));
        builder.taskTimeout(Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, () -> builder.taskTimeout(Duration.ofSeconds(1)));
        builder.initializer(() -> { });
        assertThrows(IllegalStateException.class, () -> builder.initializer(() -> { }));
        builder.stdout(l -> { });
        assertThrows(IllegalStateException.class, () -> builder.stdout(l -> { }));
        builder.stderr(l -> { });
        assertThrows(IllegalStateException.class, () -> builder.stderr(l -> { }));
    }

    @Test
    void parallelExecutionExceptionNamesTheIndex() {
        ArithmeticException cause = new ArithmeticException("/ by zero");
        ParallelExecutionException e = new ParallelExecutionException(4, cause);
        assertEquals(4, e.index());
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().contains("#4") && e.getMessage().contains("/ by zero"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new ParallelExecutionException(1, null));
        assertThrows(IllegalArgumentException.class, () -> new ParallelExecutionException(-1, cause));
    }

    @Test
    void workerDiedExceptionCarriesExitCodeAndStderr() {
        WorkerDiedException e = new WorkerDiedException("worker died", 12, 137, List.of("a", "b"), null);
        assertEquals(12, e.pid());
        assertEquals(137, e.exitCode().orElseThrow());
        assertEquals(List.of("a", "b"), e.stderrTail());
        assertTrue(e.getMessage().contains("137") && e.getMessage().contains("b"), e.getMessage());
        WorkerDiedException unknown = new WorkerDiedException("gone", 1, null, List.of(), null);
        assertTrue(unknown.exitCode().isEmpty());
        assertThrows(NullPointerException.class, () -> new WorkerDiedException(null, 1, 1, List.of(), null));
        assertThrows(NullPointerException.class, () -> new WorkerDiedException("x", 1, 1, null, null));
    }

    @Test
    void remoteExceptionKeepsTheRemoteClassAndMessage() {
        RemoteException e = new RemoteException("com.example.Gone", "it broke", null);
        assertEquals("com.example.Gone", e.remoteClassName());
        assertEquals("it broke", e.remoteMessage());
        assertEquals("com.example.Gone: it broke", e.getMessage());
        RemoteException bare = new RemoteException("com.example.Gone", null, e);
        assertNull(bare.remoteMessage());
        assertSame(e, bare.getCause());
        assertThrows(NullPointerException.class, () -> new RemoteException(null, "m", null));
    }
}
