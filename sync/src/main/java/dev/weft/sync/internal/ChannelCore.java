package dev.weft.sync.internal;

import dev.weft.sync.ChannelClosedException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The state of one {@link dev.weft.sync.Channel}: its buffer, its queues of blocked senders and
 * receivers, and whether it is closed, all under one {@link ReentrantLock}.
 *
 * <p>The matching rules, each applied under the lock: a sender hands its element to the oldest
 * receiver that is still waiting (whose {@link Selection} it manages to claim), else appends it to
 * the buffer if there is room, else waits. A receiver takes the head of the buffer and then moves
 * the oldest waiting sender's element into the room it made, or, with no buffer (rendezvous),
 * takes the element of the oldest waiting sender, else waits. So a live receiver waits only while
 * the buffer is empty and no live sender waits, and elements leave in the order they were sent.
 * A waiter whose selection was decided elsewhere is stale: it is dropped when met.
 *
 * <p>A thread holds at most one channel lock, except a select, which takes the locks of all its
 * channels in the order of {@link #id()}; claiming a selection is a CAS and never takes a lock,
 * so there is no lock-order cycle.
 */
public final class ChannelCore {
    /** {@link #pollLocked()}: nothing to receive now, the channel is open. */
    public static final Object EMPTY = new Object();
    /** {@link #pollLocked()}: closed and drained (or failed). */
    public static final Object CLOSED = new Object();
    /** {@link #offerLocked(Object)}: the element was handed over or buffered. */
    public static final int OFFERED = 0;
    /** {@link #offerLocked(Object)}: no receiver waits and the buffer is full. */
    public static final int FULL = 1;
    /** {@link #offerLocked(Object)}: the channel is closed for send. */
    public static final int SHUT = 2;

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private final ArrayDeque<ChannelWaiter> senders = new ArrayDeque<>();
    private final ArrayDeque<ChannelWaiter> receivers = new ArrayDeque<>();
    // Written under lock; volatile so that isClosedForSend() does not need it.
    private volatile boolean closed;
    private @Nullable Throwable cause;

    /**
     * Creates an open, empty channel state.
     *
     * @param capacity the buffer size: 0 for a rendezvous, {@link Integer#MAX_VALUE} for unbounded
     */
    public ChannelCore(int capacity) {
        this.capacity = capacity;
    }

    /** {@return the order in which a select takes the locks of several channels} */
    public long id() {
        return id;
    }

    /** {@return the buffer size: 0 for a rendezvous, {@link Integer#MAX_VALUE} for unbounded} */
    public int capacity() {
        return capacity;
    }

    /** Takes the lock. */
    public void lock() {
        lock.lock();
    }

    /** Releases the lock. */
    public void unlock() {
        lock.unlock();
    }

    // ---- under the lock -------------------------------------------------------------------

    /**
     * Receives an element if one is ready, under the lock.
     *
     * @return the element, {@link #EMPTY} if none is ready, or {@link #CLOSED}
     */
    public Object pollLocked() {
        Object head = buffer.pollFirst();
        if (head != null) {
            refillLocked();
            return head;
        }
        for (ChannelWaiter s; (s = senders.pollFirst()) != null; ) {
            if (s.selection.claim(new Claim(s.clause, null, false, null))) {
                return s.element;
            }
        }
        return closed ? CLOSED : EMPTY;
    }

    private void refillLocked() {
        for (ChannelWaiter s; buffer.size() < capacity && (s = senders.pollFirst()) != null; ) {
            if (s.selection.claim(new Claim(s.clause, null, false, null))) {
                buffer.addLast(s.element);
            }
        }
    }

    /**
     * Sends {@code element} if it can go now, under the lock.
     *
     * @param element not null
     * @return {@link #OFFERED}, {@link #FULL} or {@link #SHUT}
     */
    public int offerLocked(Object element) {
        if (closed) {
            return SHUT;
        }
        for (ChannelWaiter r; (r = receivers.pollFirst()) != null; ) {
            if (r.selection.claim(new Claim(r.clause, element, false, null))) {
                return OFFERED;
            }
        }
        if (buffer.size() < capacity) {
            buffer.addLast(element);
            return OFFERED;
        }
        return FULL;
    }

    /**
     * Registers a blocked sender, under the lock.
     *
     * @param selection its claim
     * @param clause the index reported when it is served
     * @param element what it sends
     * @return the registration, for {@link #remove}
     */
    public ChannelWaiter enqueueSenderLocked(Selection selection, int clause, Object element) {
        ChannelWaiter w = new ChannelWaiter(selection, clause, element);
        senders.addLast(w);
        return w;
    }

    /**
     * Registers a blocked receiver, under the lock.
     *
     * @param selection its claim
     * @param clause the index reported when it is served
     * @return the registration, for {@link #remove}
     */
    public ChannelWaiter enqueueReceiverLocked(Selection selection, int clause) {
        ChannelWaiter w = new ChannelWaiter(selection, clause, null);
        receivers.addLast(w);
        return w;
    }

    /** {@return the failure cause, under the lock; null if not failed} */
    public @Nullable Throwable causeLocked() {
        return cause;
    }

    // ---- taking the lock ------------------------------------------------------------------

    /**
     * Takes a registration out of its queue, if it is still there (a registration that was
     * served has already been taken out by whoever served it).
     *
     * @param w a registration of this channel
     */
    public void remove(ChannelWaiter w) {
        lock.lock();
        try {
            if (w.element == null) {
                receivers.removeFirstOccurrence(w);
            } else {
                senders.removeFirstOccurrence(w);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the channel: {@code close()} with a null cause, {@code fail(cause)} otherwise. Waiting
     * senders are released with "closed" and their elements not sent; waiting receivers are
     * released with "closed" (they wait only on an empty buffer). A failure also discards the
     * buffer.
     *
     * @param failure the cause, or null for a plain close
     * @return whether this call closed the channel; false if it was closed already
     */
    public boolean close(@Nullable Throwable failure) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            cause = failure;
            if (failure != null) {
                buffer.clear();
            }
            releaseAll(senders, failure);
            if (buffer.isEmpty()) {
                releaseAll(receivers, failure);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private static void releaseAll(ArrayDeque<ChannelWaiter> queue, @Nullable Throwable failure) {
        for (Iterator<ChannelWaiter> it = queue.iterator(); it.hasNext(); ) {
            ChannelWaiter w = it.next();
            it.remove();
            w.selection.claim(new Claim(w.clause, null, true, failure));
        }
    }

    /** {@return whether {@code close} or {@code fail} was called} */
    public boolean isClosedForSend() {
        return closed;
    }

    /** {@return whether closed and nothing is left to receive} */
    public boolean isClosedForReceive() {
        lock.lock();
        try {
            return closed && buffer.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** {@return how many registrations, live or stale, wait in this channel's queues now} */
    public int registrations() {
        lock.lock();
        try {
            return senders.size() + receivers.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the number of buffered elements now} */
    public int size() {
        lock.lock();
        try {
            return buffer.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends, waiting while no receiver and no room are there.
     *
     * @param element not null
     * @param timed whether {@code nanos} bounds the wait
     * @param nanos how long to wait if {@code timed}; zero or less means "do not wait"
     * @return whether it was sent; false only if {@code timed} and the time ran out
     * @throws ChannelClosedException if the channel is closed, before or while waiting
     * @throws InterruptedException if interrupted before it was sent; it was then not sent
     */
    public boolean send(Object element, boolean timed, long nanos) throws InterruptedException {
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        Selection selection;
        ChannelWaiter w;
        lock.lock();
        try {
            int r = offerLocked(element);
            if (r == OFFERED) {
                return true;
            }
            if (r == SHUT) {
                throw closedException(cause);
            }
            if (timed && nanos <= 0) {
                return false;
            }
            selection = new Selection();
            w = enqueueSenderLocked(selection, 0, element);
        } finally {
            lock.unlock();
        }
        Claim claim = awaitThenRemove(selection, w, timed, deadline);
        if (claim == null) {
            return false;
        }
        if (claim.closed()) {
            throw closedException(claim.cause());
        }
        return true;
    }

    /**
     * Receives, waiting while there is nothing to receive.
     *
     * @param timed whether {@code nanos} bounds the wait
     * @param nanos how long to wait if {@code timed}; zero or less means "do not wait"
     * @return the element; null only if {@code timed} and the time ran out
     * @throws ChannelClosedException if closed and drained, or failed, before or while waiting
     * @throws InterruptedException if interrupted before an element was received; none was
     */
    public @Nullable Object receive(boolean timed, long nanos) throws InterruptedException {
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        Selection selection;
        ChannelWaiter w;
        lock.lock();
        try {
            Object x = pollLocked();
            if (x == CLOSED) {
                throw closedException(cause);
            }
            if (x != EMPTY) {
                return x;
            }
            if (timed && nanos <= 0) {
                return null;
            }
            selection = new Selection();
            w = enqueueReceiverLocked(selection, 0);
        } finally {
            lock.unlock();
        }
        Claim claim = awaitThenRemove(selection, w, timed, deadline);
        if (claim == null) {
            return null;
        }
        if (claim.closed()) {
            throw closedException(claim.cause());
        }
        return claim.item();
    }

    private @Nullable Claim awaitThenRemove(Selection selection, ChannelWaiter w, boolean timed,
            long deadline) throws InterruptedException {
        Claim claim = null;
        try {
            claim = selection.await(timed, deadline);
            return claim;
        } finally {
            if (claim == null) {
                remove(w);
            }
        }
    }

    /**
     * {@return the exception a closed channel throws: its cause is the failure, if any}
     *
     * @param failure the failure cause, or null after a plain close
     */
    public static ChannelClosedException closedException(@Nullable Throwable failure) {
        return failure == null
                ? new ChannelClosedException("the channel is closed")
                : new ChannelClosedException("the channel failed: " + failure, failure);
    }
}
