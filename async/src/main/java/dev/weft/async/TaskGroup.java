package dev.weft.async;

import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.CancelScope;
import dev.weft.core.internal.Interruptions;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.core.internal.registry.ScopeKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A group of tasks that ends together: Python's {@code asyncio.TaskGroup}. Tasks are created with
 * {@link #createTask}; the group waits for all of them before it ends, the first task to fail
 * cancels the others, and a {@link TaskGroupException} carries every failure. {@link #run} is
 * {@code async with asyncio.TaskGroup() as group:}, body included:
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=task-group}
 *
 * <p>{@link #open()} gives a group for try-with-resources instead: {@link #close()}, at the end
 * of the block, waits for the tasks. While a group is open it is the
 * {@linkplain TaskScope#current() current scope} of the thread that opened it and of its tasks, so
 * {@link Async#ensureFuture} and {@link Async#createTask} there add tasks to it. Tasks may create
 * tasks in the group from any thread.
 *
 * <p><b>Compared with asyncio.</b> The same rules, with these differences that come from Java:
 * <ul>
 *   <li>In {@code run}, a failing task cancels its siblings and interrupts the body, as asyncio
 *       cancels the task inside {@code async with}; {@code run} then clears that interrupt and
 *       throws the {@code TaskGroupException}, leaving out the body's
 *       {@code InterruptedException} (asyncio's {@code uncancel()}). An interrupt from elsewhere
 *       arriving at that same moment cannot be told apart and is cleared with it. A group from
 *       {@link #open()} does not interrupt the thread that opened it: the block learns of a
 *       failure from {@link #isCancelled()}, by awaiting a task, or when {@code close()} throws.</li>
 *   <li>When the body throws, {@code run} cancels the tasks at once, as asyncio does. A
 *       try-with-resources block cannot: Java calls {@code close()} before the exception leaves,
 *       {@code close()} waits for the tasks, and a {@code TaskGroupException} is attached to the
 *       block's exception as suppressed. Use {@code run}, or call {@link #cancel()} in a
 *       {@code catch} inside the block.</li>
 *   <li>Cancellation is an interrupt. If the thread waiting for the group is interrupted, or the
 *       body of {@code run} throws {@link InterruptedException}, the tasks are cancelled and
 *       awaited; then {@code run} throws {@code InterruptedException} and {@code close()}, which
 *       cannot declare it, sets the interrupt flag again and throws
 *       {@link CancellationException}: {@code CancelledError} leaving {@code async with}. As in
 *       asyncio, task failures win over the cancellation: a {@code TaskGroupException} is thrown
 *       instead, with the interrupt flag set.</li>
 * </ul>
 *
 * <p>It is a {@link TaskScope} with fail-fast on, which reports every failure instead of the
 * first; compared with an {@code ExecutorService} in try-with-resources (Java 19+), a failure
 * cancels the rest and is never lost.
 *
 * @since 0.1
 */
public final class TaskGroup implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    /** The innermost group whose {@code run} body the current thread is running. */
    private static final ThreadLocal<TaskGroup> RUNNING_BODY = new ThreadLocal<>();

    private final TaskScope scope;
    private final boolean ownedByRun;
    private volatile boolean closed;
    /** The thread running the body of {@link #run}, while it runs; guarded by {@code bodyLock}. */
    private final ReentrantLock bodyLock = new ReentrantLock();
    private Thread bodyThread;
    private boolean bodyInterrupted;
    private TaskGroup enclosingBody;

    private TaskGroup(String name, boolean ownedByRun) {
        TaskScope.Builder builder = TaskScope.builder().name(name);
        if (ownedByRun) {
            builder.onFirstFailure(failure -> interruptBody());
        }
        ScopeKinds.next("TaskGroup");
        this.scope = builder.open();
        this.ownedByRun = ownedByRun;
    }

    /** A task failed: interrupts the body of {@code run} if it is still running. */
    private void interruptBody() {
        bodyLock.lock();
        try {
            if (bodyThread != null && !bodyInterrupted && bodyThread != Thread.currentThread()) {
                bodyInterrupted = true;
                CancelScope.interrupt(bodyThread); // held back while the body runs Async.shield
            }
        } finally {
            bodyLock.unlock();
        }
    }

    private void bodyStarts() {
        enclosingBody = RUNNING_BODY.get();
        RUNNING_BODY.set(this);
        bodyLock.lock();
        try {
            bodyThread = Thread.currentThread();
        } finally {
            bodyLock.unlock();
        }
    }

    private boolean hasInterruptedBody() {
        bodyLock.lock();
        try {
            return bodyInterrupted;
        } finally {
            bodyLock.unlock();
        }
    }

    /**
     * The body has ended: no interrupt of ours can reach its thread any more. Clears the one we
     * sent, if any, and says whether there was one. Like asyncio's {@code uncancel()} count, an
     * interrupt that an enclosing group's {@code run} (whose body runs this one) sent to the same
     * thread is kept: the flag is set again for it.
     */
    private boolean bodyEnds() {
        boolean interruptedByUs;
        bodyLock.lock();
        try {
            bodyThread = null;
            interruptedByUs = bodyInterrupted;
        } finally {
            bodyLock.unlock();
        }
        if (enclosingBody == null) {
            RUNNING_BODY.remove();
        } else {
            RUNNING_BODY.set(enclosingBody);
        }
        if (interruptedByUs) {
            Thread.interrupted();
            for (TaskGroup outer = enclosingBody; outer != null; outer = outer.enclosingBody) {
                if (outer.hasInterruptedBody()) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return interruptedByUs;
    }

    private static String nextName() {
        return "taskgroup-" + IDS.incrementAndGet();
    }

    /**
     * The body of {@link TaskGroup#run}: what runs inside {@code async with TaskGroup() as group:}.
     *
     * @param <T> the type of its result
     * @since 0.1
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the body on the thread that called {@code run}.
         *
         * @param group the open group, to create tasks in
         * @return the body's result, which {@code run} returns once every task has ended
         * @throws Exception anything; {@code run} cancels the group's tasks and reports it
         */
        T run(TaskGroup group) throws Exception;
    }

    /**
     * Runs {@code body} with a new group named {@code taskgroup-N} and waits for every task of the
     * group: {@code async with asyncio.TaskGroup() as group: ...}, body included. See
     * {@link #run(String, Body)}.
     *
     * @param body what runs inside the group, on the calling thread
     * @param <T> the type of its result
     * @return what {@code body} returned, once every task has ended
     * @throws TaskGroupException if a task failed or the body threw: every task failure, then
     *     the body's exception
     * @throws InterruptedException if the body threw it or the calling thread was interrupted
     *     while waiting, and no task failed; the tasks are cancelled and have ended
     * @throws NullPointerException if {@code body} is null
     */
    public static <T> T run(Body<T> body) throws InterruptedException {
        Objects.requireNonNull(body, "body");
        return new TaskGroup(nextName(), true).runBody(body);
    }

    /**
     * Runs {@code body} with a new group called {@code name}, on the calling thread, then waits
     * for every task of the group: {@code async with asyncio.TaskGroup() as group: ...}, with
     * asyncio's rules for the body, which try-with-resources cannot give (see the class javadoc).
     * When it returns or throws, no thread of the group is alive.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=task-group-run}
     *
     * <ul>
     *   <li>The body returns: {@code run} waits for every task, as {@link #close()} does, and
     *       returns the body's result, unless a task failed.</li>
     *   <li>A task fails while the body runs: the other tasks are cancelled and the body's
     *       thread is interrupted, so a body blocked in a sleep, a queue or an await stops at
     *       once. {@code run} clears that interrupt when the body ends and throws the
     *       {@code TaskGroupException}, without the body's {@code InterruptedException} (or
     *       other interruption exception). A body that is not blocked sees its interrupt flag.</li>
     *   <li>The body throws: the tasks are cancelled at once and awaited; the
     *       {@code TaskGroupException} holds the tasks' failures followed by the body's exception,
     *       as asyncio appends the body's error last. An exception that only echoes a task's
     *       failure is not reported twice: a {@link TaskFailedException} whose cause is already
     *       listed (the body awaited the failed task), or a {@link CancellationException} thrown
     *       once the group was shutting down, when a task failed (the body awaited a sibling the
     *       failure cancelled).</li>
     *   <li>The body throws {@link InterruptedException}, or the thread is interrupted while
     *       waiting: the tasks are cancelled and awaited, then the {@code InterruptedException}
     *       leaves, as {@code CancelledError} leaves {@code async with}. If a task failed, the
     *       {@code TaskGroupException} is thrown instead, with the interrupt flag set.</li>
     * </ul>
     *
     * <p>Cancelled tasks are not failures. {@code run} closes the group itself: the body may not
     * call {@link #close()}, and the group takes no task once {@code run} has ended.
     *
     * @param name the group's name; its tasks' default names start with it
     * @param body what runs inside the group, on the calling thread
     * @param <T> the type of its result
     * @return what {@code body} returned, once every task has ended
     * @throws TaskGroupException if a task failed or the body threw: every task failure, in the
     *     order they happened, then the body's exception; the first is its cause
     * @throws InterruptedException if the body threw it or the calling thread was interrupted
     *     while waiting, and no task failed; the tasks are cancelled and have ended
     * @throws NullPointerException if an argument is null
     */
    public static <T> T run(String name, Body<T> body) throws InterruptedException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        return new TaskGroup(name, true).runBody(body);
    }

    private <T> T runBody(Body<T> body) throws InterruptedException {
        try {
            T result;
            bodyStarts();
            try {
                result = body.run(this);
            } catch (InterruptedException e) {
                if (bodyEnds()) { // the interrupt was a task's failure reaching the body
                    closeScope();
                    TaskFailedException failure = failureAfterCancelling();
                    if (failure != null) { // always: only a failure interrupts the body
                        throw groupException(failure, null);
                    }
                }
                throw cancelledBy(e);
            } catch (Exception | Error e) {
                boolean interruptedByUs = bodyEnds();
                boolean shuttingDown = scope.isCancelled();
                closeScope();
                TaskFailedException failure = failureAfterCancelling();
                boolean echoesShutdown = failure != null && shuttingDown && e instanceof CancellationException;
                boolean echoesInterrupt = interruptedByUs && Interruptions.isInterruption(e);
                throw groupException(failure, echoesShutdown || echoesInterrupt ? null : e);
            }
            bodyEnds();
            try {
                scope.join();
            } catch (InterruptedException e) {
                throw cancelledBy(e);
            } catch (TaskFailedException e) {
                closeScope();
                throw groupException(e, null);
            }
            return result;
        } finally {
            closeScope(); // whatever left, nothing of the group runs on
        }
    }

    /**
     * Cancels and awaits the tasks after an interrupt; returns the interrupt to throw, or throws
     * the tasks' failures with the interrupt flag set.
     */
    private InterruptedException cancelledBy(InterruptedException interrupt) {
        closeScope();
        Thread.interrupted(); // an interrupt while closing is the one being thrown
        TaskFailedException failure = failureAfterCancelling();
        if (failure != null) {
            Thread.currentThread().interrupt();
            throw groupException(failure, null);
        }
        return interrupt;
    }

    /** Closes the group of {@link #run}: cancels the tasks still running and awaits them all. */
    private void closeScope() {
        if (!closed) {
            closed = true;
            scope.close();
        }
    }

    /**
     * Opens a group named {@code taskgroup-N}, owned by the calling thread.
     *
     * @return the open group; close it with try-with-resources
     */
    public static TaskGroup open() {
        return new TaskGroup(nextName(), false);
    }

    /**
     * Opens a group called {@code name}; its tasks' default names start with it.
     *
     * @param name the group's name
     * @return the open group; close it with try-with-resources
     * @throws NullPointerException if {@code name} is null
     */
    public static TaskGroup open(String name) {
        return new TaskGroup(Objects.requireNonNull(name, "name"), false);
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
     * Cancels every task of the group; {@link #close()} (or {@link #run}) then waits for them to
     * end and returns normally, unless a task failed. No task can be added afterwards.
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
     * @throws IllegalStateException if called from one of the group's own tasks, or on the group
     *     of {@link #run}, which closes it itself
     */
    @Override
    public void close() {
        if (ownedByRun) {
            throw new IllegalStateException("task group '" + name() + "' is closed by TaskGroup.run when its body ends");
        }
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
            throw groupException(failure, null);
        }
        if (interrupted) {
            throw new CancellationException("interrupted while closing task group '" + name()
                    + "'; its tasks were cancelled");
        }
    }

    /**
     * After the scope was closed, asks it (now idle) for its failures; keeps the interrupt flag.
     * Every fork has ended, so {@code join} does not wait, but it throws if the flag is set on
     * entry: an interrupt, there before or landing at any moment, is taken, remembered, and
     * {@code join} asked again, so neither the failures nor that interrupt are lost.
     */
    private TaskFailedException failureAfterCancelling() {
        try {
            Uninterruptibly.run(scope::join); // joins again after each interrupt, then sets the flag again
            return null;
        } catch (TaskFailedException e) {
            return e;
        }
    }

    /**
     * The exception for the tasks' failure (may be null) followed by the body's exception (may be
     * null, not both), leaving out a body exception that only echoes a task's failure.
     */
    private TaskGroupException groupException(TaskFailedException tasksFailure, Throwable bodyError) {
        List<Throwable> failures = new ArrayList<>();
        String message = null;
        if (tasksFailure != null) {
            failures.add(tasksFailure.getCause());
            failures.addAll(List.of(tasksFailure.getSuppressed()));
            message = failures.size() == 1
                    ? "a task of task group '" + name() + "' failed: " + tasksFailure.getMessage()
                    : failures.size() + " tasks of task group '" + name() + "' failed; the first: " + tasksFailure.getMessage();
        }
        if (bodyError != null && !echoes(bodyError, failures)) {
            failures.add(bodyError);
            message = message == null
                    ? "the body of task group '" + name() + "' failed: " + bodyError
                    : message + "; its body failed too: " + bodyError;
        }
        return new TaskGroupException(message, failures);
    }

    /** Whether the body's exception is one from awaiting a task whose failure is listed. */
    private static boolean echoes(Throwable bodyError, List<Throwable> taskFailures) {
        return bodyError instanceof TaskFailedException echo
                && taskFailures.stream().anyMatch(failure -> failure == echo.getCause());
    }

    @Override
    public String toString() {
        return "TaskGroup[" + name() + (closed ? ", closed" : scope.isCancelled() ? ", shutting down" : ", open") + "]";
    }
}
