package dev.weft.core.internal;

import dev.weft.core.TaskScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A cancel scope on the calling thread (Trio's {@code CancelScope}, asyncio's {@code timeout()}):
 * a deadline the code between {@link #open} and {@link #close} runs under, whose passing
 * interrupts that code's thread; or a shield, which keeps weft's cancellations away from the code
 * inside it until it ends. {@link #within} and {@link #shielded} are the two ready-made forms
 * ({@code Async.timeout}, {@code Async.moveOnAfter}, {@code Async.shield},
 * {@code Decorators.timeout}); {@code TaskScope} opens one for its deadline.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>A scope's deadline is the earlier of its own and the one its thread already runs under
 *       ({@link #currentDeadline()}), which it becomes for the code inside (and for what that
 *       code forks, through {@link ForkContext}). A shield's code runs under no deadline. As in
 *       Trio, a deadline is enforced by the scope that set it: a scope whose own deadline is
 *       later than the enclosing one arms no timer, and the enclosing scope's cancellation ends
 *       the code (and is reported by the enclosing scope, not as this one's timeout).</li>
 *   <li>The interrupt is delivered under a lock that {@link #close()} takes too: it never lands
 *       once {@code close()} has begun. Closing clears it again if the code left it set, unless an
 *       enclosing scope interrupted too (its cancellation is still due).</li>
 *   <li>An interrupt that the thread already has when the scope opens, or when the deadline
 *       passes, is not the scope's: it stays, and the code's {@code InterruptedException} is then
 *       the caller's, not a timeout. (Two interrupts landing together cannot be told apart: the
 *       JDK keeps one flag, and clears it for a moment while the thread waits for a lock.)</li>
 *   <li>Inside a shield, the interrupts of the scopes outside it, and weft's cancellation of a
 *       fork ({@link #interrupt(Thread)}), wait until the shield ends; scopes opened inside the
 *       shield interrupt as usual. An interrupt the thread has when the shield opens waits too.
 *       A raw {@link Thread#interrupt()} from code that is not weft's still lands.</li>
 * </ul>
 */
public final class CancelScope implements AutoCloseable {
    private static final ReentrantLock LOCK = new ReentrantLock();
    /** Every thread's innermost open cancel scope; guarded by {@link #LOCK}. */
    private static final Map<Thread, CancelScope> INNERMOST = new HashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final Thread owner;
    private final boolean shield;
    private final @Nullable Instant deadline;
    private final @Nullable Instant previousDeadline;
    private final @Nullable Runnable onExpiry;
    private final DeadlineTimer.@Nullable Deadline timer;
    /**
     * The owner was interrupted when the scope opened: that interrupt is the caller's, whatever
     * the flag reads later (another thread may read it unset while the owner waits for a lock).
     */
    private final boolean callerInterrupted;
    /** The owner has begun {@link #close()}: the deadline interrupts it no more. */
    private volatile boolean closing;

    // guarded by LOCK
    private @Nullable CancelScope parent;
    private boolean closed;
    private boolean expired;
    /** The scope set the owner's interrupt flag (and has not learnt that it was consumed as its). */
    private boolean interruptedOwner;
    private int paused;
    /** A shield's: the scopes outside it whose interrupt waits for it to end. */
    private @Nullable List<CancelScope> deferred;
    /** A shield's: a cancellation from outside any scope ({@link #interrupt}) waits for it to end. */
    private boolean externalPending;

    private CancelScope(boolean shield, @Nullable Instant deadline, @Nullable Runnable onExpiry) {
        this.owner = Thread.currentThread();
        this.shield = shield;
        this.previousDeadline = DeadlineLocal.get();
        this.deadline = shield ? null : DeadlineLocal.earlier(deadline, previousDeadline);
        this.onExpiry = onExpiry;
        this.callerInterrupted = !shield && owner.isInterrupted();
        LOCK.lock();
        try {
            parent = INNERMOST.put(owner, this);
            if (shield && Thread.interrupted()) {
                externalPending = true; // delivered when the shield ends
            }
        } finally {
            LOCK.unlock();
        }
        DeadlineLocal.swap(this.deadline);
        // Trio's rule: a deadline is enforced by the scope that set it. Under an earlier one, this
        // scope has no timer: the enclosing scope's cancellation ends the code (and reports it).
        boolean ownIsEarliest = deadline != null && (previousDeadline == null || !deadline.isAfter(previousDeadline));
        if (!shield && ownIsEarliest) {
            long nanos = Durations.toNanosSaturated(Duration.between(Instant.now(), this.deadline));
            timer = DeadlineTimer.SHARED.schedule(nanos, this::expire);
        } else {
            timer = null;
        }
    }

    /**
     * Opens a cancel scope on the calling thread, which owns it: when {@code deadline} (or the
     * earlier one the thread runs under) passes, {@code onExpiry} runs (on a timer thread) and
     * then the owner is interrupted, unless the scope was closed first or is
     * {@linkplain #pauseInterrupt() paused}.
     *
     * @param deadline the scope's own deadline, or null to keep only the thread's
     * @param onExpiry what to do first when the deadline passes, or null
     * @return the open scope; close it on the same thread (try-with-resources)
     */
    public static CancelScope open(@Nullable Instant deadline, @Nullable Runnable onExpiry) {
        return new CancelScope(false, deadline, onExpiry);
    }

    /**
     * {@return the instant {@code timeout} from now; a timeout past the year 1,000,000,000 gives
     * {@link Instant#MAX}}
     *
     * @param timeout how long from now, may be zero or negative
     */
    public static Instant deadlineAfter(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Instant now = Instant.now();
        try {
            return now.plus(timeout);
        } catch (ArithmeticException | java.time.DateTimeException tooFar) {
            return timeout.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /** {@return the deadline the calling code runs under: the earliest of all that enclose it} */
    public static Optional<Instant> currentDeadline() {
        return Optional.ofNullable(DeadlineLocal.get());
    }

    /**
     * Runs {@code body} on the calling thread under {@code deadline}: past it, the thread is
     * interrupted, the tasks the body started in weft scopes are cancelled and awaited, and
     * {@link TimeoutException} is thrown, also if the body swallowed the interrupt and returned.
     * The body runs inside a scope of its own ({@link TaskScope#current()}), so that tasks it
     * starts with {@code Async.ensureFuture}/{@code createTask} belong to it: those still running
     * when the body ends are cancelled and awaited, as {@code Async.run} does. A nested call keeps
     * the earlier deadline. A deadline that has passed already does not run the body.
     *
     * @param deadline when the body must have ended
     * @param body what to run
     * @param <T> the type of its result
     * @return what the body returned
     * @throws TimeoutException if the deadline passed before the body ended; what the body threw
     *     then, other than the interruption, is suppressed in it
     * @throws InterruptedException if the thread was interrupted by something else than the
     *     deadline (a caller, a cancelled scope) and the body gave up with it
     * @throws Exception what the body threw
     * @throws NullPointerException if an argument is null
     */
    public static <T extends @Nullable Object> T within(Instant deadline, Callable<T> body) throws TimeoutException, Exception {
        Ending<T> outcome = run(deadline, body);
        if (outcome.expired) {
            TimeoutException timeout = new TimeoutException("the body did not end before its deadline " + outcome.deadline);
            if (outcome.failure != null) {
                timeout.addSuppressed(outcome.failure);
            }
            throw timeout;
        }
        return outcome.result;
    }

    /**
     * As {@link #within}, but a deadline that passes gives an empty result instead of a
     * {@link TimeoutException} (Trio's {@code move_on_after}); a body that returns null gives an
     * empty result too.
     *
     * @param deadline when the body must have ended
     * @param body what to run
     * @param <T> the type of its result
     * @return what the body returned, or empty if the deadline passed first
     * @throws InterruptedException if the thread was interrupted by something else than the
     *     deadline and the body gave up with it
     * @throws Exception what the body threw, also after the deadline if it is not the interruption
     * @throws NullPointerException if an argument is null
     */
    public static <T> Optional<T> withinOrEmpty(Instant deadline, Callable<? extends @Nullable T> body) throws Exception {
        Ending<? extends T> outcome = run(deadline, body);
        if (outcome.expired) {
            if (outcome.failure != null) {
                return rethrow(outcome.failure);
            }
            return Optional.empty();
        }
        return Optional.ofNullable(outcome.result);
    }

    /** How a body run under a deadline ended; a failure other than the deadline's is thrown. */
    private record Ending<T>(boolean expired, @Nullable T result, @Nullable Throwable failure, Instant deadline) {
    }

    private static <T extends @Nullable Object> Ending<T> run(Instant deadline, Callable<T> body) throws Exception {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(body, "body");
        Instant effective = Objects.requireNonNull(DeadlineLocal.earlier(deadline, DeadlineLocal.get()));
        if (!Instant.now().isBefore(effective)) {
            return new Ending<>(true, null, null, effective); // passed already: the body does not run
        }
        CancelScope scope = new CancelScope(false, deadline, null);
        T result = null;
        Throwable failure = null;
        TaskScope tasks = TaskScope.builder().name("timeout-" + IDS.incrementAndGet()).failFast(false).open();
        try {
            result = body.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            tasks.close(); // cancels and awaits what the body left running
        }
        int ended = scope.closeAndReport();
        if ((ended & EXPIRED) != 0) {
            if (failure != null && Interruptions.isInterruption(failure) && (ended & OWN_INTERRUPT) == 0) {
                return rethrow(failure); // the interrupt the body gave up on is someone else's: theirs wins
            }
            return new Ending<>(true, null, failure == null || Interruptions.isInterruption(failure) ? null : failure,
                    effective);
        }
        if (failure != null) {
            return rethrow(failure);
        }
        return new Ending<>(false, result, null, effective);
    }

    /**
     * Runs {@code body} on the calling thread shielded: a cancellation of an enclosing scope (its
     * deadline, a fork's cancellation) does not interrupt it, but is delivered (the thread is
     * interrupted) as soon as the body ends. Inside, the body runs under no deadline.
     *
     * @param body what to run
     * @param <T> the type of its result
     * @return what the body returned
     * @throws Exception what the body threw
     * @throws NullPointerException if {@code body} is null
     */
    public static <T extends @Nullable Object> T shielded(Callable<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        CancelScope shield = new CancelScope(true, null, null);
        try {
            return body.call();
        } finally {
            shield.close();
        }
    }

    /**
     * Interrupts {@code thread} as weft's cancellation of the work it runs: at once, or, while
     * the thread runs {@linkplain #shielded shielded}, as soon as its outermost shield ends.
     *
     * @param thread the thread to interrupt
     * @throws NullPointerException if {@code thread} is null
     */
    public static void interrupt(Thread thread) {
        Objects.requireNonNull(thread, "thread");
        LOCK.lock();
        try {
            CancelScope outermostShield = null;
            for (CancelScope s = INNERMOST.get(thread); s != null; s = s.parent) {
                if (s.shield) {
                    outermostShield = s;
                }
            }
            if (outermostShield != null) {
                outermostShield.externalPending = true;
                return;
            }
            for (CancelScope s = INNERMOST.get(thread); s != null; s = s.parent) {
                s.interruptedOwner = false; // the flag now carries a cancellation too: no scope may clear it
            }
            thread.interrupt();
        } finally {
            LOCK.unlock();
        }
    }

    /** {@return this scope's deadline (the earlier of its own and the enclosing one), if any} */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** {@return true once the deadline has passed while the scope was open} */
    public boolean expired() {
        LOCK.lock();
        try {
            return expired;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Holds back the owner's interrupt while the owner waits for what the expiry itself ends (as
     * {@code TaskScope.join} waits for the forks the deadline cancelled): if the deadline passes
     * meanwhile, the owner is not interrupted at all. Called from another thread, it does nothing.
     *
     * @return true if paused: then call {@link #resumeInterrupt()}
     */
    public boolean pauseInterrupt() {
        if (Thread.currentThread() != owner) {
            return false;
        }
        LOCK.lock();
        try {
            paused++;
            return true;
        } finally {
            LOCK.unlock();
        }
    }

    /** Ends a {@link #pauseInterrupt()}. */
    public void resumeInterrupt() {
        LOCK.lock();
        try {
            paused--;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Takes the owner's interrupt as this scope's: the owner caught an interruption while the scope
     * had interrupted it, and handles it (the flag is no longer set). Afterwards {@link #close()}
     * leaves the flag alone.
     *
     * @return true if the scope had interrupted the owner
     */
    public boolean claimInterrupt() {
        LOCK.lock();
        try {
            boolean ours = interruptedOwner && !callerInterrupted;
            interruptedOwner = false;
            return ours;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Closes the scope: its deadline no longer interrupts; the thread's previous deadline is back;
     * the scope's own interrupt, if still set, is cleared; a shield delivers the cancellations it
     * held back. Later calls do nothing.
     */
    @Override
    public void close() {
        closeAndReport();
    }

    private static final int EXPIRED = 1;
    private static final int OWN_INTERRUPT = 2;

    private int closeAndReport() {
        if (timer != null) {
            timer.cancel();
        }
        boolean onOwner = Thread.currentThread() == owner;
        if (onOwner) {
            // before the lock: while the owner waits for it, its flag may read unset to the expiry
            closing = true;
        }
        int report;
        LOCK.lock();
        try {
            if (closed) {
                return 0;
            }
            closed = true;
            boolean ownInterrupt = interruptedOwner && !callerInterrupted;
            report = (expired ? EXPIRED : 0) | (ownInterrupt ? OWN_INTERRUPT : 0);
            unlinkLocked();
            if (shield) {
                deliverHeldBackLocked();
            } else if (onOwner && ownInterrupt && !enclosingInterruptedLocked()) {
                Thread.interrupted(); // ours, and no enclosing scope's: it must not leave the scope
            }
        } finally {
            LOCK.unlock();
        }
        if (onOwner) {
            DeadlineLocal.swap(previousDeadline);
        }
        return report;
    }

    private void expire() {
        LOCK.lock();
        try {
            if (closed) {
                return;
            }
            expired = true;
        } finally {
            LOCK.unlock();
        }
        try {
            if (onExpiry != null) {
                onExpiry.run();
            }
        } finally {
            LOCK.lock();
            try {
                if (!closed && !closing && paused == 0) {
                    interruptOwnerLocked();
                }
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** Under the lock: interrupts the owner now, or hands the interrupt to a shield inside this scope. */
    private void interruptOwnerLocked() {
        if (interruptedOwner) {
            return;
        }
        CancelScope shieldInside = null;
        boolean insideInterrupted = false;
        for (CancelScope s = INNERMOST.get(owner); s != null && s != this; s = s.parent) {
            if (s.shield) {
                shieldInside = s; // keep the outermost one
            }
            insideInterrupted |= s.interruptedOwner;
        }
        if (shieldInside != null) {
            if (shieldInside.deferred == null) {
                shieldInside.deferred = new ArrayList<>(2);
            }
            shieldInside.deferred.add(this);
            return;
        }
        if (owner.isInterrupted()) {
            // set by a scope inside this one: it is ours too (so that closing that one keeps it);
            // set by anyone else: theirs, and it stays theirs
            interruptedOwner = insideInterrupted;
            return;
        }
        interruptedOwner = true;
        owner.interrupt();
    }

    /** Under the lock, for a closing shield: the interrupts it held back go on outwards. */
    private void deliverHeldBackLocked() {
        if (deferred != null) {
            for (CancelScope scope : deferred) {
                if (!scope.closed && scope.paused == 0) {
                    scope.interruptOwnerLocked();
                }
            }
            deferred = null;
        }
        if (externalPending) {
            externalPending = false;
            CancelScope outerShield = null;
            for (CancelScope s = INNERMOST.get(owner); s != null; s = s.parent) {
                if (s.shield) {
                    outerShield = s;
                }
            }
            if (outerShield != null) {
                outerShield.externalPending = true;
            } else {
                for (CancelScope s = INNERMOST.get(owner); s != null; s = s.parent) {
                    s.interruptedOwner = false;
                }
                owner.interrupt();
            }
        }
    }

    private boolean enclosingInterruptedLocked() {
        for (CancelScope p = parent; p != null && !p.shield; p = p.parent) {
            if (p.interruptedOwner) {
                return true;
            }
        }
        return false;
    }

    /** Under the lock: takes this scope out of its owner's chain (normally the innermost). */
    private void unlinkLocked() {
        CancelScope innermost = INNERMOST.get(owner);
        if (innermost == this) {
            if (parent == null) {
                INNERMOST.remove(owner);
            } else {
                INNERMOST.put(owner, parent);
            }
            return;
        }
        for (CancelScope s = innermost; s != null; s = s.parent) {
            if (s.parent == this) {
                s.parent = parent; // closed before a scope inside it: keep the chain whole
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, X extends Throwable> T rethrow(Throwable failure) throws X {
        throw (X) failure;
    }

    @Override
    public String toString() {
        return (shield ? "CancelScope[shield" : "CancelScope[deadline=" + deadline) + "]";
    }
}
