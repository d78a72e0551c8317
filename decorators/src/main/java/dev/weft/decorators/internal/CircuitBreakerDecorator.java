package dev.weft.decorators.internal;

import dev.weft.decorators.CircuitBreaker;
import dev.weft.decorators.CircuitOpenException;
import dev.weft.decorators.Invocation;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The {@link CircuitBreaker}: a small state machine under a lock, never held while the function
 * runs. Closed, the outcomes of the last {@code window} calls are kept in a ring; once it is full
 * and the failures reach {@code failureRate} of it, the breaker opens. Open, calls are refused
 * until {@code openNanos} have passed; the first call after that is the trial (half-open), and
 * the others are refused while it runs. Each change of state starts a new generation, and a call
 * that ends in another generation than it started in is not counted (its news is old).
 */
public final class CircuitBreakerDecorator implements CircuitBreaker {

    private final double failureRate;
    private final int window;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();

    // guarded by lock
    private State state = State.CLOSED;
    private long generation;
    private final boolean[] failed;
    private int next;
    private int recorded;
    private int failures;
    private long openedAt;
    private boolean trialRunning;

    /**
     * Creates a closed breaker on the real clock.
     *
     * @param failureRate the share of failed calls that opens it, in {@code (0, 1]}
     * @param window how many of the last calls the share is taken over, {@code >= 1}
     * @param openNanos how long it stays open before a trial, {@code > 0}
     */
    public CircuitBreakerDecorator(double failureRate, int window, long openNanos) {
        this(failureRate, window, openNanos, System::nanoTime);
    }

    /**
     * Creates a closed breaker on the given clock (tests pass a fake one).
     *
     * @param failureRate the share of failed calls that opens it, in {@code (0, 1]}
     * @param window how many of the last calls the share is taken over, {@code >= 1}
     * @param openNanos how long it stays open before a trial, {@code > 0}
     * @param nanoClock the clock the open time is measured with
     */
    public CircuitBreakerDecorator(double failureRate, int window, long openNanos, LongSupplier nanoClock) {
        if (!(failureRate > 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be in (0, 1]: " + failureRate);
        }
        this.failureRate = failureRate;
        this.window = Nanos.atLeastOne(window, "window");
        if (openNanos <= 0) {
            throw new IllegalArgumentException("openFor must be > 0: " + openNanos + " ns");
        }
        this.openNanos = openNanos;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.failed = new boolean[window];
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        long admitted = admit(call.name());
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable t) {
            if (t instanceof Exception && !RetryDecorator.isInterruption(t)) {
                ended(admitted, true);
            } else {
                ended(admitted, null);
            }
            throw t;
        }
        ended(admitted, false);
        return result;
    }

    /** {@return the generation the call is admitted in} Throws if the breaker refuses it. */
    private long admit(String name) {
        lock.lock();
        try {
            if (state == State.OPEN) {
                long openFor = nanoClock.getAsLong() - openedAt;
                if (openFor < openNanos) {
                    throw new CircuitOpenException(name + ": circuit open, "
                            + DurationText.format(Duration.ofNanos(openNanos - openFor)) + " before a trial call");
                }
                moveTo(State.HALF_OPEN);
            }
            if (state == State.HALF_OPEN) {
                if (trialRunning) {
                    throw new CircuitOpenException(name + ": circuit half-open, a trial call is running");
                }
                trialRunning = true;
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Counts a call that ended: {@code failedCall} null for an outcome that says nothing. */
    private void ended(long admitted, Boolean failedCall) {
        lock.lock();
        try {
            if (admitted != generation) {
                return;
            }
            if (state == State.HALF_OPEN) {
                trialRunning = false;
                if (failedCall != null) {
                    if (failedCall) {
                        open();
                    } else {
                        moveTo(State.CLOSED);
                    }
                }
                return;
            }
            if (failedCall != null) {
                record(failedCall);
            }
        } finally {
            lock.unlock();
        }
    }

    private void record(boolean failedCall) {
        if (recorded == window) {
            failures -= failed[next] ? 1 : 0;
        } else {
            recorded++;
        }
        failed[next] = failedCall;
        failures += failedCall ? 1 : 0;
        next = (next + 1) % window;
        if (recorded == window && failures >= failureRate * window) {
            open();
        }
    }

    private void open() {
        moveTo(State.OPEN);
        openedAt = nanoClock.getAsLong();
    }

    private void moveTo(State to) {
        state = to;
        generation++;
        trialRunning = false;
        if (to == State.CLOSED) {
            recorded = 0;
            failures = 0;
            next = 0;
        }
    }

    @Override
    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "circuitBreaker(%s%% of %d calls, open %s): %s",
                new java.math.BigDecimal(Double.toString(failureRate * 100)).stripTrailingZeros().toPlainString(),
                window, DurationText.format(Duration.ofNanos(openNanos)), state());
    }
}
