package dev.weft.async;

import dev.weft.async.internal.Arguments;
import dev.weft.async.internal.DetachedTask;
import dev.weft.async.internal.GatherRun;
import dev.weft.async.internal.RaceJudge;
import dev.weft.async.internal.WaitCondition;
import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.CancelScope;
import dev.weft.core.internal.Durations;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.registry.ScopeKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code asyncio} functions on virtual threads: {@link #run}, {@link #gather},
 * {@link #ensureFuture}, {@link #sleep}, {@link #waitFor}, {@link #asCompleted}, {@link #race}
 * and {@link #awaitTasks} (asyncio's {@code wait}); and the cancel scopes {@link #timeout},
 * {@link #moveOnAfter} and {@link #shield}.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=async}
 *
 * <p><b>How it maps to asyncio.</b> An {@code async def} becomes a {@link Callable}; every task
 * runs on its own virtual thread, so a blocking call ({@code Thread.sleep}, socket I/O) parks only
 * that task, as {@code await asyncio.sleep} does; and unlike asyncio, CPU-bound tasks run in
 * parallel across cores. {@code await task} is {@link Task#await()}; {@code task.cancel()}
 * interrupts the task's thread, and {@code CancelledError} is an interruption (an
 * {@code InterruptedException}) in the task and a {@link CancellationException} for whoever awaits
 * it. Every blocking method here declares {@code InterruptedException}: interrupting the caller is
 * cancelling it, and whatever it started is cancelled and has ended before the exception leaves.
 *
 * <p><b>Structure.</b> The calls that start tasks and wait for them ({@code gather}, {@code race},
 * {@code waitFor}) run them in a {@link TaskScope} of their own: when the call returns or throws,
 * none of its threads is alive. {@link #ensureFuture}/{@link #createTask} attach the new task to
 * the {@linkplain TaskScope#current() current scope} ({@link #run}, a {@link TaskGroup}, any
 * {@code TaskScope}), which cancels and awaits it at the latest when it closes.
 *
 * <p><b>Context.</b> Every task these calls start runs with the caller's SLF4J MDC and the values
 * of the {@code ThreadLocalAccessor}s registered in Micrometer's {@code ContextRegistry} (when
 * context-propagation is on the class path), as {@code asyncio} copies {@code contextvars} into each
 * task, and under the caller's deadline ({@link TaskScope#currentDeadline()}); what a task changes
 * stays in it.
 *
 * <p>Compared with {@code java.util.concurrent}: {@link #gather} is
 * {@code ExecutorService.invokeAll} that fails fast and leaves nothing behind, {@link #race} is
 * {@code invokeAny}, and {@link Futures} offers the same patterns for {@link CompletableFuture}.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class Async {
    private static final AtomicLong SCOPE_IDS = new AtomicLong();

    private Async() {
    }

    // ---------------------------------------------------------------- run

    /**
     * Runs {@code main} on the calling thread inside a root scope and returns its result:
     * {@code asyncio.run(main())}. Tasks created inside with {@link #ensureFuture} or
     * {@link #createTask} belong to that scope; those still running when {@code main} returns
     * (or throws) are cancelled, and {@code run} waits until they have ended: no thread of theirs
     * is alive when it returns.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=run}
     *
     * <p>The root scope is not fail-fast: as with asyncio's event loop, one task failing does not
     * cancel the others; its failure reaches whoever awaits it. Unlike {@code asyncio.run},
     * {@code run} may be nested (the inner call opens an inner scope).
     *
     * @param main the main task
     * @param <T> the type of its result
     * @return what {@code main} returned
     * @throws TaskFailedException if {@code main} threw: the cause is what it threw, and the task
     *     name is {@code "main"}; a {@code TaskFailedException} thrown by {@code main} (from
     *     awaiting a failed task) passes through unchanged
     * @throws InterruptedException if {@code main} threw it, or the calling thread was interrupted
     * @throws NullPointerException if {@code main} is null
     */
    public static <T> T run(Callable<T> main) throws InterruptedException {
        Objects.requireNonNull(main, "main");
        ScopeKinds.next("Async.run");
        TaskScope root = TaskScope.builder().name("run-" + SCOPE_IDS.incrementAndGet()).failFast(false).open();
        try {
            return main.call();
        } catch (InterruptedException | TaskFailedException e) {
            throw e;
        } catch (Exception | Error e) {
            throw new TaskFailedException("main", e);
        } finally {
            root.close();
        }
    }

    // ---------------------------------------------------------------- gather

    /**
     * Runs every task at once, each on its own virtual thread, and returns their results in
     * argument order, whatever the order they finished in: {@code await asyncio.gather(...)}.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=gather}
     *
     * <p><b>Unlike {@code asyncio.gather}</b>, which lets the other awaitables run on when one
     * fails, the first failure cancels (interrupts) every other task, waits until they have all
     * ended, and is thrown as a {@link TaskFailedException} whose cause is the original exception
     * (failures that came after it are {@linkplain Throwable#getSuppressed() suppressed}). So a
     * failed gather leaves nothing running. Use {@link #gatherOutcomes} for
     * {@code return_exceptions=True}.
     *
     * <p>A task that starts further tasks with {@link #ensureFuture} or {@link #createTask} gets
     * a scope of its own for them and counts as done only when they have all ended (their
     * failure is its failure): nothing a gathered task starts outlives the gather. The tasks run
     * in no {@link TaskScope} until then, which keeps a task as cheap as a bare virtual thread.
     *
     * @param tasks what to run; none may be null; none given returns an empty list
     * @param <T> the type of the results
     * @return the results in argument order (unmodifiable; a task may return null)
     * @throws TaskFailedException if a task threw; its cause is what the task threw
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into a copy of type Object[]
    public static <T extends @Nullable Object> List<T> gather(Callable<? extends T>... tasks) throws InterruptedException {
        return GatherRun.values(Arguments.copyOf(tasks, "tasks"), GatherRun.UNBOUNDED);
    }

    /**
     * As {@link #gather(Callable[])}, for a collection of tasks: the results come in the
     * collection's iteration order.
     *
     * @param tasks what to run; none may be null; an empty collection returns an empty list
     * @param <T> the type of the results
     * @return the results in iteration order (unmodifiable; a task may return null)
     * @throws TaskFailedException if a task threw; its cause is what the task threw
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    public static <T extends @Nullable Object> List<T> gather(Collection<? extends Callable<? extends T>> tasks) throws InterruptedException {
        return GatherRun.values(Arguments.copyOf(tasks, "tasks"), GatherRun.UNBOUNDED);
    }

    /**
     * As {@link #gather(Collection)}, with at most {@code maxConcurrency} tasks running at once:
     * the others start, in iteration order, as running ones end. It is the
     * {@code asyncio.Semaphore}-around-each-coroutine idiom, built in; or a fixed thread pool's
     * bound without the pool. After a failure no further task starts.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=gather-bounded}
     *
     * @param maxConcurrency how many tasks may run at once, at least 1
     * @param tasks what to run; none may be null
     * @param <T> the type of the results
     * @return the results in iteration order (unmodifiable; a task may return null)
     * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
     * @throws TaskFailedException if a task threw; its cause is what the task threw
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    public static <T extends @Nullable Object> List<T> gather(int maxConcurrency, Collection<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        checkMaxConcurrency(maxConcurrency);
        return GatherRun.values(Arguments.copyOf(tasks, "tasks"), maxConcurrency);
    }

    /**
     * Runs every task to its end and returns how each ended, in argument order:
     * {@code await asyncio.gather(..., return_exceptions=True)}. A failure cancels nothing and is
     * never thrown; it is an {@link Outcome.Failure} in the list. A task that ends by throwing
     * {@link CancellationException} is {@link Outcome.Cancelled}, as a coroutine that raises
     * {@code CancelledError} is in asyncio.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=gather-outcomes}
     *
     * @param tasks what to run; none may be null
     * @param <T> the type of the results
     * @return the outcomes in argument order (unmodifiable)
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into a copy of type Object[]
    public static <T> List<Outcome<T>> gatherOutcomes(Callable<? extends T>... tasks) throws InterruptedException {
        return GatherRun.outcomes(Arguments.copyOf(tasks, "tasks"), GatherRun.UNBOUNDED);
    }

    /**
     * As {@link #gatherOutcomes(Callable[])}, for a collection of tasks.
     *
     * @param tasks what to run; none may be null
     * @param <T> the type of the results
     * @return the outcomes in iteration order (unmodifiable)
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    public static <T> List<Outcome<T>> gatherOutcomes(Collection<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        return GatherRun.outcomes(Arguments.copyOf(tasks, "tasks"), GatherRun.UNBOUNDED);
    }

    /**
     * As {@link #gatherOutcomes(Collection)}, with at most {@code maxConcurrency} tasks running at
     * once.
     *
     * @param maxConcurrency how many tasks may run at once, at least 1
     * @param tasks what to run; none may be null
     * @param <T> the type of the results
     * @return the outcomes in iteration order (unmodifiable)
     * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    public static <T> List<Outcome<T>> gatherOutcomes(int maxConcurrency, Collection<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        checkMaxConcurrency(maxConcurrency);
        return GatherRun.outcomes(Arguments.copyOf(tasks, "tasks"), maxConcurrency);
    }

    private static void checkMaxConcurrency(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Starts {@code task} at once on a virtual thread and returns its handle:
     * {@code asyncio.ensure_future(coro)}. The task belongs to the
     * {@linkplain TaskScope#current() current scope} (an {@link #run}, a {@link TaskGroup}, a
     * {@code TaskScope}, or the scope of the task calling this; inside a task of {@link #gather},
     * a scope of that task's own), which cancels and awaits it at the latest when it closes, and whose failure policy applies to it (a {@code TaskGroup} is
     * cancelled by its failure; {@code run}'s root scope is not).
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=ensure-future}
     *
     * <p><b>Outside any scope</b> (where asyncio would have no running loop and refuse), the task
     * is <em>detached</em>: it runs on a virtual thread of its own, which, like any virtual
     * thread, does not keep the JVM alive, and nothing waits for it unless you await or cancel it.
     * Prefer {@link #run} or a {@link TaskGroup} so that nothing is forgotten.
     *
     * @param task what to run
     * @param <T> the type of its result
     * @return the started task
     * @throws NullPointerException if {@code task} is null
     * @throws IllegalStateException if the current scope is closing
     */
    public static <T> Task<T> ensureFuture(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskScope owner = currentOwner();
        return owner != null ? owner.fork(task) : DetachedTask.start(DetachedTask.nextName(), task);
    }

    /**
     * Returns {@code task} itself, as {@code asyncio.ensure_future} returns a task it is given.
     *
     * @param task a task already started
     * @param <T> the type of its result
     * @return {@code task}
     * @throws NullPointerException if {@code task} is null
     */
    public static <T> Task<T> ensureFuture(Task<T> task) {
        return Objects.requireNonNull(task, "task");
    }

    /**
     * Wraps a future something else completes as a task, as {@code asyncio.ensure_future} wraps a
     * future-like object. Cancelling the task cancels the future.
     *
     * @param future the future
     * @param <T> the type of its result
     * @return a task that ends as {@code future} completes
     * @throws NullPointerException if {@code future} is null
     */
    public static <T> Task<T> ensureFuture(CompletableFuture<T> future) {
        Objects.requireNonNull(future, "future");
        return Task.of(DetachedTask.nextName(), future);
    }

    /**
     * Starts {@code task} at once, called {@code name}: {@code asyncio.create_task(coro, name=name)}.
     * It belongs to the current scope exactly as with {@link #ensureFuture(Callable)}; its thread
     * bears the same name.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=create-task}
     *
     * @param name the task's name
     * @param task what to run
     * @param <T> the type of its result
     * @return the started task
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the current scope is closing
     */
    public static <T> Task<T> createTask(String name, Callable<T> task) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        TaskScope owner = currentOwner();
        return owner != null ? owner.fork(name, task) : DetachedTask.start(name, task);
    }

    /** The current scope, or the one a gathered task gets for its children, or null. */
    private static @Nullable TaskScope currentOwner() {
        Optional<TaskScope> scope = TaskScope.current();
        return scope.isPresent() ? scope.get() : GatherRun.scopeOfCurrentTask();
    }

    // ---------------------------------------------------------------- sleep and timeouts

    /**
     * Sleeps for {@code delay}: {@code await asyncio.sleep(delay)}. On a virtual thread only the
     * task parks. A zero or negative delay yields to other threads, as {@code asyncio.sleep(0)}
     * does, and is still a point where an interrupt is noticed.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=sleep}
     *
     * @param delay how long to sleep
     * @throws InterruptedException if the thread is interrupted (cancelled)
     * @throws NullPointerException if {@code delay} is null
     */
    public static void sleep(Duration delay) throws InterruptedException {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            Thread.yield();
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted in Async.sleep");
            }
            return;
        }
        Thread.sleep(delay);
    }

    /**
     * Sleeps for {@code delay}, then returns {@code result}: {@code asyncio.sleep(delay, result)}.
     *
     * @param delay how long to sleep
     * @param result what to return, may be null
     * @param <T> the type of the result
     * @return {@code result}
     * @throws InterruptedException if the thread is interrupted (cancelled)
     * @throws NullPointerException if {@code delay} is null
     */
    public static <T extends @Nullable Object> T sleep(Duration delay, T result) throws InterruptedException {
        sleep(delay);
        return result;
    }

    /**
     * Runs {@code task} and waits at most {@code timeout} for its result:
     * {@code await asyncio.wait_for(coro, timeout)}. On timeout the task is cancelled, waited for
     * until it has ended, and {@link TimeoutException} is thrown. A zero or negative timeout does
     * not wait: the task is started and, unless it is already done, cancelled at once.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=wait-for}
     *
     * <p>The {@code java.util.concurrent} neighbour, {@code Future.get(timeout)}, leaves the task
     * running on timeout.
     *
     * @param task what to run
     * @param timeout how long to wait for it
     * @param <T> the type of its result
     * @return what the task returned
     * @throws TimeoutException if it has not ended in time (it has been cancelled and has ended)
     * @throws TaskFailedException if it threw; the cause is what it threw
     * @throws InterruptedException if the caller is interrupted (the task is cancelled and has
     *     ended)
     * @throws NullPointerException if an argument is null
     */
    public static <T> T waitFor(Callable<T> task, Duration timeout) throws InterruptedException, TimeoutException {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(timeout, "timeout");
        try (TaskScope scope = TaskScope.builder().name("waitFor-" + SCOPE_IDS.incrementAndGet()).failFast(false).open()) {
            Task<T> running = forkUnder(scope, task, CancelScope.deadlineAfter(timeout));
            try {
                return running.await(timeout);
            } catch (TimeoutException e) {
                running.cancel();
                throw new TimeoutException("task '" + running.name() + "' did not end within " + timeout + "; it was cancelled");
            }
        }
    }

    /** Forks {@code task} in {@code scope} so that it runs under {@code deadline} too. */
    private static <T> Task<T> forkUnder(TaskScope scope, Callable<T> task, java.time.Instant deadline) {
        ForkContext.Restore restore = ForkContext.capture().withDeadline(deadline).install();
        try {
            return scope.fork(task);
        } finally {
            restore.close();
        }
    }

    /**
     * Runs {@code body} on the calling thread under a deadline {@code timeout} from now:
     * {@code async with asyncio.timeout(delay)}, Trio's {@code fail_after}. Past the deadline the
     * body's thread is interrupted, every task it started in weft scopes is cancelled and awaited,
     * and {@link TimeoutException} is thrown, also if the body caught the interrupt and returned.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=timeout}
     *
     * <p>The deadline is visible to the body and to everything it forks
     * ({@link TaskScope#currentDeadline()}); a scope or timeout nested inside keeps the earlier of
     * the two deadlines. Tasks the body starts with {@link #ensureFuture}/{@link #createTask}
     * belong to a scope of the timeout's own, and those still running when the body ends are
     * cancelled and awaited, as with {@link #run}. An interrupt from elsewhere (a caller, the
     * cancellation of an enclosing scope) is not a timeout: the body's
     * {@code InterruptedException} then passes through. A zero or negative timeout has passed
     * already: the body does not run, and {@code TimeoutException} is thrown (asyncio's
     * {@code timeout(0)} times out at the body's first {@code await}). Compared with
     * {@link #waitFor(Callable, Duration)}: the body runs on the calling thread, not on a task.
     *
     * @param timeout how long the body may run
     * @param body what to run
     * @param <T> the type of its result
     * @return what the body returned
     * @throws TimeoutException if the deadline passed before the body ended; what the body threw
     *     then, other than the interruption, is suppressed in it
     * @throws InterruptedException if the caller is interrupted by something else than the
     *     deadline and the body gives up with it
     * @throws Exception what the body threw
     * @throws NullPointerException if an argument is null
     * @since 0.1
     */
    public static <T extends @Nullable Object> T timeout(Duration timeout, Callable<T> body) throws TimeoutException, Exception {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(body, "body");
        return CancelScope.within(CancelScope.deadlineAfter(timeout), body);
    }

    /**
     * As {@link #timeout}, but running out of time is not an error: the result is empty then.
     * Trio's {@code move_on_after}.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=move-on-after}
     *
     * <p>A zero or negative timeout does not run the body and returns empty. A body that returns
     * null gives an empty result too.
     *
     * @param timeout how long the body may run
     * @param body what to run
     * @param <T> the type of its result
     * @return what the body returned, or empty if the deadline passed first
     * @throws InterruptedException if the caller is interrupted by something else than the
     *     deadline and the body gives up with it
     * @throws Exception what the body threw, also after the deadline if it is not the
     *     interruption
     * @throws NullPointerException if an argument is null
     * @since 0.1
     */
    public static <T> Optional<T> moveOnAfter(Duration timeout, Callable<? extends @Nullable T> body) throws Exception {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(body, "body");
        return CancelScope.withinOrEmpty(CancelScope.deadlineAfter(timeout), body);
    }

    /**
     * Runs {@code body} on the calling thread shielded from cancellation: {@code asyncio.shield},
     * Trio's {@code CancelScope(shield=True)}. A cancellation of an enclosing scope (its deadline,
     * an {@link #timeout}, a failing sibling, {@code Task.cancel()} of the task running it) does
     * not interrupt the body; it is delivered, as an interrupt, as soon as the body ends. An
     * interrupt the thread already had when the body started waits likewise. Inside, the body
     * runs under no deadline; timeouts opened inside work as usual.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=shield}
     *
     * <p>Only weft's cancellations are held back: a raw {@link Thread#interrupt()} by other code
     * still reaches the body. Unlike {@code asyncio.shield}, which lets the caller go on while the
     * shielded task runs, the caller waits for the body: nothing outlives the call.
     *
     * @param body what to run
     * @param <T> the type of its result
     * @return what the body returned
     * @throws Exception what the body threw
     * @throws NullPointerException if {@code body} is null
     * @since 0.1
     */
    public static <T extends @Nullable Object> T shield(Callable<T> body) throws Exception {
        return CancelScope.shielded(body);
    }

    /**
     * Waits at most {@code timeout} for an already started {@code task}, and cancels it on
     * timeout: {@code await asyncio.wait_for(task, timeout)}, then throws
     * {@link TimeoutException}. The cancelled task is done at once; its code, interrupted, may
     * still be stopping on its thread, which the task's scope waits for when it closes.
     *
     * @param task the task
     * @param timeout how long to wait for it
     * @param <T> the type of its result
     * @return what the task returned
     * @throws TimeoutException if it has not ended in time (it has been cancelled)
     * @throws TaskFailedException if it threw; the cause is what it threw
     * @throws CancellationException if it was cancelled by someone else
     * @throws InterruptedException if the caller is interrupted (the task is left running, as
     *     {@link Task#await()} leaves it)
     * @throws NullPointerException if an argument is null
     */
    public static <T> T waitFor(Task<T> task, Duration timeout) throws InterruptedException, TimeoutException {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(timeout, "timeout");
        try {
            return task.await(timeout);
        } catch (TimeoutException e) {
            task.cancel();
            throw new TimeoutException("task '" + task.name() + "' did not end within " + timeout + "; it was cancelled");
        }
    }

    // ---------------------------------------------------------------- as_completed, race, wait

    /**
     * Hands out {@code tasks} in the order they end: {@code asyncio.as_completed(tasks)}.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=as-completed}
     *
     * @param tasks the tasks to watch, started already; a task given twice is handed out once
     * @param <T> the type of their results
     * @return the tasks in completion order (see {@link CompletionOrder})
     * @throws NullPointerException if {@code tasks} or one of them is null
     */
    public static <T> CompletionOrder<T> asCompleted(Collection<? extends Task<T>> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        return new CompletionOrder<>(tasks);
    }

    /**
     * Runs every task at once and returns the first result to arrive; the others are then
     * cancelled and awaited: the {@code ExecutorService.invokeAny} of asyncio (where one writes it
     * with {@code asyncio.wait(..., return_when=FIRST_COMPLETED)} and cancels the pending set).
     * A failed task does not end the race: the first <em>success</em> wins; only when every task
     * has failed does the race throw a {@link RaceFailedException} with all their failures.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=race}
     *
     * @param tasks the entrants, at least one, none null
     * @param <T> the type of the result
     * @return the first value returned
     * @throws RaceFailedException if every task failed; it names the race ({@code race-N}) and
     *     carries each failure in argument order
     * @throws IllegalArgumentException if no task is given
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into a copy of type Object[]
    public static <T> T race(Callable<? extends T>... tasks) throws InterruptedException {
        return raceAll(Arguments.copyOf(tasks, "tasks"));
    }

    /**
     * As {@link #race(Callable[])}, for a collection of tasks.
     *
     * @param tasks the entrants, at least one, none null
     * @param <T> the type of the result
     * @return the first value returned
     * @throws RaceFailedException if every task failed; it names the race ({@code race-N}) and
     *     carries each failure in iteration order
     * @throws IllegalArgumentException if {@code tasks} is empty
     * @throws InterruptedException if the caller is interrupted; the tasks are cancelled and have
     *     ended when it is thrown
     * @throws NullPointerException if {@code tasks} or one of them is null (nothing is started)
     */
    public static <T> T race(Collection<? extends Callable<? extends T>> tasks) throws InterruptedException {
        return raceAll(Arguments.copyOf(tasks, "tasks"));
    }

    private static <T> T raceAll(Object[] entrants) throws InterruptedException {
        if (entrants.length == 0) {
            throw new IllegalArgumentException("a race needs at least one task");
        }
        Task<?>[] tasks = new Task<?>[entrants.length];
        RaceJudge judge = new RaceJudge(entrants.length);
        String name = "race-" + SCOPE_IDS.incrementAndGet();
        try (TaskScope scope = TaskScope.builder().name(name).failFast(false).open()) {
            for (int i = 0; i < entrants.length; i++) {
                tasks[i] = scope.fork((Callable<?>) entrants[i]);
                tasks[i].onDone(judge);
            }
            judge.awaitDecision();
            scope.cancel();
        }
        Task<?> winner = judge.winner();
        if (winner != null) {
            @SuppressWarnings("unchecked") // the entrants all return T
            T value = (T) winner.outcome().getOrThrow();
            return value;
        }
        List<Throwable> failures = new ArrayList<>(tasks.length);
        for (Task<?> task : tasks) {
            failures.add(switch (task.outcome()) {
                case Outcome.Failure<?> f -> f.error();
                default -> new CancellationException("task '" + task.name() + "' was cancelled");
            });
        }
        throw new RaceFailedException(name, failures);
    }

    /**
     * Waits until {@code when} holds for {@code tasks}, and returns which had ended and which had
     * not: {@code done, pending = await asyncio.wait(tasks, return_when=when)}. Nothing is
     * cancelled: the pending tasks run on.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=await-tasks}
     *
     * <p>Named {@code awaitTasks} because {@code wait} belongs to {@link Object}.
     *
     * @param tasks the tasks, started already, at least one; a task given twice counts once
     * @param when when to return
     * @param <T> the type of their results
     * @return the tasks that had ended and those that had not, each in the order given
     * @throws IllegalArgumentException if {@code tasks} is empty
     * @throws InterruptedException if the caller is interrupted while waiting (the tasks go on)
     * @throws NullPointerException if an argument or a task is null
     */
    public static <T> DoneAndPending<T> awaitTasks(Collection<? extends Task<T>> tasks, ReturnWhen when)
            throws InterruptedException {
        return awaitTasks(tasks, when, Long.MAX_VALUE);
    }

    /**
     * As {@link #awaitTasks(Collection, ReturnWhen)}, returning after {@code timeout} at the
     * latest: {@code asyncio.wait(tasks, timeout=timeout, return_when=when)}. Running out of time is
     * not an error: the tasks not ended are in {@link DoneAndPending#pending()}. A zero or negative
     * timeout does not wait.
     *
     * @param tasks the tasks, started already, at least one; a task given twice counts once
     * @param when when to return
     * @param timeout how long to wait at most
     * @param <T> the type of their results
     * @return the tasks that had ended and those that had not, each in the order given
     * @throws IllegalArgumentException if {@code tasks} is empty
     * @throws InterruptedException if the caller is interrupted while waiting (the tasks go on)
     * @throws NullPointerException if an argument or a task is null
     */
    public static <T> DoneAndPending<T> awaitTasks(Collection<? extends Task<T>> tasks, ReturnWhen when, Duration timeout)
            throws InterruptedException {
        return awaitTasks(tasks, when, Durations.toTimeoutNanos(timeout));
    }

    private static <T> DoneAndPending<T> awaitTasks(Collection<? extends Task<T>> tasks, ReturnWhen when, long nanos)
            throws InterruptedException {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(when, "when");
        Set<Task<T>> distinct = new LinkedHashSet<>();
        for (Task<T> task : tasks) {
            distinct.add(Objects.requireNonNull(task, "tasks holds a null task"));
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("awaitTasks needs at least one task");
        }
        WaitCondition condition = new WaitCondition(distinct.size(),
                when == ReturnWhen.FIRST_COMPLETED, when == ReturnWhen.FIRST_EXCEPTION);
        if (nanos > 0) {
            for (Task<T> task : distinct) {
                task.onDone(condition);
            }
        }
        condition.await(nanos);
        Set<Task<T>> done = new LinkedHashSet<>();
        Set<Task<T>> pending = new LinkedHashSet<>();
        for (Task<T> task : distinct) {
            (task.isDone() ? done : pending).add(task);
        }
        return new DoneAndPending<>(done, pending);
    }
}
