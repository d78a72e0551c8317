package dev.weft.parallel.internal;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes pool work started inside a {@link TaskScope} (a {@code TaskGroup}, {@code Async.run}, any
 * scope) belong to it, as {@code Async.ensureFuture} does for a task: a waiter is forked in the
 * scope for as long as the work has chunks in flight, so that {@code join()} waits for them and
 * {@code close()} (or a failure, or the deadline, that cancels the scope) interrupts the waiter,
 * which stops the work ({@link StoppableJob#stop()}: every chunk not reported ends cancelled, the
 * running ones are stopped) and waits until every chunk has reported. The waiter never fails: a
 * failure of the work reaches whoever awaits its result, not the scope.
 *
 * <pre>{@code
 * ScopeTie tie = ScopeTie.ofCurrentScope();            // null outside any scope
 * if (tie != null) tie.hold("pool-apply-1", outcomes::awaitAllReported, job::stop);
 * }</pre>
 */
final class ScopeTie {
    private static final AtomicLong WAITERS = new AtomicLong();

    /** Waits until the work has no chunk in flight. */
    @FunctionalInterface
    interface Quiet {
        /** Returns once no chunk is in flight. @throws InterruptedException if the waiter is cancelled */
        void await() throws InterruptedException;
    }

    private final TaskScope scope;

    private ScopeTie(TaskScope scope) {
        this.scope = scope;
    }

    /** {@return a tie to the calling thread's current scope, or null when it runs in none} */
    static ScopeTie ofCurrentScope() {
        return TaskScope.current().map(ScopeTie::new).orElse(null);
    }

    /** {@return a name for a waiter of {@code what}} */
    static String name(String what) {
        return "pool-" + what + "-" + WAITERS.incrementAndGet();
    }

    /**
     * Forks a waiter in the scope that returns when {@code quiet} does; cancelled (the scope
     * closes), it calls {@code stop} and waits for {@code quiet} again before it ends. A scope
     * that is closed or cancelled already stops the work at once.
     *
     * @param name the waiter's name
     * @param quiet waits until no chunk of the work is in flight
     * @param stop stops the work
     */
    void hold(String name, Quiet quiet, Runnable stop) {
        Objects.requireNonNull(quiet, "quiet");
        Objects.requireNonNull(stop, "stop");
        AtomicBoolean started = new AtomicBoolean();
        Task<Void> waiter;
        try {
            waiter = scope.fork(name, () -> {
                started.set(true);
                try {
                    quiet.await();
                } catch (InterruptedException e) {
                    stop.run();
                    awaitUninterruptibly(quiet);
                    throw e;
                }
                return null;
            });
        } catch (IllegalStateException closed) { // the scope closed meanwhile
            stop.run();
            return;
        }
        waiter.onDone(done -> {
            if (!started.get()) { // cancelled before its first line: the scope was cancelled
                stop.run();
            }
        });
    }

    /** Waits for {@code quiet} through interrupts, then restores the interrupt flag. */
    private static void awaitUninterruptibly(Quiet quiet) {
        boolean interrupted = false;
        while (true) {
            try {
                quiet.await();
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
