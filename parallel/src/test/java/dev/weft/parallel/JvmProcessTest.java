package dev.weft.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskFailedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link JvmProcess}, after CPython's {@code _TestProcess} ({@code test_process},
 * {@code test_terminate}, {@code test_kill}, {@code test_exitcode}): start, join, join with a
 * timeout, exit codes, pid, terminate, kill, and the result Python's Process does not give.
 */
class JvmProcessTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    static int sleepMillis(int millis) {
        try {
            Thread.sleep(millis); // the workload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Waits (bounded) until the child has ended, and fails if it has not. */
    static void assertEnds(JvmProcess<?> process) throws InterruptedException {
        assertTrue(process.join(LONG), process + " did not end within " + LONG);
    }

    /** {@link JvmProcess#result()}, which waits for the child, failing instead of waiting unbounded. */
    static <R> R resultOf(JvmProcess<R> process) {
        return assertTimeoutPreemptively(LONG, process::result, () -> process + " gave no result within " + LONG);
    }

    @Test
    void startRunsTheFunctionInAChildAndReturnsItsResult() throws InterruptedException {
        JvmProcess<Long> process = JvmProcess.start(x -> ProcessHandle.current().pid() * 0 + x * 2, 21L);
        assertTrue(process.pid() > 0);
        assertNotEquals(ProcessHandle.current().pid(), process.pid());
        assertEquals(42L, resultOf(process));
        assertFalse(process.isAlive());
        assertEquals(0, process.exitCode().orElseThrow());
        assertTrue(process.toString().contains("exit code 0"), process.toString());
    }

    @Test
    void theFunctionRunsInTheChildNotHere() throws InterruptedException {
        JvmProcess<Long> process = JvmProcess.start(x -> ProcessHandle.current().pid(), null);
        assertEquals(process.pid(), resultOf(process));
    }

    @Test
    void joinWithATimeoutTellsWhetherTheChildEnded() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(JvmProcessTest::sleepMillis, 120_000);
        assertFalse(process.join(Duration.ofMillis(200)));
        assertFalse(process.join(Duration.ZERO), "zero does not wait");
        assertFalse(process.join(Duration.ofMillis(-5)), "negative does not wait");
        assertTrue(process.isAlive());
        assertTrue(process.exitCode().isEmpty(), "no exit code while it runs, as Python's None");
        process.terminate();
        assertEnds(process);
        assertFalse(process.isAlive());
        assertEquals(143, process.exitCode().orElseThrow(), "128 + SIGTERM");
    }

    @Test
    void aTerminatedChildHasNoResult() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(JvmProcessTest::sleepMillis, 120_000);
        process.terminate();
        assertEnds(process);
        TaskFailedException e = assertThrows(TaskFailedException.class, process::result);
        WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, e.getCause());
        assertEquals(process.pid(), died.pid());
        process.terminate(); // once it has exited: nothing happens
    }

    @Test
    void killEndsTheChildWithSigkill() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(JvmProcessTest::sleepMillis, 120_000);
        process.kill();
        assertTimeoutPreemptively(LONG, () -> process.join(), "join() waits until the child has ended");
        assertEquals(137, process.exitCode().orElseThrow());
    }

    @Test
    void aFunctionThatThrowsExitsWithOneAndItsExceptionIsTheCause() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(x -> {
            throw new UnsupportedOperationException("not here " + x);
        }, 9);
        assertTimeoutPreemptively(LONG, () -> process.join(), "join() waits until the child has ended");
        assertEquals(1, process.exitCode().orElseThrow(), "as a Python Process whose target raised");
        TaskFailedException e = assertThrows(TaskFailedException.class, process::result);
        UnsupportedOperationException cause = assertInstanceOf(UnsupportedOperationException.class, e.getCause());
        assertEquals("not here 9", cause.getMessage());
        assertTrue(e.taskName().contains(String.valueOf(process.pid())));
    }

    @Test
    void systemExitInTheChildIsItsExitCode() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(x -> {
            System.exit(x);
            return x;
        }, 7);
        assertEnds(process);
        assertEquals(7, process.exitCode().orElseThrow());
        assertInstanceOf(WorkerDiedException.class, assertThrows(TaskFailedException.class, process::result).getCause());
    }

    @Test
    void whatTheChildPrintsReachesThisJvmsStdout() throws InterruptedException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JvmProcess<String> process = JvmProcess.start(x -> {
                System.out.println("printed by the child: " + x);
                return x;
            }, "été");
            assertEquals("été", resultOf(process));
        } finally {
            System.setOut(original);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("printed by the child: été"), captured.toString());
    }

    @Test
    void jvmArgumentsReachTheChild() throws InterruptedException {
        JvmProcess<String> process = JvmProcess.start(x -> System.getProperty(x), "weft.test.flag",
                List.of("-Xmx48m", "-Dweft.test.flag=on"));
        assertEquals("on", resultOf(process));
    }

    @Test
    void badInputIsRefusedBeforeAnyChildStarts() {
        Set<Long> before = children();
        Object unsendable = new Object();
        assertThrows(NullPointerException.class, () -> JvmProcess.start(null, 1));
        assertThrows(NullPointerException.class, () -> JvmProcess.start(x -> x, 1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JvmProcess.start(x -> x + unsendable.hashCode(), 1));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JvmProcess.start(x -> x, unsendable));
        Set<Long> started = children();
        started.removeAll(before);
        assertEquals(Set.of(), started, "no child was started");
    }

    @Test
    void joinRefusesANullTimeout() throws InterruptedException {
        JvmProcess<Integer> process = JvmProcess.start(x -> x, 1);
        assertThrows(NullPointerException.class, () -> process.join(null));
        assertEquals(1, resultOf(process));
    }
}
