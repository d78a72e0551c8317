package dev.weft.decorators.internal;

import dev.weft.core.internal.CancelScope;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * Runs the rest of the chain under a deadline {@code timeout} from the call's start, in core's
 * {@link CancelScope#within}: past it the calling thread is interrupted, what the call started in
 * weft scopes is cancelled, and the call throws {@link TimeoutException} naming the function. A
 * deadline the thread already runs under that comes earlier stays in force.
 */
public final class TimeoutDecorator implements Decorator {

    private final Duration timeout;

    /**
     * Creates the decorator.
     *
     * @param timeout how long a call may run, {@code > 0}
     */
    public TimeoutDecorator(Duration timeout) {
        Nanos.positive(timeout, "timeout");
        this.timeout = timeout;
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        Throwable[] ownFailure = new Throwable[1];
        try {
            return CancelScope.within(deadlineFromNow(), () -> {
                try {
                    return call.proceed();
                } catch (Throwable t) {
                    ownFailure[0] = t;
                    throw Sneaky.<RuntimeException>rethrow(t);
                }
            });
        } catch (TimeoutException e) {
            if (e == ownFailure[0]) {
                throw e; // the call's own, thrown before any deadline passed (a nested timeout's)
            }
            TimeoutException named = new TimeoutException(call.name() + " did not end within "
                    + DurationText.format(timeout));
            for (Throwable suppressed : e.getSuppressed()) {
                named.addSuppressed(suppressed);
            }
            throw named;
        }
    }

    private Instant deadlineFromNow() {
        try {
            return Instant.now().plus(timeout);
        } catch (DateTimeException | ArithmeticException tooFar) {
            return Instant.MAX;
        }
    }

    /** Throws a checked throwable through a {@code Callable}, which {@code within} rethrows as itself. */
    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <X extends Throwable> X rethrow(Throwable t) throws X {
            throw (X) t;
        }
    }

    @Override
    public String toString() {
        return "timeout(" + DurationText.format(timeout) + ")";
    }
}
