package dev.weft.sync.internal;

import org.jspecify.annotations.Nullable;

/**
 * A registration in one channel's wait queue: a blocked sender with its element, or a blocked
 * receiver, on behalf of a {@link Selection} (which may have registrations in other channels
 * too).
 */
public final class ChannelWaiter {
    final Selection selection;
    final int clause;
    final @Nullable Object element;

    ChannelWaiter(Selection selection, int clause, @Nullable Object element) {
        this.selection = selection;
        this.clause = clause;
        this.element = element;
    }
}
