package dev.weft.core;

import dev.weft.core.internal.CancelScope;
import dev.weft.core.internal.FirstFailure;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.ForkedTask;
import dev.weft.core.internal.LiveThreads;
import dev.weft.core.internal.StartedForks;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.core.internal.registry.ScopeRecord;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A structured lifetime for concurrent tasks: Trio's nursery, Python's {@code asyncio.TaskGroup}.
 * Every task {@linkplain #fork(Callable) forked} in a scope runs on its own thread and ends
 * before the scope does: when {@link #close()} returns, no thread the scope started is alive.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=task-scope}
 *
 * <p><b>Policies.</b> {@link #open()} gives virtual threads and fail-fast; {@link #builder()}
 * sets a name, the {@link ThreadKind}, fail-fast on or off, a deadline and a {@link Timeline}
 * that records one span a fork.
 * <ul>
 *   <li><b>Fail-fast</b> (default): the first fork that fails cancels (interrupts) its siblings,
 *       and {@link #join()} throws a {@link TaskFailedException} for it, with the failures that
 *       came after as suppressed exceptions. Without fail-fast, forks run to the end and
 *       {@code join()} returns normally; look at each task's {@link Task#outcome()}.</li>
 *   <li><b>Deadline</b>: measured from {@code open()}; the scope runs under the earlier of it
 *       and the deadline the opening code already runs under ({@link #currentDeadline()}), and so
 *       do its forks. When it passes, every running fork is cancelled, {@code join()} throws
 *       {@link ScopeTimeoutException}, and the body's own code (the opening thread, between
 *       {@code open()} and {@code close()}, unless it waits in {@code join()}) is interrupted.
 *       That interrupt never lands after {@code close()} began, and {@code close()} clears it
 *       if it is still set; an interrupt from anyone else stays. The deadline that passes is
 *       enforced, and reported, by the scope that set it: a scope whose own deadline is later
 *       than the enclosing one (or that has none) is ended by the enclosing scope's cancellation
 *       of the code that runs it.</li>
 * </ul>
 *
 * <p><b>Compared with</b> the JDK's preview {@code StructuredTaskScope}: forks may be made from
 * any thread, including the forks themselves (as {@code TaskGroup.create_task} can), the scope
 * may be joined more than once, and it works on Java 21 without preview features. Compared with
 * an {@code ExecutorService}: nothing outlives the block, and a failure is never silently lost.
 *
 * <p>A cancelled fork's {@link Task} is done at once (it is a {@code Future}), but the scope
 * counts its thread until it has ended: {@link #join()} and {@link #close()} wait for it. A fork
 * that, once cancelled, throws something other than an interruption (an error while cleaning up)
 * is still a failure of the scope, reported by {@code join()}, while its task stays cancelled.
 *
 * <p>A fork made after the scope was cancelled (by a failure or the deadline) is returned already
 * {@linkplain Outcome.Cancelled cancelled} and never runs. {@link #join()} from inside one of the
 * scope's own forks would wait for itself and throws {@link IllegalStateException}.
 *
 * <p>Memory consistency: what a fork did happens-before {@code join()} returns or throws.
 *
 * @since 0.1
 */
public final class TaskScope implements AutoCloseable {
    private static final AtomicLong SCOPE_IDS = new AtomicLong();
    /** The innermost scope a thread opened; a fork's own scope is found from its task instead. */
    private static final ThreadLocal<TaskScope> CURRENT = new ThreadLocal<>();
    private static final VarHandle COUNTED;
    private static final VarHandle ENDED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNTED = lookup.findVarHandle(TaskScope.class, "counted", long.class);
            ENDED = lookup.findVarHandle(TaskScope.class, "ended", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private enum State { OPEN, CANCELLED, CLOSED }

    private final String name;
    private final ThreadKind threads;
    private final boolean failFast;
    private final Duration deadline;
    private final Timeline timeline;
    private final Consumer<? super TaskFailedException> onFirstFailure;
    private final TaskScope enclosing;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allEnded = lock.newCondition();
    /**
     * How many threads wait on {@link #allEnded}; changed under the lock. The last fork to end
     * takes the lock to wake them only if there are any: a fork that ends while the forking
     * thread holds the lock would otherwise make it wait on every fork it starts.
     */
    private volatile int waiters;
    /** The forks whose work or thread may not be over; under the lock. */
    private final StartedForks started = new StartedForks();
    /** How many forks were asked for, named or not: numbers the default names; under the lock. */
    private long forksAsked;
    /** Makes the threads of the forks named after the scope, made by the first; under the lock. */
    private ThreadFactory scopeNamedThreads;
    /** The deadline's cancel scope on the opening thread, if the scope has a deadline. */
    private final CancelScope deadlineScope;
    private final boolean inheritContext;
    /** The deadline the scope runs under: the earlier of its own and the opening thread's. */
    private final Instant effectiveDeadline;

    private State state = State.OPEN;
    /**
     * Forks that count until they end; the forks not ended yet are {@code counted - ended}. A
     * fork is counted under the lock (with the state check) by a release store, which costs the
     * forking thread no atomic instruction; it is ended by an atomic add to {@link #ended},
     * which the forking thread does not write as it forks. With one counter raised by the
     * forking thread and lowered by every ending fork, each fork waited for the cache line the
     * ending forks held.
     */
    private volatile long counted;
    /** Counted forks that have ended; only added to, atomically, by the thread that ends one. */
    private volatile long ended;
    private boolean timedOut;
    private boolean deadlinePassed;
    /** With fail-fast, the failures {@link #join()} throws; without, only which came first. */
    private final FirstFailure failures;
    /** What Scopes.dump() and the JFR events see of this scope. */
    private final ScopeRecord observed;
    /** Made once, not once a fork. */
    private final ForkedTask.Runner runAsFork = this::runAsFork;
    private final ForkedTask.EndListener forkEnded = this::forkEnded;

    private TaskScope(Builder builder) {
        this.name = builder.name != null ? builder.name : "scope-" + SCOPE_IDS.incrementAndGet();
        this.threads = builder.threads;
        this.failFast = builder.failFast;
        this.deadline = builder.deadline;
        this.timeline = builder.timeline;
        this.onFirstFailure = builder.onFirstFailure;
        this.failures = failFast ? FirstFailure.failFast(this::cancelOnFirstFailure) : FirstFailure.firstOnly();
        this.inheritContext = builder.inheritContext;
        this.enclosing = current().orElse(null);
        CURRENT.set(this);
        if (deadline != null) {
            deadlineScope = CancelScope.open(CancelScope.deadlineAfter(deadline), this::deadlinePassed);
            effectiveDeadline = deadlineScope.deadline().orElse(null);
        } else {
            deadlineScope = null;
            effectiveDeadline = CancelScope.currentDeadline().orElse(null);
        }
        this.observed = ScopeRecord.openScope(this, name, deadline, TaskScope::startedForks); // holds no scope
    }

    /**
     * Opens a scope with the defaults: virtual threads, fail-fast, no deadline, no timeline.
     *
     * @return the open scope; close it with try-with-resources
     */
    public static TaskScope open() {
        return builder().open();
    }

    /** {@return a builder for a scope with other policies} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the scope the current thread works in: the innermost scope it opened and has not
     * closed, or else the scope that forked it. Libraries use it to attach work to the caller's
     * structure, as {@code Async.ensureFuture} does.
     *
     * @return the current scope, if any
     */
    public static Optional<TaskScope> current() {
        TaskScope scope = CURRENT.get();
        if (scope == null) {
            scope = forkScope();
        }
        TaskScope open = scope;
        while (open != null && open.isClosed()) {
            open = open.enclosing; // closed from another thread: forget it here too
        }
        if (open != scope) {
            if (open == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(open);
            }
        }
        return Optional.ofNullable(open);
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return state == State.CLOSED;
        } finally {
            lock.unlock();
        }
    }

    /** {@return the scope's name} */
    public String name() {
        return name;
    }

    /** {@return the deadline the scope was given, if any} */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Returns the deadline the calling code runs under: the earliest of the deadlines of the
     * scopes it runs in (a {@code TaskScope}'s, {@code Async.timeout}'s, {@code Async.waitFor}'s),
     * on the thread that opened them or in the forks they started. Inside {@code Async.shield},
     * none.
     *
     * {@snippet class=dev.weft.core.snippets.CoreSnippets region=current-deadline}
     *
     * @return the deadline, if the code runs under one
     * @since 0.1
     */
    public static Optional<Instant> currentDeadline() {
        return CancelScope.currentDeadline();
    }

    /** {@return the timeline forks are recorded on, if any} */
    public Optional<Timeline> timeline() {
        return Optional.ofNullable(timeline);
    }

    /** {@return true once the scope was cancelled by a failure, its deadline or {@link #cancel()}} */
    public boolean isCancelled() {
        lock.lock();
        try {
            return state != State.OPEN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns how many forks have not ended yet: 0 when {@link #join()} has nothing left to wait
     * for but the last threads' exit. A cancelled fork counts until its code has stopped, although
     * its {@link Task} is done at once. The count may change as soon as it is read; a test waits
     * for 0 with {@code await().until(() -> scope.runningForks() == 0)}.
     *
     * @return the number of forks still running, 0 or more
     */
    public int runningForks() {
        return (int) Math.min(Integer.MAX_VALUE, unfinished());
    }

    /** {@return the forks not ended yet}: {@link #ended} is read first, and neither count falls */
    private long unfinished() {
        long over = (long) ENDED.getAcquire(this);
        return (long) COUNTED.getAcquire(this) - over;
    }

    /**
     * Starts {@code task} on a new thread of the scope, named after the scope. The task is named
     * {@code <scope>-<n>}, numbering the scope's forks from 1; its thread is called
     * {@code <scope>} (one name shared by the forks, which costs a trivial fork nothing), or, in a
     * scope with a {@link Timeline}, {@code <scope>-<n>} too.
     *
     * @param task what to run
     * @param <T> the type of its result
     * @return the task's handle
     * @throws NullPointerException if {@code task} is null
     * @throws IllegalStateException if the scope is closed
     */
    public <T> Task<T> fork(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return start(null, task);
    }

    /**
     * Starts {@code task} on a new thread of the scope called {@code name}.
     *
     * @param name the task's name, also its thread's name and its span's name on the timeline
     * @param task what to run
     * @param <T> the type of its result
     * @return the task's handle
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the scope is closed
     */
    public <T> Task<T> fork(String name, Callable<T> task) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        return start(name, task);
    }

    /** Starts a fork called {@code forkName}, or, if null, after its number among the scope's forks. */
    private <T> Task<T> start(String forkName, Callable<T> task) {
        ForkContext context = inheritContext ? ForkContext.capture() : ForkContext.empty();
        context = context.withDeadline(effectiveDeadline);
        Callable<T> body = context.isEmpty() ? task : context.wrap(task);
        ForkedTask<T> forked;
        ThreadFactory named;
        lock.lock(); // numbers the fork too: one atomic step less per fork than a counter of its own
        try {
            forked = newFork(forkName, ++forksAsked, body); // a named fork counts too: default names number every fork
            switch (state) {
                case CLOSED -> throw new IllegalStateException("scope '" + this.name + "' is closed");
                case CANCELLED -> {
                    timedOut |= deadlinePassed;
                    forked.cancelBeforeStart();
                    observed.forkCancelledBeforeStart(forked);
                    return forked;
                }
                case OPEN -> {
                    COUNTED.setRelease(this, counted + 1); // under the lock: no other writer
                    started.add(forked);
                    observed.forkCounted();
                }
            }
            named = forkName == null && timeline == null ? scopeNamedThreads() : null;
        } finally {
            lock.unlock();
        }
        if (named != null) {
            forked.startOn(named);
        } else {
            forked.startOn(threads); // a thread named after its fork
        }
        return forked;
    }

    /** Under the lock: {@return the factory of threads named after the scope}, made once. */
    private ThreadFactory scopeNamedThreads() {
        ThreadFactory made = scopeNamedThreads;
        if (made == null) {
            made = LiveThreads.named(threads, name);
            scopeNamedThreads = made;
        }
        return made;
    }

    private <T> ForkedTask<T> newFork(String forkName, long number, Callable<T> body) {
        // on a timeline each fork's thread keeps a name of its own (a span's lane and colour)
        String named = forkName != null ? forkName : timeline != null ? name + "-" + number : null;
        return named != null
                ? new ForkedTask<>(named, body, runAsFork, forkEnded, this, true) // threads listed by observed
                : new ForkedTask<>(name, number, body, runAsFork, forkEnded, this, true);
    }

    /**
     * Runs a fork's body. No thread-local is set: {@link #current()} finds the scope from the task
     * the thread runs ({@link ForkedTask#current()}), which spares each fork's thread a map.
     */
    private <T> T runAsFork(ForkedTask<T> task, Callable<T> body) throws Exception {
        observed.forkStarted(task);
        if (timeline == null) {
            return body.call();
        }
        Timeline.OpenSpan span = timeline.span(task.name());
        try {
            return body.call();
        } finally {
            span.close();
        }
    }

    /** {@return the scope whose fork the calling thread runs, or null} */
    private static TaskScope forkScope() {
        ForkedTask<?> task = ForkedTask.current();
        return task != null && task.owner() instanceof TaskScope scope ? scope : null;
    }

    /**
     * A fork has ended. A success takes no lock: with many short forks ending at once, the
     * scope's lock would park most of them. The thread is queued and a failure recorded before
     * the count drops, so whoever sees it reach zero also sees them. With fail-fast, recording
     * the first failure cancels the scope ({@link #cancelOnFirstFailure()}) before it returns.
     */
    private void forkEnded(ForkedTask<?> task, Outcome<?> outcome, Thread thread) {
        observed.forkEnded(task, outcome, thread);
        if (outcome instanceof Outcome.Failure<?> failure) {
            TaskFailedException first = failures.add(task.name(), failure.error());
            if (first != null && onFirstFailure != null) {
                // the fork counts as unfinished until its listener has run: join() and close()
                // return only after it, so it never runs behind a closed scope
                tellFirstFailure(first);
                return;
            }
        }
        forkDone();
    }

    private void forkDone() {
        // a waiter counts itself before it reads the count: seeing 0 here, or none, is no lost
        // wake-up. The add that makes ended reach counted sees that count: each counted fork was
        // counted before its thread started, so before its own add, which is this one or earlier.
        long over = (long) ENDED.getAndAdd(this, 1L) + 1;
        if (waiters > 0 && over == (long) COUNTED.getAcquire(this)) {
            lock.lock(); // a waiter checks the count and parks under the lock: no lost wake-up
            try {
                allEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** With fail-fast, the first failure cancels the scope; called once, by {@link #failures}. */
    private void cancelOnFirstFailure() {
        lock.lock();
        try {
            markCancelled();
        } finally {
            lock.unlock();
        }
        cancelForks();
    }

    private void tellFirstFailure(TaskFailedException first) {
        try {
            onFirstFailure.accept(first);
        } catch (RuntimeException | Error listenerError) {
            first.getCause().addSuppressed(listenerError); // reported with the failure, not lost
        } finally {
            forkDone();
        }
    }

    private void deadlinePassed() {
        lock.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            deadlinePassed = true;
            timedOut = unfinished() > 0;
            markCancelled();
        } finally {
            lock.unlock();
        }
        cancelForks();
    }

    /**
     * Cancels every running fork, and every fork made from now on. {@link #join()} then waits for
     * the forks to end and returns normally (unless a fork failed first or the deadline passed).
     */
    public void cancel() {
        boolean cancelled;
        lock.lock();
        try {
            cancelled = markCancelled();
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            cancelForks();
        }
    }

    /** Under the lock: an open scope becomes cancelled, so no fork joins {@link #started} any more. */
    private boolean markCancelled() {
        if (state != State.OPEN) {
            return false;
        }
        state = State.CANCELLED;
        return true;
    }

    /**
     * Cancels every running fork; called without the lock, after the state left {@code OPEN}, so
     * that the forks' done callbacks, which run here, never run under the scope's lock.
     */
    private void cancelForks() {
        for (ForkedTask<?> task : startedForks()) {
            task.cancel();
        }
    }

    /** {@return the forks whose work or thread may not be over yet, in start order} */
    private List<ForkedTask<?>> startedForks() {
        lock.lock();
        try {
            return started.snapshot();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the threads of ended forks that may not have terminated yet; forgets the others} */
    private List<Thread> threadsToAwait() {
        lock.lock();
        try {
            return started.threadsToAwait();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every fork has ended, including forks made while waiting.
     *
     * @throws TaskFailedException with fail-fast, if a fork failed: the first failure, with later
     *     ones suppressed
     * @throws ScopeTimeoutException if the deadline passed first (the forks were cancelled)
     * @throws InterruptedException if the calling thread is interrupted while waiting; the forks
     *     go on until {@link #close()}
     * @throws IllegalStateException if called from one of this scope's own forks
     */
    public void join() throws InterruptedException {
        ensureNotInsideOwnFork("join");
        // while the owner waits here, the deadline cancels the forks and join reports it: no interrupt
        boolean paused = deadlineScope != null && deadlineScope.pauseInterrupt();
        try {
            awaitForks();
        } catch (InterruptedException e) {
            if (deadlineScope == null || !deadlineScope.claimInterrupt()) {
                throw e;
            }
            awaitForksUninterruptibly(); // the deadline's interrupt, sent to the body: the forks are cancelled
        } finally {
            if (paused) {
                deadlineScope.resumeInterrupt();
            }
        }
        lock.lock();
        try {
            throwIfFailedOrTimedOut();
        } finally {
            lock.unlock();
        }
    }

    private void awaitForks() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            waiters++;
            try {
                while (unfinished() > 0) {
                    allEnded.await();
                }
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
        for (List<Thread> threads; !(threads = threadsToAwait()).isEmpty(); ) {
            for (Thread thread : threads) {
                thread.join(); // kept until it is dead: a close() running meanwhile still waits for it
            }
        }
    }

    private void awaitForksUninterruptibly() {
        lock.lock();
        try {
            waiters++;
            try {
                while (unfinished() > 0) {
                    allEnded.awaitUninterruptibly(); // sets the interrupt flag again when it returns
                }
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
        awaitTermination();
    }

    private void throwIfFailedOrTimedOut() {
        TaskFailedException failure = failures.get();
        if (failFast && failure != null) {
            throw failure; // the later failures were added to it as suppressed as they came
        }
        if (timedOut) {
            throw new ScopeTimeoutException(name, deadline);
        }
    }

    private void ensureNotInsideOwnFork(String what) {
        if (forkScope() == this) {
            throw new IllegalStateException(what + " from inside a fork of scope '" + name + "' would wait for itself");
        }
    }

    /**
     * Cancels the forks still running and waits until all have ended; then no thread of the
     * scope is alive. Task failures are not thrown here: call {@link #join()} for them. If the
     * calling thread is interrupted while waiting, it still waits, then sets its interrupt flag
     * again. Later calls do nothing.
     *
     * @throws IllegalStateException if called from one of this scope's own forks
     */
    @Override
    public void close() {
        ensureNotInsideOwnFork("close");
        if (deadlineScope != null) {
            deadlineScope.close(); // first: from now on the deadline interrupts nobody; its interrupt is cleared
        }
        boolean closing;
        lock.lock();
        try {
            closing = state != State.CLOSED;
            state = State.CLOSED;
        } finally {
            lock.unlock();
        }
        if (closing) {
            cancelForks();
        }
        try {
            awaitForksUninterruptibly();
        } finally {
            observed.closed();
            if (CURRENT.get() == this) {
                if (enclosing == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(enclosing);
                }
            }
        }
    }

    /** Waits until every thread whose fork has ended has terminated; an interrupt is deferred. */
    private void awaitTermination() {
        for (List<Thread> threads; !(threads = threadsToAwait()).isEmpty(); ) {
            for (Thread thread : threads) {
                Uninterruptibly.join(thread);
            }
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "TaskScope[" + name + ", " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + unfinished() + " running]";
        } finally {
            lock.unlock();
        }
    }

    /**
     * Builds a {@link TaskScope} with chosen policies; every setting may be set once. The builder
     * can be reused after {@link #open()}.
     *
     * {@snippet class=dev.weft.core.snippets.CoreSnippets region=scope-builder}
     *
     * @since 0.1
     */
    public static final class Builder {
        private String name;
        private ThreadKind threads = ThreadKind.VIRTUAL;
        private boolean threadsSet;
        private boolean failFast = true;
        private boolean failFastSet;
        private Duration deadline;
        private Timeline timeline;
        private Consumer<? super TaskFailedException> onFirstFailure;
        private boolean inheritContext = true;
        private boolean inheritContextSet;

        private Builder() {
        }

        /**
         * Names the scope; its forks' default names start with it. Default: {@code scope-N}.
         *
         * @param name the name
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalStateException if the name was already set
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            checkUnset(this.name == null, "name");
            this.name = name;
            return this;
        }

        /**
         * Chooses the kind of thread each fork runs on. Default: {@link ThreadKind#VIRTUAL}.
         *
         * @param kind the kind
         * @return this builder
         * @throws NullPointerException if {@code kind} is null
         * @throws IllegalStateException if it was already set
         */
        public Builder threads(ThreadKind kind) {
            Objects.requireNonNull(kind, "kind");
            checkUnset(!threadsSet, "threads");
            threadsSet = true;
            this.threads = kind;
            return this;
        }

        /**
         * Turns fail-fast on or off. Default: on.
         *
         * @param failFast whether the first failure cancels the other forks
         * @return this builder
         * @throws IllegalStateException if it was already set
         */
        public Builder failFast(boolean failFast) {
            checkUnset(!failFastSet, "failFast");
            failFastSet = true;
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets a deadline, measured from {@code open()}. Default: none. A zero or negative
         * deadline has passed at once.
         *
         * @param deadline how long the scope may run
         * @return this builder
         * @throws NullPointerException if {@code deadline} is null
         * @throws IllegalStateException if it was already set
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            checkUnset(this.deadline == null, "deadline");
            this.deadline = deadline;
            return this;
        }

        /**
         * Records one span a fork on {@code timeline}. Default: none.
         *
         * @param timeline the timeline
         * @return this builder
         * @throws NullPointerException if {@code timeline} is null
         * @throws IllegalStateException if it was already set
         */
        public Builder timeline(Timeline timeline) {
            Objects.requireNonNull(timeline, "timeline");
            checkUnset(this.timeline == null, "timeline");
            this.timeline = timeline;
            return this;
        }

        /**
         * Calls {@code listener} once, when the first fork fails: with fail-fast on, after the
         * other forks were cancelled. It runs on the failing fork's thread, before {@link #join()}
         * or {@link #close()} can return, so it should be quick and must not wait for the scope
         * (the scope waits for it); it receives the failure that
         * {@code join()} throws (with fail-fast off, one made for it). What the listener throws is
         * added to the fork's exception as suppressed. Default: none.
         *
         * {@snippet class=dev.weft.core.snippets.CoreSnippets region=on-first-failure}
         *
         * @param listener what to call
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         * @throws IllegalStateException if it was already set
         */
        public Builder onFirstFailure(Consumer<? super TaskFailedException> listener) {
            Objects.requireNonNull(listener, "listener");
            checkUnset(this.onFirstFailure == null, "onFirstFailure");
            this.onFirstFailure = listener;
            return this;
        }

        /**
         * Chooses whether forks start with the context of the code that forks them: its SLF4J
         * MDC and the values of the {@code ThreadLocalAccessor}s registered in Micrometer's
         * {@code ContextRegistry} (when {@code io.micrometer:context-propagation} is on the class
         * path), installed around the fork's code and removed after it. Default: on. Off, forks
         * start clean (an empty MDC, no registered value), for code that must not carry a
         * request's context; they still run under the scope's deadline. The setting is this
         * scope's only: a scope opened inside a fork has its own (default on), and passes on
         * the context that fork has.
         *
         * {@snippet class=dev.weft.core.snippets.CoreSnippets region=inherit-context}
         *
         * @param inherit whether forks inherit the forking code's context
         * @return this builder
         * @throws IllegalStateException if it was already set
         * @since 0.1
         */
        public Builder inheritContext(boolean inherit) {
            checkUnset(!inheritContextSet, "inheritContext");
            inheritContextSet = true;
            this.inheritContext = inherit;
            return this;
        }

        private static void checkUnset(boolean unset, String setting) {
            if (!unset) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        /**
         * Opens the scope, owned by the calling thread.
         *
         * @return the open scope
         */
        public TaskScope open() {
            return new TaskScope(this);
        }
    }
}
