package dev.weft.async;

import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A group of tasks that ends together: Python's {@code asyncio.TaskGroup}. Tasks are created with
 * {@link #createTask}; {@link #close()} (the end of the try-with-resources block) waits for all of
 * them. The first task to fail cancels the others, and {@code close()} throws a
 * {@link TaskGroupException} carrying every failure.
 *
 * <pre>{@code
 * Task<Integer> t1, t2;
 * try (var group = TaskGroup.open()) {
 *     t1 = group.createTask("foo1", () -> Async.sleep(Duration.ofMillis(100), 42));
 *     t2 = group.createTask("foo2", () -> Async.sleep(Duration.ofMillis(200), 11));
 * }                                    // waits for both
 * int sum = t1.await() + t2.await();
 * }</pre>
 *
 * <p>While the group is open it is the {@linkplain TaskScope#current() current scope} of the thread
 * that opened it and of its tasks, so {@link Async#ensureFuture} and {@link Async#createTask} there
 * add tasks to it. Tasks may create tasks in the group from any thread.
 *
 * <p><b>Compared with asyncio.</b> The same rules, with three differences that come from Java:
 * <ul>
 *   <li>A failing task cancels its siblings but does not interrupt the block that opened the group;
 *       the block learns of it at {@code close()} (or from {@link #isCancelled()}).</li>
 *   <li>If the block itself throws, Java calls {@code close()} before the exception leaves, and
 *       {@code close()} waits for the tasks (asyncio would cancel them); a
 *       {@code TaskGroupException} is then attached to the block's exception as suppressed. Call
 *       {@link #cancel()} in a {@code catch} inside the block to stop the tasks at once.</li>
 *   <li>If the thread waiting in {@code close()} is interrupted (its own task was cancelled), the
 *       tasks are cancelled and awaited, the interrupt flag is set again, and {@code close()}
 *       throws {@link CancellationException}, as {@code CancelledError} leaves an
 *       {@code async with} block.</li>
 * </ul>
 *
 * <p>It is a {@link TaskScope} with fail-fast on, which reports every failure instead of the
 * first; compared with an {@code ExecutorService} in try-with-resources (Java 19+), a failure
 * cancels the rest and is never lost.
 */
public final class TaskGroup implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final TaskScope scope;
    private volatile boolean closed;

    private TaskGroup(String name) {
        this.scope = TaskScope.builder().name(name).open();
    }

    /**
     * Opens a group named {@code taskgroup-N}, owned by the calling thread.
     *
     * @return the open group; close it with try-with-resources
     */
    public static TaskGroup open() {
        return new TaskGroup("taskgroup-" + IDS.incrementAndGet());
    }

    /**
     * Opens a group called {@code name}; its tasks' default names start with it.
     *
     * @param name the group's name
     * @return the open group; close it with try-with-resources
     * @throws NullPointerException if {@code name} is null
     */
    public static TaskGroup open(String name) {
        return new TaskGroup(Objects.requireNonNull(name, "name"));
    }

    /** {@return the group's name} */
    public String name() {
        return scope.name();
    }

    /**
     * Starts {@code task} at once in the group, with a name made from the group's:
     * {@code group.create_task(coro)}.
     *
     * @param task what to run
     * @param <T> the type of its result
     * @return the started task
     * @throws NullPointerException if {@code task} is null
     * @throws IllegalStateException if the group is closed, or shutting down after a failure or
     *     {@link #cancel()}
     */
    public <T> Task<T> createTask(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        checkAccepting();
        return scope.fork(task);
    }

    /**
     * Starts {@code task} at once in the group, called {@code name}:
     * {@code group.create_task(coro, name=name)}.
     *
     * @param name the task's name, also its thread's
     * @param task what to run
     * @param <T> the type of its result
     * @return the started task
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the group is closed, or shutting down after a failure or
     *     {@link #cancel()}
     */
    public <T> Task<T> createTask(String name, Callable<T> task) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        checkAccepting();
        return scope.fork(name, task);
    }

    private void checkAccepting() {
        if (closed) {
            throw new IllegalStateException("task group '" + name() + "' is closed");
        }
        if (scope.isCancelled()) {
            throw new IllegalStateException("task group '" + name() + "' is shutting down");
        }
    }

    /** {@return true once a task has failed or {@link #cancel()} was called: the group is shutting down} */
    public boolean isCancelled() {
        return scope.isCancelled();
    }

    /**
     * Cancels every task of the group; {@link #close()} then waits for them to end and returns
     * normally, unless a task failed. No task can be added afterwards.
     */
    public void cancel() {
        scope.cancel();
    }

    /**
     * Waits until every task of the group has ended, including tasks created while waiting. When
     * it returns or throws, no thread of the group is alive. Later calls do nothing.
     *
     * @throws TaskGroupException if tasks failed: it carries every failure; the first one to
     *     happen is its cause
     * @throws CancellationException if the calling thread was interrupted while waiting: the tasks
     *     have been cancelled and have ended, and the interrupt flag is set again
     * @throws IllegalStateException if called from one of the group's own tasks
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        TaskFailedException failure = null;
        boolean interrupted = false;
        try {
            scope.join();
        } catch (TaskFailedException e) {
            failure = e;
        } catch (InterruptedException e) {
            interrupted = true;
        }
        closed = true;
        scope.close();
        if (interrupted) {
            failure = failureAfterCancelling();
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw groupException(failure);
        }
        if (interrupted) {
            throw new CancellationException("interrupted while closing task group '" + name()
                    + "'; its tasks were cancelled");
        }
    }

    /** After an interrupted join and a close, asks the scope (now idle) for its failures. */
    private TaskFailedException failureAfterCancelling() {
        boolean interruptedAgain = Thread.interrupted();
        try {
            scope.join();
            return null;
        } catch (TaskFailedException e) {
            return e;
        } catch (InterruptedException e) {
            // The flag was just cleared and every fork has ended: join does not wait.
            return null;
        } finally {
            if (interruptedAgain) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TaskGroupException groupException(TaskFailedException failure) {
        List<Throwable> failures = new ArrayList<>();
        failures.add(failure.getCause());
        failures.addAll(List.of(failure.getSuppressed()));
        String message = failures.size() == 1
                ? "a task of task group '" + name() + "' failed: " + failure.getMessage()
                : failures.size() + " tasks of task group '" + name() + "' failed; the first: " + failure.getMessage();
        return new TaskGroupException(message, failures);
    }

    @Override
    public String toString() {
        return "TaskGroup[" + name() + (closed ? ", closed" : scope.isCancelled() ? ", shutting down" : ", open") + "]";
    }
}
