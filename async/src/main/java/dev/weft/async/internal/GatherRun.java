package dev.weft.async.internal;

import dev.weft.core.Outcome;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import dev.weft.core.ThreadKind;
import dev.weft.core.internal.CancelScope;
import dev.weft.core.internal.FirstFailure;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.Interruptions;
import dev.weft.core.internal.LiveThreads;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.core.internal.jfr.ForkEvent;
import dev.weft.core.internal.registry.ScopeRecord;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One call of {@code Async.gather} or {@code Async.gatherOutcomes}: every callable on a virtual
 * thread of its own (made by {@link ThreadKind#VIRTUAL}, so weft's thread tracking sees it), the
 * results in argument order, the first failure cancelling the rest when fail-fast, and every
 * thread terminated before the call returns or throws.
 *
 * <p>It is a structured scope specialised for gathering, kept lean because gather is weft's hot
 * path: per task it allocates the thread, one small runnable and nothing else (no task handle,
 * no per-task lock, no shared lock between tasks, no thread-local: the runnable is what
 * {@link LiveThreads} maps the thread to, and holds the scope the task opens for its children). A {@link TaskScope} would give each task a
 * handle, a lock and a place in a shared set, which costs several times a raw
 * {@code newVirtualThreadPerTaskExecutor()} with 100,000 tasks.
 *
 * <p><b>Tasks started by a gathered task.</b> A gathered task works in no {@code TaskScope} until
 * it starts one with {@code Async.ensureFuture}/{@code createTask}: then {@link #scopeOfCurrentTask()}
 * opens a scope for it on its own thread, and the task counts as done only once that scope has been
 * joined (its failure is the task's failure) and closed. Nothing a gathered task starts outlives
 * the gather.
 */
public final class GatherRun {
    /** Stands for "no bound" on the number of tasks running at once. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final AtomicLong IDS = new AtomicLong();

    private final String name;
    /** Makes every task's thread, called {@link #name} as it is made (no {@code setName} per task). */
    private final ThreadFactory threadsNamed;
    private final Object[] callables;
    private final boolean failFast;
    private final Object[] slots;
    private final AtomicReferenceArray<Thread> threads;
    private final AtomicInteger pending;
    private final CountDownLatch allEnded = new CountDownLatch(1);
    private final Semaphore permits;
    /** With fail-fast, the failures; the first cancels the rest. Null for {@link #outcomes}. */
    private final FirstFailure failures;
    private volatile boolean cancelled;
    /** The caller's context, which every task starts with. */
    private final ForkContext context = ForkContext.capture();
    /** What Scopes.dump() and the JFR events see of this gather. */
    private final ScopeRecord observed;

    private GatherRun(Object[] callables, int maxConcurrency, boolean failFast) {
        this.name = "gather-" + IDS.incrementAndGet();
        this.threadsNamed = LiveThreads.named(ThreadKind.VIRTUAL, name);
        this.callables = callables;
        this.failFast = failFast;
        this.slots = new Object[callables.length];
        this.threads = new AtomicReferenceArray<>(callables.length);
        this.pending = new AtomicInteger(callables.length);
        this.permits = maxConcurrency < callables.length ? new Semaphore(maxConcurrency) : null;
        this.failures = failFast ? FirstFailure.failFast(this::cancelAll) : null;
        this.observed = ScopeRecord.openGather(this, name, threads);
    }

    /**
     * Runs every callable, fail-fast, and returns their values in argument order.
     *
     * @param callables the tasks, already copied and checked for null
     * @param maxConcurrency how many may run at once, or {@link #UNBOUNDED}
     * @param <T> the type of the results
     * @return the values, unmodifiable, nulls allowed
     * @throws TaskFailedException for the first task that failed, later failures suppressed
     * @throws InterruptedException if the caller is interrupted (the tasks are cancelled and have
     *     ended first)
     */
    public static <T> List<T> values(Object[] callables, int maxConcurrency) throws InterruptedException {
        if (callables.length == 0) {
            return List.of();
        }
        GatherRun run = new GatherRun(callables, maxConcurrency, true);
        run.execute();
        TaskFailedException failure = run.failures.get();
        if (failure != null) {
            throw failure; // the later failures were added to it as suppressed as they came
        }
        return unmodifiable(run.slots);
    }

    /**
     * Runs every callable to its end and returns how each ended, in argument order. A callable
     * that ends by throwing {@link CancellationException} counts as cancelled, as a coroutine that
     * raises {@code CancelledError} does in asyncio.
     *
     * @param callables the tasks, already copied and checked for null
     * @param maxConcurrency how many may run at once, or {@link #UNBOUNDED}
     * @param <T> the type of the results
     * @return the outcomes, unmodifiable
     * @throws InterruptedException if the caller is interrupted (the tasks are cancelled and have
     *     ended first)
     */
    public static <T> List<Outcome<T>> outcomes(Object[] callables, int maxConcurrency) throws InterruptedException {
        if (callables.length == 0) {
            return List.of();
        }
        GatherRun run = new GatherRun(callables, maxConcurrency, false);
        run.execute();
        return unmodifiable(run.slots);
    }

    /**
     * Returns the scope that tasks started from the current gathered task belong to, opening it on
     * first use; null when the calling thread is not a gathered task.
     *
     * @return the scope, or null
     */
    public static TaskScope scopeOfCurrentTask() {
        if (!(LiveThreads.workOf(Thread.currentThread()) instanceof GatheredTask task) || !task.running) {
            return null;
        }
        if (task.children == null) {
            task.children = TaskScope.builder().name(task.run.name + "-children").open();
        }
        return task.children;
    }

    /**
     * One gathered task: its thread's runnable, what {@link LiveThreads} maps the thread to, and
     * the scope it opened for the tasks it started. Its fields are used by its own thread only.
     */
    private static final class GatheredTask implements Runnable {
        final GatherRun run;
        final int index;
        boolean running;
        TaskScope children;

        GatheredTask(GatherRun run, int index) {
            this.run = run;
            this.index = index;
        }

        @Override
        public void run() {
            LiveThreads.enter(this);
            try {
                run.runTask(this);
            } finally {
                LiveThreads.exit();
            }
        }
    }

    @SuppressWarnings("unchecked") // every slot holds what the caller's typed method expects
    private static <E> List<E> unmodifiable(Object[] elements) {
        return Collections.unmodifiableList((List<E>) Arrays.asList(elements));
    }

    private void execute() throws InterruptedException {
        int n = callables.length;
        int launched = 0;
        InterruptedException interrupted = null;
        try {
            for (; launched < n; launched++) {
                if (permits != null) {
                    permits.acquire();
                }
                if (cancelled) {
                    break;   // a task failed: the rest never start
                }
                launch(launched);
            }
        } catch (InterruptedException e) {
            interrupted = e;
        } catch (RuntimeException | Error cannotStart) {
            // No thread could be made or started for task `launched`: stop everything.
            cancelAll();
            tasksEnded(n - launched);
            awaitEndUninterruptibly();
            throw cannotStart;
        }
        if (launched < n) {
            observed.gatherForksCancelledBeforeStart(launched, n);
            tasksEnded(n - launched);
        }
        if (interrupted == null) {
            try {
                allEnded.await();
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }
        if (interrupted != null) {
            cancelAll();
            awaitEndUninterruptibly();
            throw interrupted;
        }
        awaitTermination();
    }

    private void launch(int index) {
        Thread thread = threadsNamed.newThread(new GatheredTask(this, index));
        threads.set(index, thread);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            threads.set(index, null);
            throw e;
        }
    }

    private void runTask(GatheredTask task) {
        int index = task.index;
        task.running = true;
        boolean ran = !cancelled;
        ForkEvent forkEvent = observed.gatherForkStarted();
        Object value = null;
        Throwable error = null;
        if (ran) {
            // a fresh thread has no context to clear: an empty snapshot needs no install
            ForkContext.Restore restore = context.isEmpty() ? null : context.install();
            try {
                try {
                    value = ((Callable<?>) callables[index]).call();
                } catch (Throwable e) {
                    error = e;
                }
                error = endChildren(task, error);
            } finally {
                if (restore != null) {
                    restore.close();
                }
            }
        }
        task.running = false;
        observed.gatherForkEnded(forkEvent, index, ran, error, cancelled);
        record(index, ran, value, error);
        if (permits != null) {
            permits.release();
        }
        tasksEnded(1);
    }

    /** Waits for the tasks the gathered task started (cancelling them if it failed). */
    private static Throwable endChildren(GatheredTask task, Throwable error) {
        TaskScope children = task.children;
        if (children == null) {
            return error;
        }
        Throwable result = error;
        if (error == null) {
            try {
                children.join();
            } catch (Throwable e) {
                result = e;
            }
        }
        children.close();
        return result;
    }

    private void record(int index, boolean ran, Object value, Throwable error) {
        boolean cancelledHere = !ran || (error != null && cancelled && Interruptions.isInterruption(error));
        if (failFast) {
            if (ran && error == null) {
                slots[index] = value;
            } else if (!cancelledHere) {
                failures.add(name + "[" + index + "]", error); // the first one calls cancelAll
            }
        } else if (cancelledHere || error instanceof CancellationException) {
            slots[index] = Outcome.cancelled();
        } else {
            slots[index] = error == null ? Outcome.success(value) : Outcome.failure(error);
        }
    }

    private void cancelAll() {
        cancelled = true;
        Thread self = Thread.currentThread();
        for (int i = 0; i < threads.length(); i++) {
            Thread thread = threads.get(i);
            if (thread != null && thread != self) {
                CancelScope.interrupt(thread); // held back while the task runs Async.shield
            }
        }
    }

    private void tasksEnded(int count) {
        if (pending.addAndGet(-count) == 0) {
            allEnded.countDown();
        }
    }

    /** Waits for every task to end, deferring an interrupt until then. */
    private void awaitEndUninterruptibly() {
        Uninterruptibly.await(allEnded);
        awaitTermination();
    }

    /** Every task has ended; waits until their threads have terminated too, deferring an interrupt. */
    private void awaitTermination() {
        for (int i = 0; i < threads.length(); i++) {
            Thread thread = threads.get(i);
            if (thread != null) {
                Uninterruptibly.join(thread);
            }
        }
        observed.closed();
    }
}
