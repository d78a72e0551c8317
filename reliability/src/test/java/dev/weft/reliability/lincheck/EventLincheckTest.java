package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Event;
import java.time.Duration;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.junit.jupiter.api.Test;

/** Lincheck: {@link Event}'s {@code set}, {@code clear}, {@code isSet} and a non-waiting {@code await}. */
public class EventLincheckTest {
    private final Event event = new Event();

    /** Lincheck creates one per invocation. */
    public EventLincheckTest() {
    }

    @Operation
    public void set() {
        event.set();
    }

    @Operation
    public void clear() {
        event.clear();
    }

    @Operation
    public boolean isSet() {
        return event.isSet();
    }

    @Operation
    public boolean awaitZero() throws InterruptedException {
        return event.await(Duration.ZERO);
    }

    @Test
    void stress() {
        assertTrue(Linearizability.check(getClass(), Linearizability.Mode.STRESS).operations() > 0);
    }

    @Test
    void modelChecking() {
        assertTrue(Linearizability.check(getClass(), Linearizability.Mode.MODEL_CHECKING).operations() > 0);
    }
}
