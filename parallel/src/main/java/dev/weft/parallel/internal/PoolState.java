package dev.weft.parallel.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a process pool's workers, and the only moves between them; {@link #to} refuses any
 * other, as {@code StructuredTaskScope} documents its own.
 *
 * <p>The moves:
 * <ul>
 *   <li>{@link #NEW} → {@link #RUNNING}, {@link #CLOSING}, {@link #TERMINATING}
 *   <li>{@link #RUNNING} → {@link #BROKEN}, {@link #CLOSING}, {@link #TERMINATING}
 *   <li>{@link #BROKEN} → {@link #CLOSING}, {@link #TERMINATING}
 *   <li>{@link #CLOSING} → {@link #CLOSED}; {@link #TERMINATING} → {@link #CLOSED}
 *   <li>{@link #CLOSED}: none
 * </ul>
 *
 * <pre>{@code
 * PoolState state = PoolState.NEW;
 * state = state.to(PoolState.RUNNING);   // the first chunk starts the workers
 * state.to(PoolState.NEW);               // IllegalStateException: RUNNING cannot become NEW
 * }</pre>
 */
enum PoolState {
    /** Made; no worker started yet. */
    NEW,
    /** Workers run, die and are replaced. */
    RUNNING,
    /** A worker showed that workers cannot start here: work is failed, none is taken. */
    BROKEN,
    /** Stopping: workers answer what they hold and exit; none is replaced. */
    CLOSING,
    /** Stopping now: workers are killed, what they held ends cancelled. */
    TERMINATING,
    /** No worker is left. */
    CLOSED;

    /** {@return the states this one may become} */
    Set<PoolState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(RUNNING, CLOSING, TERMINATING);
            case RUNNING -> EnumSet.of(BROKEN, CLOSING, TERMINATING);
            case BROKEN -> EnumSet.of(CLOSING, TERMINATING);
            case CLOSING, TERMINATING -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(PoolState.class);
        };
    }

    /**
     * {@return {@code target}, the state this one moves to}
     *
     * @param target the next state
     * @throws IllegalStateException if this state may not become {@code target}
     */
    PoolState to(PoolState target) {
        if (!next().contains(target)) {
            throw new IllegalStateException("a process pool cannot go from " + this + " to " + target);
        }
        return target;
    }

    /** {@return true while workers may be started or replaced} */
    boolean startsWorkers() {
        return this == RUNNING;
    }

    /** {@return true when work a worker loses ends cancelled: the pool is terminating, or has no worker left} */
    boolean cancelsWork() {
        return this == TERMINATING || this == CLOSED;
    }
}
