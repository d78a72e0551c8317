package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.Storage;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread-safe queue that counts unfinished work: Python's {@code queue.Queue},
 * {@code queue.LifoQueue} and {@code queue.PriorityQueue}, with {@code task_done()}/{@code join()}
 * and 3.13's {@code shutdown()}.
 *
 * <pre>{@code
 * JoinableQueue<String> urls = JoinableQueue.fifo(100);   // queue.Queue(maxsize=100)
 * for (int i = 0; i < 4; i++) {
 *     scope.fork(() -> {
 *         while (true) {
 *             String url = urls.get();                      // QueueShutDownException ends the loop
 *             try { fetch(url); } finally { urls.taskDone(); }
 *         }
 *     });
 * }
 * seeds.forEach(urls::put);
 * urls.join();                                            // every url was fetched
 * urls.shutdown();                                        // the workers leave
 * }</pre>
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.BlockingQueue}: one class gives FIFO, LIFO
 * and (bounded) priority order; {@link #taskDone()} and {@link #join()} tell when every item put
 * has been <em>processed</em>, not just taken; {@link #shutdown()} replaces poison pills. Timed
 * and non-blocking calls return {@code false} or an empty {@link Optional} where Python raises
 * {@code queue.Full} or {@code queue.Empty}; a zero or negative timeout means "do not wait" (Python
 * raises {@code ValueError} for a negative one). Items may not be null.
 *
 * <p><b>Counting.</b> Each successful put adds one unfinished task; {@link #taskDone()} removes
 * one; {@link #join()} returns when none is left. {@code shutdown(true)} discards the queued items
 * and counts each as done, so {@code join()} waits only for items already taken.
 *
 * <p>Blocking calls are interruptible: an interrupted put has not added its item and an
 * interrupted get has not removed one, so interruption never loses an item. The capacity is fixed
 * at creation; zero or negative means unbounded, as {@code maxsize <= 0} does in Python.
 *
 * <p>Memory consistency: actions before a put happen-before the get that returns that item.
 *
 * @param <E> the item type
 */
public final class JoinableQueue<E> {
    private final Storage<E> items;
    private final int maxSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition notEmpty = lock.newCondition();
    private final java.util.concurrent.locks.Condition notFull = lock.newCondition();
    private final java.util.concurrent.locks.Condition allTasksDone = lock.newCondition();
    // Guarded by lock.
    private long unfinished;
    private volatile boolean shutDown;

    private JoinableQueue(Storage<E> items, int maxSize) {
        this.items = items;
        this.maxSize = maxSize;
    }

    /**
     * {@return an unbounded first-in, first-out queue: {@code queue.Queue()}}
     *
     * @param <E> the item type
     */
    public static <E> JoinableQueue<E> fifo() {
        return fifo(0);
    }

    /**
     * {@return a first-in, first-out queue: {@code queue.Queue(maxsize)}}
     *
     * @param maxSize the capacity; zero or negative means unbounded
     * @param <E> the item type
     */
    public static <E> JoinableQueue<E> fifo(int maxSize) {
        return new JoinableQueue<>(Storage.fifo(), maxSize);
    }

    /**
     * {@return an unbounded last-in, first-out queue (a stack): {@code queue.LifoQueue()}}
     *
     * @param <E> the item type
     */
    public static <E> JoinableQueue<E> lifo() {
        return lifo(0);
    }

    /**
     * {@return a last-in, first-out queue: {@code queue.LifoQueue(maxsize)}}
     *
     * @param maxSize the capacity; zero or negative means unbounded
     * @param <E> the item type
     */
    public static <E> JoinableQueue<E> lifo(int maxSize) {
        return new JoinableQueue<>(Storage.lifo(), maxSize);
    }

    /**
     * {@return an unbounded queue that hands out its smallest item first, in natural order:
     * {@code queue.PriorityQueue()}}
     *
     * @param <E> the item type, comparable
     */
    public static <E extends Comparable<? super E>> JoinableQueue<E> priority() {
        return priority(0);
    }

    /**
     * {@return a smallest-first queue in natural order: {@code queue.PriorityQueue(maxsize)}}
     *
     * @param maxSize the capacity; zero or negative means unbounded
     * @param <E> the item type, comparable
     */
    public static <E extends Comparable<? super E>> JoinableQueue<E> priority(int maxSize) {
        return new JoinableQueue<>(Storage.priority(null), maxSize);
    }

    /**
     * {@return an unbounded queue that hands out the smallest item by {@code order} first}
     *
     * @param order how items compare
     * @param <E> the item type
     * @throws NullPointerException if {@code order} is null
     */
    public static <E> JoinableQueue<E> priority(Comparator<? super E> order) {
        return priority(0, order);
    }

    /**
     * {@return a bounded queue that hands out the smallest item by {@code order} first}
     *
     * @param maxSize the capacity; zero or negative means unbounded
     * @param order how items compare
     * @param <E> the item type
     * @throws NullPointerException if {@code order} is null
     */
    public static <E> JoinableQueue<E> priority(int maxSize, Comparator<? super E> order) {
        Objects.requireNonNull(order, "order");
        return new JoinableQueue<>(Storage.priority(order), maxSize);
    }

    /**
     * Adds {@code item}, waiting while the queue is full.
     *
     * @param item the item
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down, also while waiting
     * @throws InterruptedException if interrupted while waiting; the item was not added
     */
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (true) {
                checkOpenForPut();
                if (!isFullLocked()) {
                    break;
                }
                notFull.await();
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code item}, waiting at most {@code timeout} for room.
     *
     * @param item the item
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return {@code true} if added, {@code false} if the queue stayed full ({@code queue.Full})
     * @throws NullPointerException if an argument is null
     * @throws QueueShutDownException if the queue is shut down, also while waiting
     * @throws InterruptedException if interrupted while waiting; the item was not added
     */
    public boolean put(E item, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        long nanos = Durations.toTimeoutNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (true) {
                checkOpenForPut();
                if (!isFullLocked()) {
                    break;
                }
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code item} if there is room now: {@code put_nowait}.
     *
     * @param item the item
     * @return {@code true} if added, {@code false} if the queue is full
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down
     */
    public boolean tryPut(E item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            checkOpenForPut();
            if (isFullLocked()) {
                return false;
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the next item, waiting while the queue is empty.
     *
     * @return the item
     * @throws QueueShutDownException if the queue is shut down and empty, also while waiting
     * @throws InterruptedException if interrupted while waiting; no item was removed
     */
    public E get() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.size() == 0) {
                checkOpenForGet();
                notEmpty.await();
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the next item, waiting at most {@code timeout} for one.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return the item, or empty if none came in time ({@code queue.Empty})
     * @throws NullPointerException if {@code timeout} is null
     * @throws QueueShutDownException if the queue is shut down and empty, also while waiting
     * @throws InterruptedException if interrupted while waiting; no item was removed
     */
    public Optional<E> get(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.size() == 0) {
                checkOpenForGet();
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return Optional.of(dequeue());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the next item if there is one: {@code get_nowait}.
     *
     * @return the item, or empty if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public Optional<E> tryGet() {
        lock.lock();
        try {
            if (items.size() == 0) {
                checkOpenForGet();
                return Optional.empty();
            }
            return Optional.of(dequeue());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks one item taken earlier as processed; when every item put has been marked,
     * {@link #join()} returns.
     *
     * @throws IllegalStateException if called more times than items were put (CPython's
     *     {@code ValueError: task_done() called too many times}); the count is unchanged
     */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished <= 0) {
                throw new IllegalStateException("taskDone() called too many times");
            }
            if (--unfinished == 0) {
                allTasksDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every item put has been marked done with {@link #taskDone()} (or discarded by
     * {@code shutdown(true)}). Never throws {@link QueueShutDownException}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                allTasksDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} until every item put has been marked done.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return {@code true} if no unfinished task is left, {@code false} if the time ran out
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = allTasksDone.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shuts the queue down gracefully: {@code shutdown(false)}. Later puts throw
     * {@link QueueShutDownException}; gets go on until the queue is empty, then throw it. Blocked
     * putters, and getters of an empty queue, wake up and throw.
     */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down. Calling it again is allowed; a later call may escalate to immediate.
     *
     * @param immediate {@code true} to also discard the queued items (each counted as done, which
     *     releases {@link #join()} unless items already taken still await {@code taskDone()})
     */
    public void shutdown(boolean immediate) {
        lock.lock();
        try {
            shutDown = true;
            if (immediate) {
                while (items.take() != null) {
                    if (unfinished > 0) {
                        unfinished--;
                    }
                }
                allTasksDone.signalAll();
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether {@link #shutdown()} was called} */
    public boolean isShutdown() {
        return shutDown;
    }

    /** {@return the number of items queued now ({@code qsize()})} */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether no item is queued now} */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** {@return whether the queue is bounded and holds {@code maxSize()} items now} */
    public boolean isFull() {
        lock.lock();
        try {
            return isFullLocked();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the capacity given at creation; zero or negative means unbounded} */
    public int maxSize() {
        return maxSize;
    }

    /** {@return the number of items put and not yet marked done ({@code unfinished_tasks})} */
    public long unfinishedTasks() {
        lock.lock();
        try {
            return unfinished;
        } finally {
            lock.unlock();
        }
    }

    /** {@return a description: size, capacity, unfinished tasks and whether shut down} */
    @Override
    public String toString() {
        lock.lock();
        try {
            return "<" + Identity.of(this) + ": size=" + items.size()
                    + (maxSize > 0 ? "/" + maxSize : "") + " unfinished=" + unfinished
                    + (shutDown ? " shutdown" : "") + ">";
        } finally {
            lock.unlock();
        }
    }

    private boolean isFullLocked() {
        return maxSize > 0 && items.size() >= maxSize;
    }

    private void checkOpenForPut() {
        if (shutDown) {
            throw new QueueShutDownException("queue is shut down: put refused");
        }
    }

    private void checkOpenForGet() {
        if (shutDown) {
            throw new QueueShutDownException("queue is shut down and empty");
        }
    }

    private void enqueue(E item) {
        items.add(item);
        unfinished++;
        notEmpty.signal();
    }

    private E dequeue() {
        E item = items.take();
        notFull.signal();
        return item;
    }
}
