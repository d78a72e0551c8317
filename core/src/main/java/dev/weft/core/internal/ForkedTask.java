package dev.weft.core.internal;

import dev.weft.core.Outcome;
import dev.weft.core.ThreadKind;
import dev.weft.core.internal.jfr.ForkEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * A task that runs its callable on the thread that calls {@link #run()}; cancelling it ends it
 * {@code Cancelled} at once and (with {@code mayInterruptIfRunning}) interrupts that thread. The
 * {@link EndListener} hears when the thread is done with the task, which may be after the task
 * was cancelled: that, not {@link #isDone()}, is what an owner waits for before its threads are
 * gone.
 *
 * <p>The task is its thread's runnable, and its thread's uncaught-exception handler too: that is
 * how {@link #current()} finds the task from the thread without a map or a thread-local (nothing
 * escapes {@link #run()}, so the handler is only a marker; if something did, it hears it as the
 * JDK's default would). Weft's leak check sees the thread through {@link LiveThreads}, which the
 * task enters itself, or, for a task made with {@code ownerListsThread}, through its owner, which
 * lists its forks' threads (a scope, in {@code LiveScopes}). It takes no lock: a small state
 * machine ({@code NEW → RUNNING ⇄ INTERRUPTING → FINISHED}) makes sure that an
 * interrupt from {@link #cancel} never lands after the body has ended.
 *
 * @param <T> the type of the result
 */
public final class ForkedTask<T> extends AbstractTask<T> implements Runnable, Thread.UncaughtExceptionHandler {

    /** Runs the body around whatever the owner needs (a span, a thread-local). */
    @FunctionalInterface
    public interface Runner {
        /**
         * Runs {@code body} for {@code task}.
         *
         * @param task the task being run
         * @param body its callable
         * @param <T> the type of the result
         * @return the body's result
         * @throws Exception what the body threw
         */
        <T> T run(ForkedTask<T> task, Callable<T> body) throws Exception;
    }

    /** Hears that a task has ended. */
    @FunctionalInterface
    public interface EndListener {
        /**
         * Called once, on the task's thread once its body is over (after the outcome is set), or
         * on the caller of {@link #startOn} if no thread could be started for it.
         *
         * @param task the task that ended
         * @param outcome how the body ended, which is the task's outcome unless the task was
         *     cancelled while it ran: then a body that went on to return a value or to throw
         *     something other than an interruption is reported here as it ended (an owner may
         *     count that failure), while the task stays {@code Cancelled}
         * @param thread the thread that ran it, about to terminate, or null if it never ran
         */
        void ended(ForkedTask<?> task, Outcome<?> outcome, Thread thread);
    }

    /** The runner that runs the body as it is, with nothing around it. */
    public static final Runner DIRECT = ForkedTask::callDirectly;

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    /** A canceller is interrupting the thread; the body's end waits until it is done. */
    private static final int INTERRUPTING = 2;
    private static final int FINISHED = 3;
    private static final VarHandle STATE;
    private static final VarHandle THREAD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(ForkedTask.class, "state", int.class);
            THREAD = lookup.findVarHandle(ForkedTask.class, "thread", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Callable<T> body;
    private final Runner runner;
    private final EndListener onEnd;
    private final @Nullable Object owner;
    /** Whether the owner lists the thread for the leak check, so that it does not enter {@link LiveThreads}. */
    private final boolean ownerListsThread;
    private volatile int state; // NEW: left to its default, which costs no volatile write
    /**
     * The thread that runs the task: set by {@link #startOn} before the thread starts (a release
     * store, which costs the forking thread no fence), so that it is there once the task is
     * {@code RUNNING}; set by {@link #run()} if another thread runs the task.
     */
    private volatile @Nullable Thread thread;
    private long startNanos;
    private @Nullable ForkEvent event;

    public ForkedTask(String name, Callable<T> body, Runner runner, EndListener onEnd) {
        this(name, body, runner, onEnd, null, false);
    }

    /**
     * Makes a task that {@code owner} (its scope) runs.
     *
     * @param name the task's name
     * @param body its callable
     * @param runner what runs the body
     * @param onEnd hears its end
     * @param owner its owner, as {@link #owner()} returns it, or null
     * @param ownerListsThread whether the owner lists the task's thread for the leak check while
     *     the task is not {@linkplain #isOver() over}; if not, the thread enters {@link LiveThreads}
     */
    public ForkedTask(String name, Callable<T> body, Runner runner, EndListener onEnd, @Nullable Object owner,
                      boolean ownerListsThread) {
        super(name);
        this.body = Objects.requireNonNull(body, "body");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
        this.owner = owner;
        this.ownerListsThread = ownerListsThread;
    }

    /**
     * Makes a task of {@code owner} named {@code prefix-number}, the name built only when asked
     * for; its thread is called {@code prefix}.
     *
     * @param prefix the name's prefix, and the thread's name
     * @param number the task's number, 1 or more
     * @param body its callable
     * @param runner what runs the body
     * @param onEnd hears its end
     * @param owner its owner, as {@link #owner()} returns it, or null
     * @param ownerListsThread whether the owner lists the task's thread for the leak check while
     *     the task is not {@linkplain #isOver() over}; if not, the thread enters {@link LiveThreads}
     */
    public ForkedTask(String prefix, long number, Callable<T> body, Runner runner, EndListener onEnd,
                      @Nullable Object owner, boolean ownerListsThread) {
        super(prefix, number);
        this.body = Objects.requireNonNull(body, "body");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
        this.owner = owner;
        this.ownerListsThread = ownerListsThread;
    }

    /**
     * {@return the task whose body the calling thread runs now, or null} It finds tasks started
     * with {@link #startOn}; code in the task that replaces its thread's uncaught-exception
     * handler hides the task from it.
     */
    public static @Nullable ForkedTask<?> current() {
        Thread self = Thread.currentThread();
        return self.getUncaughtExceptionHandler() instanceof ForkedTask<?> task && task.runsOn(self) ? task : null;
    }

    /**
     * Hears what escaped the task's thread, which nothing does but an error of weft's own, and
     * passes it on as the JDK would without this handler: to the default handler, else the
     * thread's group.
     *
     * @param escaped the thread
     * @param error what escaped it
     */
    @Override
    public void uncaughtException(Thread escaped, Throwable error) {
        Thread.UncaughtExceptionHandler fallback = Thread.getDefaultUncaughtExceptionHandler();
        if (fallback != null) {
            fallback.uncaughtException(escaped, error);
        } else {
            ThreadGroup group = escaped.getThreadGroup();
            if (group != null) {
                group.uncaughtException(escaped, error);
            }
        }
    }

    private boolean runsOn(Thread candidate) {
        int now = state;
        return (now == RUNNING || now == INTERRUPTING) && thread == candidate;
    }

    /** {@return the owner given at construction, or null} */
    public @Nullable Object owner() {
        return owner;
    }

    /** {@return the thread running the task now, or null if it has not started or has ended} */
    public @Nullable Thread runningThread() {
        int now = state;
        return now == RUNNING || now == INTERRUPTING ? thread : null;
    }

    /**
     * {@return the thread that runs or ran the task (set just before it starts), or null if none
     * was made for it yet or its thread could not start}
     */
    public @Nullable Thread thread() {
        return thread;
    }

    /**
     * {@return whether nothing of the task runs any more: its body has ended (or it never ran)
     * and the thread that ran it has terminated}
     */
    public boolean isOver() {
        if (state != FINISHED) {
            return false;
        }
        Thread ran = thread;
        return ran == null || !ran.isAlive();
    }

    /** {@return {@link System#nanoTime()} when the task started running; meaningful once it runs} */
    public long startNanos() {
        return startNanos;
    }

    /** {@return the {@code dev.weft.Fork} event attached by {@link #attachEvent}, or null} */
    public @Nullable ForkEvent event() {
        return event;
    }

    /**
     * Attaches the task's started {@code dev.weft.Fork} event; on the task's thread, before the body.
     *
     * @param forkEvent the event, or null
     */
    public void attachEvent(@Nullable ForkEvent forkEvent) {
        this.event = forkEvent;
    }

    private static <T> T callDirectly(ForkedTask<T> task, Callable<T> body) throws Exception {
        return body.call();
    }

    /** Ends the task cancelled without ever running it (its scope was already cancelled). */
    public void cancelBeforeStart() {
        state = FINISHED;
        complete(Outcome.cancelled());
    }

    /**
     * Runs the task on a new thread of kind {@code threads}, named after the task (a numbered
     * task's thread after its prefix). If no thread
     * can be made or started, the task ends failed with that error (its listener hears it, with no
     * thread), and the error is thrown.
     *
     * @param threads the kind of thread to run on
     * @throws RuntimeException what stopped the thread from being made or started
     * @throws Error likewise
     */
    public void startOn(ThreadKind threads) {
        Objects.requireNonNull(threads, "threads");
        startOn(threads, null);
    }

    /**
     * Runs the task on a new thread from {@code named}, a factory from {@link LiveThreads#named}
     * whose threads already have the name the task's thread should have; otherwise as
     * {@link #startOn(ThreadKind)}.
     *
     * @param named the factory
     * @throws RuntimeException what stopped the thread from being made or started
     * @throws Error likewise
     */
    public void startOn(ThreadFactory named) {
        Objects.requireNonNull(named, "named");
        startOn(null, named);
    }

    private void startOn(@Nullable ThreadKind threads, @Nullable ThreadFactory named) {
        try {
            Thread started = named != null ? named.newThread(this) : LiveThreads.unstarted(threads, namePrefix(), this);
            started.setUncaughtExceptionHandler(this); // how current() finds the task
            THREAD.setRelease(this, started); // Thread.start() publishes it to the thread, and RUNNING to others
            started.start();
        } catch (RuntimeException | Error e) {
            failToStart(e);
            throw e;
        }
    }

    /** Ends the task failed because its thread could not be started. */
    private void failToStart(Throwable error) {
        thread = null; // it never ran
        state = FINISHED;
        Outcome<T> failed = Outcome.failure(error);
        complete(failed);
        onEnd.ended(this, failed, null);
    }

    @Override
    public void run() {
        Thread self = Thread.currentThread();
        if (!STATE.compareAndSet(this, NEW, RUNNING)) {
            throw new IllegalStateException("task '" + name() + "' was already run");
        }
        if (!ownerListsThread) {
            LiveThreads.enter(this);
        }
        try {
            startNanos = System.nanoTime();
            if (thread != self) {
                thread = self; // run by a thread startOn did not make; then the cancel check:
                // a canceller that saw no thread set the outcome first
            }
            Outcome<T> ended;
            if (isDone()) {
                ended = Outcome.cancelled(); // cancelled before it started
            } else {
                try {
                    ended = Outcome.success(runner.run(this, body));
                } catch (Throwable error) {
                    ended = isCancelled() && Interruptions.isInterruption(error)
                            ? Outcome.cancelled()
                            : Outcome.failure(error);
                }
            }
            while (!STATE.compareAndSet(this, RUNNING, FINISHED)) {
                Thread.yield(); // a canceller is interrupting this thread: no interrupt lands after the body
            }
            complete(ended); // does nothing if the task was cancelled meanwhile
            onEnd.ended(this, ended, self);
        } finally {
            if (!ownerListsThread) {
                LiveThreads.exit();
            }
        }
    }

    @Override
    protected void stop(boolean mayInterruptIfRunning) {
        if (!mayInterruptIfRunning || !STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
            return; // not started (it will see it was cancelled) or over
        }
        try {
            Thread running = thread;
            if (running != null) {
                CancelScope.interrupt(running); // held back while the task runs Async.shield
            }
        } finally {
            state = RUNNING;
        }
    }
}
