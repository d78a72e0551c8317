package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class InterruptionsTest {

    @Test
    void recognisesEveryWayBlockingCodeGivesUpOnAnInterrupt() {
        assertTrue(Interruptions.isInterruption(new InterruptedException()));
        assertTrue(Interruptions.isInterruption(new CancellationException()));
        assertTrue(Interruptions.isInterruption(new InterruptedIOException()));
        assertTrue(Interruptions.isInterruption(new ClosedByInterruptException()));
    }

    @Test
    void looksThroughTheCauses() {
        Throwable wrapped = new ExecutionException(new RuntimeException(new InterruptedException()));
        assertTrue(Interruptions.isInterruption(wrapped));
        assertTrue(Interruptions.isInterruption(new UncheckedIOException(new ClosedByInterruptException())));
    }

    @Test
    void otherFailuresAreNotInterruptions() {
        assertFalse(Interruptions.isInterruption(null));
        assertFalse(Interruptions.isInterruption(new IllegalStateException("boom")));
        assertFalse(Interruptions.isInterruption(new IOException(new IllegalArgumentException())));
    }

    @Test
    void stopsAtAnExceptionThatIsItsOwnCause() {
        assertFalse(Interruptions.isInterruption(new SelfCaused()));
    }

    /** An exception that reports itself as its own cause, as a badly written one may. */
    private static final class SelfCaused extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Throwable getCause() {
            return this;
        }
    }
}
