package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Channel;
import org.junit.jupiter.api.Test;

/** Lincheck: {@link ChannelLincheck}'s operations on a channel buffered to 2 are linearizable. */
public class BufferedChannelLincheckTest extends ChannelLincheck {
    /** Lincheck creates one per invocation. */
    public BufferedChannelLincheckTest() {
        super(Channel.buffered(2));
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
