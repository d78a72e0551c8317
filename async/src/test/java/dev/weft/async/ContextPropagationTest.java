package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.contract.ContextProbe;
import dev.weft.core.contract.ContextProbe.Seen;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;

/**
 * Issue 17: the caller's MDC and registered thread-locals reach the code of every entry point
 * that starts work, and what that code changes does not come back. One row per entry point.
 */
class ContextPropagationTest {

    /** Runs {@code task} through one entry point and returns what it returned. */
    @FunctionalInterface
    interface EntryPoint {
        Seen run(Callable<Seen> task) throws Exception;
    }

    private static final Duration LONG = Duration.ofSeconds(30);

    static Stream<Arguments> entryPoints() {
        return Stream.of(
                row("TaskScope.fork", false, task -> {
                    try (TaskScope scope = TaskScope.open()) {
                        Task<Seen> forked = scope.fork(task);
                        scope.join();
                        return forked.await();
                    }
                }),
                row("Async.gather", false, task -> Async.gather(task).get(0)),
                row("Async.gather(maxConcurrency)", false, task -> Async.gather(1, List.of(task, task)).get(1)),
                row("Async.gatherOutcomes", false, task -> Async.gatherOutcomes(task).get(0).getOrThrow()),
                row("a gathered task's createTask", false, task -> Async.gather(() -> Async.createTask("child", task).await()).get(0)),
                row("Async.ensureFuture, detached", false, task -> Async.ensureFuture(task).await()),
                row("Async.ensureFuture in Async.run", false, task -> Async.run(() -> Async.ensureFuture(task).await())),
                row("Async.createTask in Async.run", false, task -> Async.run(() -> Async.createTask("t", task).await())),
                row("Async.waitFor", true, task -> Async.waitFor(task, LONG)),
                row("Async.race", false, task -> Async.race(task)),
                row("Async.asCompleted's tasks", false, task -> Async.run(() ->
                        Async.asCompleted(List.of(Async.createTask("t", task))).take().await())),
                row("Async.awaitTasks' tasks", false, task -> Async.run(() -> {
                    DoneAndPending<Seen> ended = Async.awaitTasks(List.of(Async.createTask("t", task)), ReturnWhen.ALL_COMPLETED);
                    return ended.done().iterator().next().await();
                })),
                row("TaskGroup.createTask", false, task -> TaskGroup.run(group -> group.createTask(task).await())),
                row("TaskGroup.open().createTask", false, task -> {
                    try (TaskGroup group = TaskGroup.open()) {
                        return group.createTask(task).await();
                    }
                }),
                rowOnCaller("Async.timeout's body", true, task -> Async.timeout(LONG, task)),
                row("a fork inside Async.timeout", true, task -> Async.timeout(LONG, () -> Async.createTask("t", task).await())),
                rowOnCaller("Async.moveOnAfter's body", true, task -> Async.moveOnAfter(LONG, task).orElseThrow()),
                rowOnCaller("Async.shield's body", false, task -> Async.shield(task)));
    }

    private static Arguments row(String name, boolean underDeadline, EntryPoint entry) {
        return Arguments.of(Named.of(name, entry), underDeadline, false);
    }

    /** An entry point that runs the code on the caller's own thread, as a method call. */
    private static Arguments rowOnCaller(String name, boolean underDeadline, EntryPoint entry) {
        return Arguments.of(Named.of(name, entry), underDeadline, true);
    }

    @AfterEach
    void clean() {
        ContextProbe.clear();
        MDC.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void theCallersContextReachesTheTask(EntryPoint entry, boolean underDeadline, boolean onCallersThread) throws Exception {
        ContextProbe.set("r-17", "acme");
        Seen seen = entry.run(ContextProbe.probe());
        assertEquals("r-17", seen.requestId());
        assertEquals("acme", seen.tenant());
        assertEquals(underDeadline, seen.deadline().isPresent(), "the deadline: " + seen.deadline());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void whatTheTaskChangesDoesNotLeakBack(EntryPoint entry, boolean underDeadline, boolean onCallersThread) throws Exception {
        ContextProbe.set("r-17", "acme");
        entry.run(ContextProbe.probeAndScribble());
        Seen after = ContextProbe.seen();
        if (onCallersThread) {
            // timeout/moveOnAfter/shield run the body on the caller's own thread: its changes are
            // the caller's, as a plain method call's would be
            assertEquals("scribbled", after.requestId());
        } else {
            assertEquals("r-17", after.requestId());
            assertEquals("acme", after.tenant());
            assertNull(MDC.get("other"));
        }
        assertTrue(after.deadline().isEmpty(), "no deadline once the call returned");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void aCallerWithoutContextGivesATaskWithout(EntryPoint entry, boolean underDeadline, boolean onCallersThread) throws Exception {
        Seen seen = entry.run(ContextProbe.probe());
        assertNull(seen.requestId());
        assertNull(seen.tenant());
    }
}
