package dev.weft.parallel;

import dev.weft.parallel.internal.TalkingChild;
import java.io.Serial;
import java.io.Serializable;

/**
 * What a {@link TalkingProcess} sends its child: the user's body, called in the child with the
 * child's end of the pipe.
 *
 * @param <S> what the child sends
 * @param <R> what the child receives
 * @param <T> the body's result
 */
final class TalkTask<S extends Serializable, R extends Serializable, T> implements SerializableFunction<Object, T> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final TalkingProcess.Body<S, R, ? extends T> body;

    TalkTask(TalkingProcess.Body<S, R, ? extends T> body) {
        this.body = body;
    }

    @Override
    public T apply(Object ignored) {
        try {
            return body.run(new Pipe<>(TalkingChild.inbox(), TalkingChild.outbox()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // The child reports what the function threw with its type, message and stack: a
            // checked exception goes as it is rather than wrapped, hence the unchecked rethrow.
            throw TalkTask.<RuntimeException>rethrow(e);
        }
    }

    @SuppressWarnings("unchecked") // E is inferred as RuntimeException: the compiler stops checking, the JVM never did
    private static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
