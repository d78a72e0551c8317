package dev.weft.async.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.ThreadKind;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.ForkedTask;
import dev.weft.core.internal.LazyLogger;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a task on a virtual thread of its own that belongs to no scope: what
 * {@code Async.ensureFuture} starts when the calling thread works in no {@code TaskScope}. It is a
 * core fork with no owner: cancelling it ends it {@code Cancelled} at once and interrupts its
 * thread, which nothing waits for afterwards.
 */
public final class DetachedTask {
    private static final LazyLogger log = LazyLogger.of(DetachedTask.class);
    private static final AtomicLong IDS = new AtomicLong();

    private DetachedTask() {
    }

    /** {@return a fresh name for a detached task: {@code Task-1}, {@code Task-2}, ...} */
    public static String nextName() {
        return "Task-" + IDS.incrementAndGet();
    }

    /**
     * Starts {@code body} on a new virtual thread called {@code name}.
     *
     * @param name the task's and its thread's name
     * @param body what to run
     * @param <T> the type of the result
     * @return the task's handle
     * @throws NullPointerException if an argument is null
     */
    public static <T> Task<T> start(String name, Callable<T> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "task");
        ForkContext context = ForkContext.capture();
        ForkedTask<T> task = new ForkedTask<>(name, context.isEmpty() ? body : context.wrap(body), ForkedTask.DIRECT,
                DetachedTask::ended);
        task.startOn(ThreadKind.VIRTUAL);
        return task;
    }

    /** No owner counts a failure thrown after the cancel: it is logged, not lost. */
    private static void ended(ForkedTask<?> task, Outcome<?> outcome, Thread thread) {
        if (outcome instanceof Outcome.Failure<?> late && task.isCancelled()) {
            log.debug("Detached task '{}' was cancelled; its code then threw", task.name(), late.error());
        }
    }
}
