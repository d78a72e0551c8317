package dev.weft.parallel.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages that arrived at one end of a {@link dev.weft.parallel.Pipe}, in arrival order,
 * until the other end closes (or its process ends, or dies: then with a cause). Filled by the
 * thread that reads the channel's frames, emptied by the pipe's receivers.
 */
public final class Mailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> messages = new ArrayDeque<>();
    private boolean closed;
    private Throwable cause;

    /** Creates an open, empty mailbox. */
    public Mailbox() {
    }

    /** Adds a message that arrived. @param message not null */
    public void put(Object message) {
        lock.lock();
        try {
            if (!closed) {
                messages.addLast(message);
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** No more messages will come: receivers get what is here, then the end. */
    public void close() {
        end(null);
    }

    /** No more messages will come because of {@code why}: receivers get what is here, then it. @param why the cause */
    public void fail(Throwable why) {
        end(why);
    }

    private void end(Throwable why) {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                cause = why;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next message, waiting at most {@code nanos} (forever if negative).
     *
     * @param nanos how long to wait; negative for as long as it takes
     * @return the message; {@link #END} once closed and empty; null if the time ran out
     * @throws InterruptedException if interrupted while waiting; nothing was taken
     * @throws IllegalStateException once empty, if the mailbox failed (its cause is the failure)
     */
    public Object take(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty()) {
                if (closed) {
                    if (cause != null) {
                        throw new IllegalStateException("the other end is gone: " + cause, cause);
                    }
                    return END;
                }
                if (nanos < 0) {
                    changed.await();
                } else if (nanos == 0) {
                    return null;
                } else {
                    nanos = Math.max(0, changed.awaitNanos(nanos));
                }
            }
            return messages.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** What {@link #take} returns at the end of the messages. */
    public static final Object END = new Object();

    /** {@return how many messages wait and whether it is closed, for diagnostics} */
    @Override
    public String toString() {
        lock.lock();
        try {
            return "Mailbox[" + messages.size() + " waiting" + (closed ? ", closed" : "") + "]";
        } finally {
            lock.unlock();
        }
    }
}
