package dev.weft.decorators.internal;

import java.lang.reflect.UndeclaredThrowableException;

/**
 * Turns what a decorator chain threw into what a signature may throw: unchecked throwables pass
 * as themselves; a checked one is wrapped in {@link UndeclaredThrowableException}, as
 * {@code java.lang.reflect.Proxy} does, with the interrupt flag restored for an
 * {@link InterruptedException}.
 */
public final class Rethrow {

    private Rethrow() {
    }

    /**
     * Rethrows {@code t} if it is unchecked, else returns it wrapped.
     *
     * @param t what was thrown
     * @param name the decorated function, for the message
     * @return the exception to throw
     */
    public static RuntimeException unchecked(Throwable t, String name) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return undeclared(t, name);
    }

    /**
     * Rethrows {@code t} if it is an {@link Exception} or an {@link Error}, else returns it
     * wrapped (a {@code Throwable} subclass that is neither, which a {@code Callable} cannot
     * throw).
     *
     * @param t what was thrown
     * @param name the decorated function, for the message
     * @return the exception to throw
     */
    public static Exception asException(Throwable t, String name) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return undeclared(t, name);
    }

    private static UndeclaredThrowableException undeclared(Throwable t, String name) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new UndeclaredThrowableException(t,
                name + " threw " + t.getClass().getName() + ", which its signature does not declare");
    }
}
