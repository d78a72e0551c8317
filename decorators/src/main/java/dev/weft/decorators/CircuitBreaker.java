package dev.weft.decorators;

/**
 * A {@link Decorator} that stops calling a function that keeps failing: closed, it lets calls
 * through and watches the failure rate of the last calls; past a threshold it opens and refuses
 * every call at once with {@link CircuitOpenException}; after a while it lets one trial call
 * through (half-open), which closes it again if it succeeds and reopens it if it fails.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=circuit-breaker}
 *
 * <p>Made by {@link Decorators#circuitBreaker(double, int, java.time.Duration)}. A failure is an
 * {@link Exception} thrown by the rest of the chain, other than an interruption (an
 * {@link InterruptedException}, or one caused by it), which says nothing about the function's
 * health and is not counted; neither is an {@link Error}. The window counts calls, not time: the
 * rate is judged once the last {@code window} calls are known. Like a bulkhead, one breaker is
 * shared by every function or proxy it decorates. Python has no standard one
 * ({@code pybreaker.CircuitBreaker(fail_max, reset_timeout)} is the usual library); compared with
 * Resilience4j's {@code CircuitBreaker}: its count-based window and its three main states, without
 * the slow-call rate, the metrics or the registry. Thread-safe.
 *
 * @since 0.1
 */
public interface CircuitBreaker extends Decorator {

    /**
     * Where a circuit breaker is in its cycle.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=circuit-breaker-state}
     *
     * @since 0.1
     */
    enum State {
        /** Calls go through; their outcomes fill the window. */
        CLOSED,
        /** Calls are refused with {@link CircuitOpenException} until the open time has passed. */
        OPEN,
        /** One trial call goes through; the others are refused until it ends. */
        HALF_OPEN
    }

    /**
     * {@return the state now} An open breaker whose open time has passed still says
     * {@link State#OPEN} until a call comes and becomes the trial.
     */
    State state();
}
