package dev.weft.sync;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.Durations;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.LazyLogger;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An action that runs once on its own thread after a delay, unless cancelled first: Python's
 * {@code threading.Timer}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=timer}
 *
 * <p><b>Compared with</b> {@link java.util.Timer}, which runs every task on one shared thread,
 * and {@link java.util.concurrent.ScheduledExecutorService}, which needs shutting down: a weft
 * Timer is one thread for one action, like CPython's, by default a virtual thread. Its thread is
 * a daemon (it never keeps the JVM alive), unlike CPython's.
 *
 * <p>{@link #cancel()} during the delay means the action never runs and the thread ends at once;
 * after the action started, it does nothing. A timer can be started once. If the action throws,
 * the exception is logged (SLF4J, WARN) and kept in {@link #failure()}. The action runs with the
 * context of the code that called {@link #start()}: its SLF4J MDC, the values registered in
 * Micrometer's {@code ContextRegistry} (when context-propagation is on the class path) and the
 * deadline it runs under ({@code TaskScope.currentDeadline()}).
 *
 * @since 0.1
 */
public final class Timer {
    private static final LazyLogger LOG = LazyLogger.of(Timer.class);
    private static final AtomicLong IDS = new AtomicLong();

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED = 2;

    private final Duration interval;
    private final Runnable action;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicInteger state = new AtomicInteger(PENDING);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile Throwable failure;
    /** The context of the code that called {@link #start()}: the action runs with it. */
    private volatile ForkContext context = ForkContext.empty();

    /**
     * Creates an unstarted timer on a virtual thread.
     *
     * @param interval the delay before {@code action} runs; zero or negative: at once
     * @param action what to run
     * @throws NullPointerException if an argument is null
     */
    public Timer(Duration interval, Runnable action) {
        this(interval, action, ThreadKind.VIRTUAL);
    }

    /**
     * Creates an unstarted timer on a thread of the given kind.
     *
     * @param interval the delay before {@code action} runs; zero or negative: at once
     * @param action what to run
     * @param kind the kind of thread
     * @throws NullPointerException if an argument is null
     */
    public Timer(Duration interval, Runnable action, ThreadKind kind) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.action = Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        this.thread = kind.newThread("weft-timer-" + IDS.incrementAndGet(), this::run);
    }

    private void run() {
        try {
            if (cancelled.await(Durations.toTimeoutNanos(interval), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            // Only cancel() may stop a timer; an interrupt from elsewhere counts as one.
            state.compareAndSet(PENDING, CANCELLED);
            Thread.currentThread().interrupt();
            return;
        }
        if (!state.compareAndSet(PENDING, RUNNING)) {
            return;
        }
        ForkContext.Restore restore = context.install();
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.warn("Timer action failed in {}", thread.getName(), e);
        } finally {
            restore.close();
        }
    }

    /**
     * Starts the timer's thread; the delay counts from now.
     *
     * @throws IllegalStateException if the timer was already started ("threads can only be
     *     started once")
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("timer can only be started once");
        }
        context = ForkContext.capture();
        thread.start();
    }

    /**
     * Stops the timer if its action has not started yet; also before {@link #start()}.
     *
     * @return {@code true} if this call stopped the action from ever running, {@code false} if it
     *     had already started (or finished) or the timer was already cancelled
     */
    public boolean cancel() {
        if (state.compareAndSet(PENDING, CANCELLED)) {
            cancelled.countDown();
            return true;
        }
        return false;
    }

    /**
     * Waits until the timer's thread has ended: the action has run, or the timer was cancelled.
     *
     * @throws IllegalStateException if the timer was never started
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        checkStarted();
        thread.join();
    }

    /**
     * Waits at most {@code timeout} for the timer's thread to end.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return whether the thread has ended
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalStateException if the timer was never started
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        checkStarted();
        if (nanos > 0) {
            thread.join(Duration.ofNanos(nanos));
        }
        return !thread.isAlive();
    }

    private void checkStarted() {
        if (!started.get()) {
            throw new IllegalStateException("cannot join a timer before it is started");
        }
    }

    /** {@return whether the timer's thread is running: started, and neither fired nor cancelled yet} */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** {@return whether the timer was cancelled before its action started} */
    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** {@return the delay given to the constructor} */
    public Duration interval() {
        return interval;
    }

    /** {@return what the action threw, once it has thrown} */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** {@return the timer's thread name and state, for example {@code Timer[weft-timer-3, cancelled]}} */
    @Override
    public String toString() {
        String what = switch (state.get()) {
            case CANCELLED -> "cancelled";
            case RUNNING -> thread.isAlive() ? "running" : "fired";
            default -> started.get() ? "waiting" : "initial";
        };
        return "Timer[" + thread.getName() + ", " + what + "]";
    }
}
