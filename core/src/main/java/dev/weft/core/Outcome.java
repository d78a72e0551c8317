package dev.weft.core;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * How a task ended: {@link Success} with a value, {@link Failure} with an error, or
 * {@link Cancelled}. It is Python's {@code asyncio.gather(..., return_exceptions=True)} result
 * element, made type-safe and exhaustive for pattern matching:
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=outcome}
 *
 * @param <T> the type of the value on success
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure, Outcome.Cancelled {

    /**
     * A task that returned {@code value} (which may be {@code null}).
     *
     * @param value what the task returned
     * @param <T> the type of the value
     * @since 0.1
     */
    record Success<T>(@Nullable T value) implements Outcome<T> {
    }

    /**
     * A task that threw {@code error}.
     *
     * @param error what the task threw, never {@code null}
     * @param <T> the type the task would have returned
     * @since 0.1
     */
    record Failure<T>(Throwable error) implements Outcome<T> {
        /**
         * Creates a failure.
         *
         * @param error what the task threw
         * @throws NullPointerException if {@code error} is null
         */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A task that was cancelled before it could return.
     *
     * @param <T> the type the task would have returned
     * @since 0.1
     */
    record Cancelled<T>() implements Outcome<T> {
    }

    /**
     * {@return a success holding {@code value}}
     *
     * @param value the value, may be null
     * @param <T> the type of the value
     */
    static <T> Outcome<T> success(@Nullable T value) {
        return new Success<>(value);
    }

    /**
     * {@return a failure holding {@code error}}
     *
     * @param error the error
     * @param <T> the type the task would have returned
     * @throws NullPointerException if {@code error} is null
     */
    static <T> Outcome<T> failure(Throwable error) {
        return new Failure<>(error);
    }

    /**
     * {@return a cancellation}
     *
     * @param <T> the type the task would have returned
     */
    static <T> Outcome<T> cancelled() {
        return new Cancelled<>();
    }

    /** {@return true if this is a {@link Success}} */
    default boolean isSuccess() {
        return this instanceof Success<T>;
    }

    /**
     * Returns the value of a success, or throws what stands for the other outcomes.
     *
     * @return the value of a {@link Success}
     * @throws TaskFailedException for a {@link Failure}, with the original error as its cause
     * @throws CancellationException for a {@link Cancelled}
     */
    default T getOrThrow() {
        return switch (this) {
            case Success<T> s -> s.value();
            case Failure<T> f -> throw new TaskFailedException(null, f.error());
            case Cancelled<T> c -> throw new CancellationException("the task was cancelled");
        };
    }
}
