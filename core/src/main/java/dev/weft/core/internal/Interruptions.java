package dev.weft.core.internal;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;

/** Recognises the exceptions with which a computation gives up after being interrupted. */
public final class Interruptions {
    private Interruptions() {
    }

    /**
     * {@return true if {@code error}, or one of its causes, is how blocking code reacts to an
     * interrupt or a cancellation}
     *
     * @param error what the computation threw
     */
    public static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof CancellationException
                    || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
