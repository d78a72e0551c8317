package dev.weft.parallel.internal;

import dev.weft.core.internal.ForkContext;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * The failure of a chunk whose caller's deadline ({@link ForkContext#deadline()}) has passed: the
 * same {@link TimeoutException} whether the caller's side stops it at the deadline
 * ({@link JobChunks}) or a worker finds the deadline already passed when the chunk arrives
 * ({@link ChunkRunner}). Deadlines are wall-clock instants, so a worker on another machine
 * compares them with its own clock: clocks are assumed roughly in sync.
 *
 * <pre>{@code
 * TimeoutException late = DeadlineExpiry.passed(context, "the child JVM");   // null while it has not passed
 * }</pre>
 */
final class DeadlineExpiry {
    private DeadlineExpiry() {
    }

    /**
     * {@return the failure of a chunk that reached {@code where} after its deadline, or null if
     * the deadline has not passed (or there is none)}
     *
     * @param context the chunk's context
     * @param where the worker, for the message
     */
    static TimeoutException passed(ForkContext context, String where) {
        Instant deadline = context.deadline().orElse(null);
        if (deadline == null || Instant.now().isBefore(deadline)) {
            return null;
        }
        return new TimeoutException("the caller's deadline " + deadline + " had passed when the task reached " + where);
    }

    /**
     * {@return the failure of the inputs of a chunk still unfinished when its deadline passed}
     *
     * @param deadline the deadline
     * @param chunk the chunk
     */
    static TimeoutException timedOut(Instant deadline, WorkChunk chunk) {
        return new TimeoutException("the caller's deadline " + deadline + " passed before "
                + ChunkCodec.inputs(chunk.firstIndex(), chunk.size()) + " ended; the task was stopped");
    }
}
