package dev.weft.sync.internal;

import dev.weft.sync.ChannelClosedException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The fork of {@link dev.weft.sync.Channel#produce}: runs the body, then closes the channel if it
 * returned, or fails it with what it threw. A body stopped by its own channel having been closed
 * by someone else (a consumer that cancelled it) ends without an error.
 */
public final class Producer {
    private Producer() {
    }

    /** The producer's body, bound to its channel. */
    @FunctionalInterface
    public interface Body {
        /**
         * Sends the elements.
         *
         * @throws Exception anything
         */
        void run() throws Exception;
    }

    /**
     * Runs {@code body} and ends its channel accordingly.
     *
     * @param body the body
     * @param fail fails the channel with a cause
     * @param close closes the channel
     * @param closedForSend tells whether the channel was closed already
     * @return null
     * @throws Exception what the body threw, after failing the channel with it
     */
    public static @Nullable Void run(Body body, Predicate<Throwable> fail, BooleanSupplier close,
            BooleanSupplier closedForSend) throws Exception {
        boolean closedBefore = false;
        try {
            body.run();
        } catch (ChannelClosedException e) {
            closedBefore = closedForSend.getAsBoolean();
            if (!closedBefore) {
                fail.test(e);
                throw e;
            }
        } catch (Exception | Error e) {
            fail.test(e);
            throw e;
        }
        if (!closedBefore) {
            close.getAsBoolean();
        }
        return null;
    }
}
