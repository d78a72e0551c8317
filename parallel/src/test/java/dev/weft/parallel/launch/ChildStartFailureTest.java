package dev.weft.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskFailedException;
import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.WorkerDiedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A child JVM that cannot start (a module that does not resolve, a main class that is missing)
 * fails the pool's first call, or the process's result, with the child's own standard error:
 * never a hang.
 */
class ChildStartFailureTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final List<String> NO_SUCH_MODULE = List.of("-Xmx64m", "--add-modules=no.such.weft.module");

    @Test
    void aPoolWhoseChildrenCannotResolveTheirModulesFailsItsFirstCallWithTheirStderr() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2).jvmArgs(NO_SUCH_MODULE).stderr(line -> { })
                .build();
        try (Pool pool = Pool.processes(options)) {
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                    () -> pool.map(x -> x, List.of(1, 2)));
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, e.getCause());
            assertTrue(died.stderrTail().stream().anyMatch(l -> l.contains("no.such.weft.module")),
                    died.stderrTail().toString());
            assertThrows(IllegalStateException.class, () -> pool.map(x -> x, List.of(1)), "the pool is broken");
        }
    }

    @Test
    void aProcessThatCannotStartFailsItsResultWithItsStderr() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(x -> x, 1, NO_SUCH_MODULE);
        assertTrue(process.join(LONG), "the child ended within " + LONG);
        assertEquals(1, process.exitCode().orElseThrow());
        TaskFailedException e = assertThrows(TaskFailedException.class, process::result);
        WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, e.getCause());
        assertTrue(died.stderrTail().stream().anyMatch(l -> l.contains("no.such.weft.module")), died.stderrTail().toString());
    }
}
