package dev.weft.sync;

import dev.weft.core.TaskScope;
import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.ChannelCore;
import dev.weft.sync.internal.Producer;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A channel that carries elements from senders to receivers, in the order they were sent, and
 * that can be closed so that receivers know the stream has ended: Go's {@code chan}, Kotlin's
 * {@code Channel}, Ox's {@code Channel}, Trio's memory channels.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=channel}
 *
 * <p><b>Kinds.</b> A {@linkplain #rendezvous() rendezvous} channel has no buffer: a send waits
 * until a receiver takes its element (Go's {@code make(chan T)}, {@code SynchronousQueue}). A
 * {@linkplain #buffered(int) buffered} channel holds up to its capacity; a send waits only while
 * it is full ({@code make(chan T, n)}, {@code ArrayBlockingQueue}). An
 * {@linkplain #unbounded() unbounded} channel never makes a sender wait
 * ({@code LinkedBlockingQueue}, Python's {@code queue.Queue()}).
 *
 * <p><b>Closing.</b> {@link #close()} means "no more elements": later sends, and sends waiting
 * at that moment, throw {@link ChannelClosedException} (a waiting sender's element is not sent);
 * receivers go on receiving what is buffered, then throw {@code ChannelClosedException}, and a
 * for-each over the channel ends. {@link #fail(Throwable)} means "the producer failed": as Ox's
 * {@code error}, <em>buffered elements are discarded</em>, not delivered, and every receive and
 * send, waiting or later, throws a {@code ChannelClosedException} whose cause is the failure
 * (Kotlin's {@code close(cause)} would deliver the buffer first; its {@code cancel} discards it,
 * as here). Whichever of {@code close} and {@code fail} comes first wins; later calls return
 * {@code false} and change nothing. Compared with {@link JoinableQueue#shutdown()}, a channel has
 * no {@code taskDone}/{@code join} count, and it can take part in a {@link Select}.
 *
 * <p><b>Waiting and interruption.</b> Blocking calls are interruptible and never lose or
 * duplicate an element: an interrupted {@code receive} that throws {@link InterruptedException}
 * took nothing, and an interrupted {@code send} that throws it sent nothing. If the element was
 * handed over at the moment of the interrupt, the call reports that instead (the receive returns
 * the element, the send returns normally) and leaves the thread's interrupt flag set, so the
 * interrupt is still seen by the next blocking call. A blocking call made with the interrupt flag
 * already set throws {@code InterruptedException} at once. Timeouts are {@link Duration}s; zero or
 * negative means "do not wait". Waiting senders are served first come, first served, and so are
 * waiting receivers.
 *
 * <p><b>Iteration.</b> {@link #iterator()} and {@link #stream()} receive: each element goes to one
 * consumer only, however many iterate at once. {@code hasNext()} waits for the next element and
 * returns {@code false} once the channel is closed and drained; on a failed channel it throws
 * {@code ChannelClosedException}. Iterators cannot throw {@code InterruptedException}: an
 * interrupt while waiting throws {@link CancellationException} (with the
 * {@code InterruptedException} as cause) and leaves the interrupt flag set.
 *
 * <p>Elements may not be null. Memory consistency: actions before a send happen-before the
 * receive that returns that element.
 *
 * @param <T> the element type
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only.
@SuppressWarnings("exports")
public final class Channel<T> implements Iterable<T> {
    private final ChannelCore core;

    private Channel(int capacity) {
        this.core = new ChannelCore(capacity);
    }

    /**
     * {@return a channel without a buffer: each send waits for a receiver to take its element}
     *
     * @param <T> the element type
     */
    public static <T> Channel<T> rendezvous() {
        return new Channel<>(0);
    }

    /**
     * {@return a channel that buffers up to {@code capacity} elements: a send waits only while it
     * is full}
     *
     * @param capacity how many elements it holds; at least 1 ({@link #rendezvous()} holds none)
     * @param <T> the element type
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    public static <T> Channel<T> buffered(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity
                    + " (use rendezvous() for no buffer)");
        }
        return new Channel<>(capacity);
    }

    /**
     * {@return a channel whose buffer has no bound: a send never waits}
     *
     * @param <T> the element type
     */
    public static <T> Channel<T> unbounded() {
        return new Channel<>(Integer.MAX_VALUE);
    }

    /**
     * Starts {@code body} in {@code scope} to send into a new channel, and returns that channel:
     * Kotlin's {@code produce}. The channel closes when the body returns and fails with what it
     * throws, so the receivers always learn how the producer ended, and the producer never
     * outlives the scope.
     *
     * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=channel-produce}
     *
     * <p>If the body throws, the fork fails too (with fail-fast, the scope's other forks are
     * cancelled and {@code join()} throws {@code TaskFailedException}). A body that ends because
     * its own channel was closed or failed by a consumer (its {@code send} threw
     * {@link ChannelClosedException}) ends quietly: a consumer cancels its producer with
     * {@code channel.fail(new CancellationException())}, Kotlin's {@code cancel()}.
     *
     * @param scope where the producer runs
     * @param capacity the channel's buffer: 0 for a rendezvous, {@link Integer#MAX_VALUE} for
     *     unbounded
     * @param body what sends the elements
     * @param <T> the element type
     * @return the channel, which the caller receives from
     * @throws NullPointerException if {@code scope} or {@code body} is null
     * @throws IllegalArgumentException if {@code capacity} is negative
     * @throws IllegalStateException if the scope is closed
     */
    public static <T> Channel<T> produce(TaskScope scope, int capacity, ProducerBody<T> body) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(body, "body");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        Channel<T> channel = new Channel<>(capacity);
        scope.fork("produce", () -> Producer.run(() -> body.produce(channel), channel::fail,
                channel::close, channel::isClosedForSend));
        return channel;
    }

    /**
     * The body of a {@linkplain #produce producer}: sends into the channel, and returns when it
     * has nothing more to send.
     *
     * @param <T> the element type
     * @since 0.1
     */
    @FunctionalInterface
    public interface ProducerBody<T> {
        /**
         * Sends the elements.
         *
         * @param out the channel to send into; closed when this returns, failed if it throws
         * @throws Exception anything; the channel fails with it
         */
        void produce(Channel<T> out) throws Exception;
    }

    // ---- sending --------------------------------------------------------------------------

    /**
     * Sends {@code element}, waiting while no receiver can take it (rendezvous) or the buffer is
     * full.
     *
     * @param element the element
     * @throws NullPointerException if {@code element} is null
     * @throws ChannelClosedException if the channel is closed, before or while waiting (the
     *     element was not sent); after {@code fail}, with the failure as cause
     * @throws InterruptedException if interrupted before the element was sent; it was not sent
     */
    public void send(T element) throws InterruptedException {
        Objects.requireNonNull(element, "element");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        core.send(element, false, 0L);
    }

    /**
     * Sends {@code element}, waiting at most {@code timeout}.
     *
     * @param element the element
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return {@code true} if sent, {@code false} if the time ran out (the element was not sent)
     * @throws NullPointerException if an argument is null
     * @throws ChannelClosedException if the channel is closed, before or while waiting
     * @throws InterruptedException if interrupted before the element was sent; it was not sent
     */
    public boolean send(T element, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(element, "element");
        long nanos = Durations.toTimeoutNanos(timeout);
        if (nanos > 0 && Thread.interrupted()) {
            throw new InterruptedException();
        }
        return core.send(element, true, nanos);
    }

    /**
     * Sends {@code element} if a receiver waits for it or the buffer has room now; never waits.
     *
     * @param element the element
     * @return whether it was sent
     * @throws NullPointerException if {@code element} is null
     * @throws ChannelClosedException if the channel is closed
     */
    public boolean trySend(T element) {
        Objects.requireNonNull(element, "element");
        core.lock();
        try {
            int r = core.offerLocked(element);
            if (r == ChannelCore.SHUT) {
                throw ChannelCore.closedException(core.causeLocked());
            }
            return r == ChannelCore.OFFERED;
        } finally {
            core.unlock();
        }
    }

    // ---- receiving ------------------------------------------------------------------------

    /**
     * Receives the next element, waiting while there is none.
     *
     * @return the element
     * @throws ChannelClosedException once the channel is closed and drained, or failed, also
     *     while waiting; after {@code fail}, with the failure as cause
     * @throws InterruptedException if interrupted before an element was received; none was taken
     */
    public T receive() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return cast(Objects.requireNonNull(core.receive(false, 0L)));
    }

    /**
     * Receives the next element, waiting at most {@code timeout} for one.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return the element, or empty if none came in time
     * @throws NullPointerException if {@code timeout} is null
     * @throws ChannelClosedException once the channel is closed and drained, or failed
     * @throws InterruptedException if interrupted before an element was received; none was taken
     */
    public Optional<T> receive(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        if (nanos > 0 && Thread.interrupted()) {
            throw new InterruptedException();
        }
        Object x = core.receive(true, nanos);
        return x == null ? Optional.empty() : Optional.of(cast(x));
    }

    /**
     * Receives an element if one is buffered, or a sender waits with one; never waits.
     *
     * @return the element, or empty if there is none now
     * @throws ChannelClosedException once the channel is closed and drained, or failed
     */
    public Optional<T> tryReceive() {
        core.lock();
        try {
            Object x = core.pollLocked();
            if (x == ChannelCore.CLOSED) {
                throw ChannelCore.closedException(core.causeLocked());
            }
            return x == ChannelCore.EMPTY ? Optional.empty() : Optional.of(cast(x));
        } finally {
            core.unlock();
        }
    }

    // ---- closing --------------------------------------------------------------------------

    /**
     * Closes the channel: no more elements will be sent. Later sends, and sends waiting now,
     * throw {@link ChannelClosedException}; receivers get what is buffered, then the exception.
     *
     * @return {@code true} if this call closed the channel, {@code false} if it was closed or
     *     failed already (nothing changes then)
     */
    public boolean close() {
        return core.close(null);
    }

    /**
     * Fails the channel: the producer cannot go on because of {@code cause}. Buffered elements
     * are discarded; every receive and send, waiting now or later, throws a
     * {@link ChannelClosedException} whose cause is {@code cause}.
     *
     * @param cause why
     * @return {@code true} if this call closed the channel, {@code false} if it was closed or
     *     failed already (nothing changes then)
     * @throws NullPointerException if {@code cause} is null
     */
    public boolean fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        return core.close(cause);
    }

    /** {@return whether {@link #close()} or {@link #fail} was called: sends throw now} */
    public boolean isClosedForSend() {
        return core.isClosedForSend();
    }

    /**
     * {@return whether receives throw now: the channel is closed and nothing is buffered, or it
     * failed}
     */
    public boolean isClosedForReceive() {
        return core.isClosedForReceive();
    }

    // ---- select clauses -------------------------------------------------------------------

    /**
     * {@return a {@link Select} clause that receives from this channel and returns the element}
     */
    public Select.Clause<T> onReceive() {
        return onReceive(Function.identity());
    }

    /**
     * {@return a {@link Select} clause that receives from this channel, then runs {@code then}
     * on the element}
     *
     * @param then what to do with the element; its result is the select's
     * @param <R> the select's result type
     * @throws NullPointerException if {@code then} is null
     */
    public <R> Select.Clause<R> onReceive(Function<? super T, ? extends R> then) {
        Objects.requireNonNull(then, "then");
        return Select.Clause.receive(this, then);
    }

    /**
     * {@return a {@link Select} clause that sends {@code element} to this channel, then runs
     * {@code then}}
     *
     * @param element what to send; not sent unless this clause is the one chosen
     * @param then what to do once it was sent; its result is the select's
     * @param <R> the select's result type
     * @throws NullPointerException if an argument is null
     */
    public <R> Select.Clause<R> onSend(T element, Supplier<? extends R> then) {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(then, "then");
        return Select.Clause.send(this, element, then);
    }

    // ---- iteration ------------------------------------------------------------------------

    /**
     * {@return an iterator that receives until the channel is closed and drained}
     *
     * <p>{@code hasNext()} waits; it throws {@link ChannelClosedException} if the channel
     * failed, and {@link CancellationException} if interrupted (interrupt flag left set; no
     * element is lost). {@code remove()} is not supported.
     */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private @Nullable T next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                try {
                    next = receive();
                    return true;
                } catch (ChannelClosedException e) {
                    if (e.getCause() != null) {
                        throw e;
                    }
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    CancellationException cancelled =
                            new CancellationException("interrupted while waiting for an element");
                    cancelled.initCause(e);
                    throw cancelled;
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the channel is closed");
                }
                T element = Objects.requireNonNull(next);
                next = null;
                return element;
            }
        };
    }

    /**
     * {@return a sequential stream of the elements received until the channel is closed and
     * drained}: each terminal operation receives as {@link #iterator()} does, and a
     * short-circuiting one ({@code limit}, {@code findFirst}) leaves the rest in the channel
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    // ---- internals ------------------------------------------------------------------------

    /** {@return this channel's state, for {@link Select}} */
    ChannelCore core() {
        return core;
    }

    @SuppressWarnings("unchecked") // only elements of type T are sent
    static <T> T cast(Object element) {
        return (T) element;
    }

    /** {@return the kind, capacity and state, for diagnostics} */
    @Override
    public String toString() {
        int capacity = core.capacity();
        String kind = capacity == 0 ? "rendezvous"
                : capacity == Integer.MAX_VALUE ? "unbounded" : "buffered(" + capacity + ")";
        String state = core.isClosedForSend() ? (core.isClosedForReceive() ? "closed" : "closing") : "open";
        return "Channel[" + kind + ", " + state + ", " + core.size() + " buffered]";
    }
}
