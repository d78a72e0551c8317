package dev.weft.core.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The deadline the current thread runs under, as {@link CancelScope}, {@link ForkContext} and
 * {@code TaskScope} set it: one thread-local, read on every fork, so it holds a plain
 * {@link Instant} (null when there is none).
 */
final class DeadlineLocal {
    private static final ThreadLocal<@Nullable Instant> CURRENT = new ThreadLocal<>();

    private DeadlineLocal() {
    }

    static @Nullable Instant get() {
        return CURRENT.get();
    }

    /** Sets the thread's deadline to {@code deadline} and returns the one it had. */
    static @Nullable Instant swap(@Nullable Instant deadline) {
        Instant previous = CURRENT.get();
        if (previous != deadline) {
            if (deadline == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(deadline);
            }
        }
        return previous;
    }

    /** {@return the earlier of two deadlines, a null one being "none"} */
    static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
