package dev.weft.decorators;

import dev.weft.decorators.internal.Nanos;
import dev.weft.decorators.internal.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * When and how {@link Decorators#retry(RetryPolicy)} calls a failed function again: how many
 * attempts, the wait between them, which failures and results are retried, an overall deadline
 * and a listener told of each attempt. Python's {@code tenacity.retry(stop=..., wait=...,
 * retry=...)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=retry-policy}
 *
 * <p>A policy is immutable and may be shared by many decorators. Its defaults: 3 attempts, no
 * wait between them, every {@link Exception} retried (not {@link Error}s), no result retried, no
 * deadline, no listener. Whatever the policy says, an {@link InterruptedException} is never
 * retried and ends the retrying (see {@link Decorators#retry(RetryPolicy)}).
 *
 * <p>Compared with tenacity: {@code stop_after_attempt(n)} is {@link Builder#maxAttempts},
 * {@code stop_after_delay} is {@link Builder#deadline}, {@code wait_fixed} is
 * {@link Builder#backoff}, {@code wait_exponential(multiplier, max)} is
 * {@link Builder#exponentialBackoff}, {@code wait_random_exponential} is {@link Jitter#FULL},
 * {@code retry_if_exception_type} is {@link Builder#retryOn}, {@code retry_if_exception} is
 * {@link Builder#retryIf}, {@code retry_if_result} is {@link Builder#retryIfResult} and
 * {@code after=...} is {@link Builder#onAttempt}. Compared with Resilience4j's {@code RetryConfig}:
 * the same knobs, without a registry or events publisher, and checked exceptions pass as
 * themselves.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class RetryPolicy {

    /** The attempts of a policy that does not say: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /**
     * How the waits between attempts are randomised, so that many callers failing together do not
     * retry together (the "thundering herd").
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=retry-jitter}
     *
     * <p>The names are those of the AWS Architecture Blog's "Exponential Backoff and Jitter".
     *
     * @since 0.1
     */
    public enum Jitter {
        /** The waits are exactly the backoff's: {@code initial × factor^(n-1)}, capped. */
        NONE,
        /** Each wait is uniform between zero and the backoff's ("full jitter"). */
        FULL,
        /**
         * Each wait is uniform between the initial wait and the previous wait × factor, capped at
         * the maximum ("decorrelated jitter"); with a fixed backoff every wait is that backoff.
         */
        DECORRELATED
    }

    private final RetrySpec spec;
    private final String description;

    private RetryPolicy(RetrySpec spec, String description) {
        this.spec = spec;
        this.description = description;
    }

    /** {@return a builder with the defaults: 3 attempts, no wait, every {@code Exception} retried} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the most attempts a call makes, the first one included} */
    public int maxAttempts() {
        return spec.maxAttempts();
    }

    /** {@return what the decorator reads} */
    RetrySpec spec() {
        return spec;
    }

    /** {@return the policy's settings, for logs} */
    @Override
    public String toString() {
        return description;
    }

    /**
     * Builds a {@link RetryPolicy}. Each setting may be given once (a second call throws
     * {@link IllegalStateException}, so that a typo does not silently override the first), and
     * {@link #build()} leaves the builder usable. Not thread-safe.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=retry-builder}
     *
     * @since 0.1
     */
    public static final class Builder {

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private boolean maxAttemptsSet;
        private @Nullable String backoffText;
        private long initialNanos;
        private double factor = 1;
        private long maxNanos;
        private @Nullable Jitter jitter;
        private @Nullable List<Class<? extends Throwable>> retryOn;
        private @Nullable Predicate<Throwable> retryIf;
        private @Nullable Predicate<@Nullable Object> retryIfResult;
        private @Nullable Duration deadline;
        private @Nullable Consumer<RetryAttempt> listener;

        private Builder() {
        }

        /**
         * Sets how many attempts a call makes in all, the first one included; default
         * {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS}. {@code 1} never retries.
         *
         * @param maxAttempts the attempts, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts < 1}
         * @throws IllegalStateException if it was set already
         */
        public Builder maxAttempts(int maxAttempts) {
            checkUnset(maxAttemptsSet, "maxAttempts");
            this.maxAttempts = Nanos.atLeastOne(maxAttempts, "maxAttempts");
            maxAttemptsSet = true;
            return this;
        }

        /**
         * Waits {@code wait} before each new attempt ({@code wait_fixed}); default no wait.
         *
         * @param wait the wait, {@code >= 0}
         * @return this builder
         * @throws NullPointerException if {@code wait} is {@code null}
         * @throws IllegalArgumentException if {@code wait} is negative
         * @throws IllegalStateException if a backoff was set already
         */
        public Builder backoff(Duration wait) {
            checkUnset(backoffText != null, "the backoff");
            long nanos = Nanos.nonNegative(wait, "backoff");
            initialNanos = nanos;
            maxNanos = nanos;
            factor = 1;
            backoffText = "backoff " + wait;
            return this;
        }

        /**
         * Waits {@code initial} before the second attempt, then {@code factor} times longer before
         * each next one, never more than {@code max} ({@code wait_exponential}).
         *
         * @param initial the first wait, {@code > 0}
         * @param factor how each wait grows, {@code >= 1} (2 doubles it)
         * @param max the longest wait, {@code >= initial}
         * @return this builder
         * @throws NullPointerException if a duration is {@code null}
         * @throws IllegalArgumentException if {@code initial} is not positive, {@code factor} is
         *     below 1 or not finite, or {@code max < initial}
         * @throws IllegalStateException if a backoff was set already
         */
        public Builder exponentialBackoff(Duration initial, double factor, Duration max) {
            checkUnset(backoffText != null, "the backoff");
            long initialN = Nanos.positive(initial, "initial");
            long maxN = Nanos.positive(max, "max");
            if (!(factor >= 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("factor must be a finite number >= 1: " + factor);
            }
            if (maxN < initialN) {
                throw new IllegalArgumentException("max must be >= initial: max " + max + ", initial " + initial);
            }
            initialNanos = initialN;
            this.factor = factor;
            maxNanos = maxN;
            backoffText = "exponentialBackoff(" + initial + ", " + factor + ", " + max + ")";
            return this;
        }

        /**
         * Sets how the waits are randomised; default {@link Jitter#NONE}.
         *
         * @param jitter the jitter
         * @return this builder
         * @throws NullPointerException if {@code jitter} is {@code null}
         * @throws IllegalStateException if it was set already
         */
        public Builder jitter(Jitter jitter) {
            checkUnset(this.jitter != null, "jitter");
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Retries only failures of these types (and their subtypes); default every
         * {@link Exception}. Give {@code Error} types here to retry errors too.
         *
         * @param types the failure types, at least one
         * @return this builder
         * @throws NullPointerException if {@code types} or one of them is {@code null}
         * @throws IllegalArgumentException if {@code types} is empty
         * @throws IllegalStateException if it was set already
         */
        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... types) {
            checkUnset(retryOn != null, "retryOn");
            Objects.requireNonNull(types, "types");
            if (types.length == 0) {
                throw new IllegalArgumentException("retryOn needs at least one type");
            }
            List<Class<? extends Throwable>> copy = new ArrayList<>(types.length);
            for (int i = 0; i < types.length; i++) {
                copy.add(Objects.requireNonNull(types[i], "types[" + i + "]"));
            }
            retryOn = List.copyOf(copy);
            return this;
        }

        /**
         * Retries only failures that pass {@code test} (and are of a {@link #retryOn} type);
         * default every one.
         *
         * @param test which failures to retry
         * @return this builder
         * @throws NullPointerException if {@code test} is {@code null}
         * @throws IllegalStateException if it was set already
         */
        public Builder retryIf(Predicate<Throwable> test) {
            checkUnset(retryIf != null, "retryIf");
            this.retryIf = Objects.requireNonNull(test, "test");
            return this;
        }

        /**
         * Retries a call that returned a result passing {@code test} ({@code retry_if_result});
         * default none. When the attempts or the deadline run out, the last result is returned.
         *
         * @param test which results to retry; it may receive {@code null}
         * @return this builder
         * @throws NullPointerException if {@code test} is {@code null}
         * @throws IllegalStateException if it was set already
         */
        public Builder retryIfResult(Predicate<@Nullable Object> test) {
            checkUnset(retryIfResult != null, "retryIfResult");
            this.retryIfResult = Objects.requireNonNull(test, "test");
            return this;
        }

        /**
         * Starts no new attempt once {@code deadline} has passed since the first began, nor one
         * whose wait would end past it ({@code stop_after_delay}); default none. An attempt that
         * is running is not cut short: put a {@link Decorators#timeout(Duration)} outside the retry
         * for a hard bound.
         *
         * @param deadline the time budget of all the attempts, {@code > 0}
         * @return this builder
         * @throws NullPointerException if {@code deadline} is {@code null}
         * @throws IllegalArgumentException if {@code deadline} is zero or negative
         * @throws IllegalStateException if it was set already
         */
        public Builder deadline(Duration deadline) {
            checkUnset(this.deadline != null, "deadline");
            Nanos.positive(deadline, "deadline");
            this.deadline = deadline;
            return this;
        }

        /**
         * Calls {@code listener} after each attempt, in the calling thread, before any wait
         * (tenacity's {@code after}). If it throws, the retrying ends with its exception (the
         * attempt's failure added to it as suppressed).
         *
         * @param listener told of each attempt
         * @return this builder
         * @throws NullPointerException if {@code listener} is {@code null}
         * @throws IllegalStateException if it was set already
         */
        public Builder onAttempt(Consumer<RetryAttempt> listener) {
            checkUnset(this.listener != null, "onAttempt");
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** {@return a policy with this builder's settings; the builder stays usable} */
        @SuppressWarnings("unchecked") // a Predicate<@Nullable Object> tests every result
        public RetryPolicy build() {
            Jitter j = jitter == null ? Jitter.NONE : jitter;
            List<Class<? extends Throwable>> types = retryOn == null ? List.of(Exception.class) : retryOn;
            Predicate<Throwable> failureTest = retryIf == null ? t -> true : retryIf;
            Predicate<Object> resultTest = retryIfResult == null ? r -> false : (Predicate<Object>) (Predicate<?>) retryIfResult;
            long deadlineNanos = deadline == null ? Long.MAX_VALUE : Nanos.positive(deadline, "deadline");
            RetrySpec spec = new RetrySpec(maxAttempts, initialNanos, factor, maxNanos, j, types, failureTest,
                    resultTest, deadlineNanos, listener);
            String text = "RetryPolicy(maxAttempts " + maxAttempts + ", "
                    + (backoffText == null ? "no backoff" : backoffText)
                    + (j == Jitter.NONE ? "" : ", jitter " + j)
                    + ", retryOn " + types.stream().map(Class::getSimpleName).toList()
                    + (retryIf == null ? "" : ", retryIf")
                    + (retryIfResult == null ? "" : ", retryIfResult")
                    + (deadline == null ? "" : ", deadline " + deadline)
                    + (listener == null ? "" : ", onAttempt") + ")";
            return new RetryPolicy(spec, text);
        }

        private static void checkUnset(boolean set, String what) {
            if (set) {
                throw new IllegalStateException(what + " was already set");
            }
        }
    }
}
