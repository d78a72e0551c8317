package dev.weft.parallel.internal;

import java.io.IOException;

/** Where one end of a {@link dev.weft.parallel.Pipe} writes: MESSAGE frames, then the end. */
public interface Outbox {
    /**
     * Sends one serialized message.
     *
     * @param message the serialized message
     * @throws IOException if the channel is broken (the other process is gone)
     */
    void send(byte[] message) throws IOException;

    /** Tells the other end that no more messages will come. */
    void close();
}
