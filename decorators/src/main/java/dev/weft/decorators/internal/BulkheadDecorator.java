package dev.weft.decorators.internal;

import dev.weft.decorators.BulkheadFullException;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most {@code maxConcurrent} calls run at once: a fair {@link Semaphore} taken before
 * the call (interruptibly, for as long as allowed) and given back in {@code finally}, however the
 * call ends. Shared by every function it decorates.
 */
public final class BulkheadDecorator implements Decorator {

    /** The {@code maxWaitNanos} of a bulkhead whose callers wait as long as it takes. */
    public static final long WAIT_FOREVER = -1;

    private final int maxConcurrent;
    private final long maxWaitNanos;
    private final Semaphore places;

    /**
     * Creates the bulkhead.
     *
     * @param maxConcurrent the most calls at once, {@code >= 1}
     * @param maxWaitNanos the longest wait for a place, {@code >= 0}, or {@link #WAIT_FOREVER}
     */
    public BulkheadDecorator(int maxConcurrent, long maxWaitNanos) {
        this.maxConcurrent = Nanos.atLeastOne(maxConcurrent, "maxConcurrent");
        if (maxWaitNanos < 0 && maxWaitNanos != WAIT_FOREVER) {
            throw new IllegalArgumentException("maxWaitNanos must be >= 0 or WAIT_FOREVER: " + maxWaitNanos);
        }
        this.maxWaitNanos = maxWaitNanos;
        this.places = new Semaphore(maxConcurrent, true);
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        if (maxWaitNanos == WAIT_FOREVER) {
            places.acquire();
        } else if (!places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            throw new BulkheadFullException(call.name() + ": bulkhead full, " + maxConcurrent
                    + " call(s) running; refused after waiting " + DurationText.format(Duration.ofNanos(maxWaitNanos)));
        }
        try {
            return call.proceed();
        } finally {
            places.release();
        }
    }

    /** {@return the places free now (for tests and {@code toString})} */
    public int available() {
        return places.availablePermits();
    }

    @Override
    public String toString() {
        return "bulkhead(" + maxConcurrent
                + (maxWaitNanos == WAIT_FOREVER ? "" : ", " + DurationText.format(Duration.ofNanos(maxWaitNanos))) + ")";
    }
}
