package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Channel;
import org.junit.jupiter.api.Test;

/** Lincheck: {@link ChannelLincheck}'s operations on a rendezvous channel (no buffer) are linearizable. */
public class RendezvousChannelLincheckTest extends ChannelLincheck {
    /** Lincheck creates one per invocation. */
    public RendezvousChannelLincheckTest() {
        super(Channel.rendezvous());
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
