package dev.weft.parallel;

import dev.weft.parallel.internal.JavaSerialization;
import dev.weft.parallel.internal.Mailbox;
import dev.weft.parallel.internal.Outbox;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One end of a two-way connection between a parent JVM and the child JVM of a
 * {@link TalkingProcess}: Python's {@code multiprocessing.Pipe()} connection. Messages travel over
 * the child's standard input and output, between the frames of its task, never over a socket;
 * each is Java-serialized when sent and arrives once, in the order sent.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=talking-process}
 *
 * <p>{@link #receive()} waits for the next message; it returns empty once the other end has
 * {@linkplain #close() closed} (or its task has returned) and every message sent before has been
 * received, as Python's {@code recv()} raises {@code EOFError}. If the child JVM died, the
 * parent's end throws {@link IllegalStateException} whose cause is the
 * {@link WorkerDiedException}, once the messages that arrived before the death are received. A
 * one-way use is Python's {@code multiprocessing.Queue} between a parent and one child. Unlike
 * Python's, an end is typed: it sends {@code S} and receives {@code R}. Within one JVM, a
 * {@code dev.weft.sync.Channel} is the equivalent.
 *
 * @param <S> what this end sends
 * @param <R> what this end receives
 * @since 0.1
 */
public final class Pipe<S extends Serializable, R extends Serializable> implements AutoCloseable {
    private final Mailbox inbox;
    private final Outbox outbox;
    private final AtomicBoolean closed = new AtomicBoolean();

    Pipe(Mailbox inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /**
     * Sends {@code message} to the other end; it is serialized now, so later changes to it do not
     * travel. Never waits for the other end to receive it.
     *
     * @param message the message
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalArgumentException if it cannot be serialized (the message names the class)
     * @throws IllegalStateException if this end is closed, or the other process is gone
     */
    public void send(S message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            throw new IllegalStateException("this end of the pipe is closed");
        }
        byte[] bytes;
        try {
            bytes = JavaSerialization.toBytes(message);
        } catch (IOException e) {
            throw new IllegalArgumentException("the message cannot be sent: " + JavaSerialization.explain(e), e);
        }
        try {
            outbox.send(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("the other end of the pipe is gone: " + e, e);
        }
    }

    /**
     * Receives the next message, waiting as long as it takes.
     *
     * @return the message; empty once the other end is closed and every message was received
     * @throws InterruptedException if interrupted while waiting; no message was taken
     * @throws IllegalStateException if the other process died (its cause says how), once the
     *     messages it sent before are received
     */
    public Optional<R> receive() throws InterruptedException {
        return Optional.ofNullable(cast(inbox.take(-1)));
    }

    @SuppressWarnings("unchecked") // the other end sends R
    private R cast(Object message) {
        return message == null || message == Mailbox.END ? null : (R) message;
    }

    /**
     * Closes this end: no more messages go from it, and the other end's {@link #receive()}
     * returns empty once it has received those sent before. Messages still come the other way.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            outbox.close();
        }
    }
}
