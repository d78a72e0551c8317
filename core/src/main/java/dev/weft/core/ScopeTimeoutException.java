package dev.weft.core;

import java.time.Duration;

/**
 * Thrown by {@link TaskScope#join()} when the scope's deadline passed before every fork ended;
 * the forks that were still running have been cancelled. Unchecked, like Python's
 * {@code TimeoutError} raised out of {@code asyncio.timeout()}.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=scope-timeout}
 *
 * @since 0.1
 */
public final class ScopeTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration deadline;

    /**
     * Creates the exception.
     *
     * @param scopeName the scope whose deadline passed
     * @param deadline the deadline the scope was given
     */
    public ScopeTimeoutException(String scopeName, Duration deadline) {
        super("scope '" + scopeName + "' passed its deadline of " + deadline + "; its forks were cancelled");
        this.deadline = deadline;
    }

    /** {@return the deadline the scope was given} */
    public Duration deadline() {
        return deadline;
    }
}
