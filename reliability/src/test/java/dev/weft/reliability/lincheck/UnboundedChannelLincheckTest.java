package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Channel;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: {@link ChannelLincheck}'s operations on an unbounded channel, plus a blocking
 * {@code send} (it never waits), are linearizable.
 */
public class UnboundedChannelLincheckTest extends ChannelLincheck {
    /** Lincheck creates one per invocation. */
    public UnboundedChannelLincheckTest() {
        super(Channel.unbounded());
    }

    @Operation
    public void send(@Param(name = "item") int item) throws InterruptedException {
        channel.send(item);
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
