package dev.weft.sync.internal;

import org.jspecify.annotations.Nullable;

/**
 * What ended a blocked channel operation: which of its registrations was served and how.
 *
 * @param clause the index of the registration served (0 for a plain send or receive)
 * @param item the element handed to a receiver; {@code null} for a sender, or when closed
 * @param closed whether the channel closed (or failed) instead
 * @param cause the failure cause when {@code closed} by {@code fail}, else {@code null}
 */
public record Claim(int clause, @Nullable Object item, boolean closed, @Nullable Throwable cause) {
}
