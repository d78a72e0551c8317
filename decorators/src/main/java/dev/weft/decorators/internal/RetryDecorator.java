package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import dev.weft.decorators.RetryAttempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs the rest of the chain again while a {@link RetrySpec} says so, waiting between attempts.
 *
 * <p>An interruption is never retried: an {@link InterruptedException} thrown by an attempt (or
 * found in its cause chain, as a nested decorated {@code Function} wraps it), an interrupt flag
 * found set after a failed attempt, and an interrupt during the wait all end the retrying, the
 * last with an {@link InterruptedException}. The failure thrown at the end carries the earlier
 * ones as suppressed exceptions.
 */
public final class RetryDecorator implements Decorator {

    /** How deep a cause chain is searched for an {@link InterruptedException}. */
    private static final int MAX_CAUSES = 32;

    private final RetrySpec spec;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final Supplier<? extends RandomGenerator> random;

    /**
     * Creates the decorator on the real clock, sleep and random numbers.
     *
     * @param spec the policy
     */
    public RetryDecorator(RetrySpec spec) {
        this(spec, System::nanoTime, Sleeper.THREAD, ThreadLocalRandom::current);
    }

    /**
     * Creates the decorator with the given time and randomness (tests pass fakes).
     *
     * @param spec the policy
     * @param nanoClock the clock the deadline is measured with
     * @param sleeper how the waits between attempts are made
     * @param random the source of the jitter, asked in the calling thread
     */
    public RetryDecorator(RetrySpec spec, LongSupplier nanoClock, Sleeper sleeper,
            Supplier<? extends RandomGenerator> random) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        long start = spec.deadlineNanos() == Long.MAX_VALUE ? 0 : nanoClock.getAsLong();
        List<Throwable> failures = null;
        long delay = spec.initialNanos();
        for (int attempt = 1; ; attempt++) {
            Object result = null;
            Throwable failure = null;
            try {
                result = call.proceed();
            } catch (Throwable t) {
                failure = t;
            }
            boolean retry = attempt < spec.maxAttempts()
                    && (failure == null ? spec.retryIfResult().test(result)
                            : !isInterruption(failure) && spec.retriesFailure(failure));
            boolean interrupted = false;
            if (retry) {
                delay = spec.delayNanos(attempt, delay, random.get());
                retry = withinDeadline(start, delay);
                interrupted = retry && Thread.interrupted();
                retry &= !interrupted;
            }
            notify(call, attempt, failure, retry, retry ? delay : 0);
            if (failure != null) {
                if (failures == null) {
                    failures = new ArrayList<>();
                }
                failures.add(failure);
            }
            if (interrupted) {
                throw withSuppressed(new InterruptedException(call.name() + ": interrupted after attempt " + attempt
                        + ", before the next"), failures);
            }
            if (!retry) {
                if (failure == null) {
                    return result;
                }
                throw withSuppressed(failure, failures);
            }
            if (delay > 0) {
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException e) {
                    throw withSuppressed(e, failures);
                }
            }
        }
    }

    private boolean withinDeadline(long start, long delay) {
        if (spec.deadlineNanos() == Long.MAX_VALUE) {
            return true;
        }
        long elapsed = nanoClock.getAsLong() - start;
        return delay < spec.deadlineNanos() - elapsed;
    }

    private void notify(Invocation call, int attempt, Throwable failure, boolean retry, long delay) {
        if (spec.listener() == null) {
            return;
        }
        try {
            spec.listener().accept(new RetryAttempt(call.name(), attempt, failure, retry, Duration.ofNanos(delay)));
        } catch (RuntimeException | Error listenerFailure) {
            if (failure != null && failure != listenerFailure) {
                listenerFailure.addSuppressed(failure);
            }
            throw listenerFailure;
        }
    }

    /** {@return whether {@code t} is, or was caused by, an {@link InterruptedException}} */
    static boolean isInterruption(Throwable t) {
        Throwable cause = t;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++) {
            if (cause instanceof InterruptedException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    private static <T extends Throwable> T withSuppressed(T last, List<Throwable> earlier) {
        if (earlier != null) {
            for (Throwable t : earlier) {
                if (t != last) {
                    last.addSuppressed(t);
                }
            }
        }
        return last;
    }

    @Override
    public String toString() {
        return "retry(" + spec.maxAttempts() + " attempts)";
    }
}
