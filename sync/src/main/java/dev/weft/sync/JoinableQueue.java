package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.core.internal.jfr.LockWaits;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.Storage;
import java.time.Duration;
import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe queue that counts unfinished work: Python's {@code queue.Queue},
 * {@code queue.LifoQueue} and {@code queue.PriorityQueue}, with {@code task_done()}/{@code join()}
 * and 3.13's {@code shutdown()}, that is also a {@link BlockingQueue}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=joinable-queue}
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.LinkedBlockingQueue} and the other
 * {@link BlockingQueue}s: one class gives FIFO, LIFO and (bounded) priority order;
 * {@link #taskDone()} and {@link #join()} tell when every item put has been <em>processed</em>,
 * not just taken; {@link #shutdown()} replaces poison pills. Timed and non-blocking calls return
 * {@code false} or an empty {@link Optional} where Python raises {@code queue.Full} or
 * {@code queue.Empty}; a zero or negative timeout means "do not wait" (Python raises
 * {@code ValueError} for a negative one). Items may not be null.
 *
 * <p><b>As a {@code BlockingQueue}.</b> Every method of {@link BlockingQueue}, {@link java.util.Queue}
 * and {@link Collection} keeps its JDK contract, so the queue can be handed to code written for
 * them, such as the work queue of a {@link java.util.concurrent.ThreadPoolExecutor}. The head is
 * the item {@link #get()} would return next: the oldest (fifo), the newest (lifo) or the smallest
 * (priority). {@link #iterator()}, {@link #toArray()} and {@link #toString()} list the items in
 * that order for fifo and lifo; for priority the order is unspecified, as in
 * {@link java.util.concurrent.PriorityBlockingQueue}. The iterator is weakly consistent: it walks
 * a snapshot taken when it was created, never throws
 * {@link java.util.ConcurrentModificationException}, and its {@code remove()} removes that very
 * item from the queue if it is still there. Bulk operations ({@link #addAll}, {@link #removeIf},
 * {@link #removeAll}, {@link #retainAll}, {@link #clear}, {@link #drainTo}) run under the queue's
 * lock, atomically: their predicate, or the target collection of {@code drainTo}, must not wait
 * for another thread that uses this queue.
 *
 * <p><b>Counting.</b> {@link #join()} returns when no unfinished task is left. How each method
 * counts:
 *
 * <table class="striped">
 *   <caption>Unfinished tasks and shutdown, method by method</caption>
 *   <thead><tr><th>methods</th><th>unfinished tasks</th><th>after {@code shutdown()}</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code put(e)}, {@code add}, {@code addAll}</td><td>+1 per item added</td>
 *         <td>throw {@link QueueShutDownException}</td></tr>
 *     <tr><td>{@code put(e, Duration)}, {@code tryPut}</td><td>+1 if added</td>
 *         <td>throw {@code QueueShutDownException} (Python's {@code put})</td></tr>
 *     <tr><td>{@code offer(e)}, {@code offer(e, timeout, unit)}</td><td>+1 if added</td>
 *         <td>return {@code false}, at once</td></tr>
 *     <tr><td>gets: {@code get}, {@code take}, {@code tryGet}, {@code poll}, {@code remove()},
 *         {@code drainTo}</td><td>unchanged: the consumer calls {@link #taskDone()} for each
 *         item it got</td><td>go on while items are left; then {@code get}, {@code take},
 *         {@code tryGet} throw {@code QueueShutDownException}, {@code poll} returns {@code null}
 *         at once, {@code remove()} throws {@link NoSuchElementException}, {@code drainTo}
 *         returns 0</td></tr>
 *     <tr><td>discards: {@code remove(Object)}, {@code clear}, {@code removeIf},
 *         {@code removeAll}, {@code retainAll}, the iterator's {@code remove}</td>
 *         <td>-1 per item removed, as if it had been got and marked done at once, so that
 *         {@code join()} does not wait for an item nobody will process</td><td>unchanged</td></tr>
 *     <tr><td>{@code shutdown(true)}</td><td>-1 per queued item it discards</td><td></td></tr>
 *     <tr><td>{@code peek}, {@code element}, {@code contains}, {@code iterator},
 *         {@code toArray}, {@code size}</td><td>unchanged</td><td>unchanged</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>The count never goes below zero: a discard after surplus {@code taskDone()} calls stops at
 * zero. Items already got when the queue is discarded or shut down (even immediately) stay
 * counted until their {@code taskDone()}, so nothing got is lost to {@code join()}. Code that
 * never calls {@code taskDone()}, such as a {@code ThreadPoolExecutor}, simply never
 * {@code join()}s.
 *
 * <p>Blocking calls are interruptible: an interrupted put has not added its item and an
 * interrupted get has not removed one, so interruption never loses an item. The capacity is fixed
 * at creation; zero or negative means unbounded, as {@code maxsize <= 0} does in Python, and
 * {@link #remainingCapacity()} is then {@link Integer#MAX_VALUE}. Every method given a null item,
 * collection, predicate, array, timeout or unit throws {@link NullPointerException};
 * {@link #contains(Object)} and {@link #remove(Object)} answer {@code false} for null, as the
 * JDK's blocking queues do.
 *
 * <p>Memory consistency: actions before a put happen-before the get that returns that item, as
 * for every {@code BlockingQueue}.
 *
 * @param <E> the item type
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class JoinableQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {
    private final Storage<E> items;
    private final int maxSize;
    private final boolean ordered;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition notEmpty = lock.newCondition();
    private final java.util.concurrent.locks.Condition notFull = lock.newCondition();
    private final java.util.concurrent.locks.Condition allTasksDone = lock.newCondition();
    // Guarded by lock.
    private long unfinished;
    private volatile boolean shutDown;

    private JoinableQueue(Storage<E> items, int maxSize, boolean ordered) {
        this.items = items;
        this.maxSize = maxSize;
        this.ordered = ordered;
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
        return new JoinableQueue<>(Storage.fifo(), maxSize, true);
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
        return new JoinableQueue<>(Storage.lifo(), maxSize, true);
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
        return new JoinableQueue<>(Storage.priority(null), maxSize, false);
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
        return new JoinableQueue<>(Storage.priority(order), maxSize, false);
    }

    // ---- Python's queue.Queue ------------------------------------------------------------

    /**
     * Adds {@code item}, waiting while the queue is full: Python's {@code put} and
     * {@link BlockingQueue#put}.
     *
     * @param item the item
     * @throws NullPointerException if {@code item} is null
     * @throws QueueShutDownException if the queue is shut down, also while waiting
     * @throws InterruptedException if interrupted while waiting; the item was not added
     */
    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (true) {
                checkOpenForPut();
                if (!isFullLocked()) {
                    break;
                }
                LockWaits.await(notFull, "JoinableQueue", "put", this);
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
        return insert(item, Durations.toTimeoutNanos(timeout), true);
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
                LockWaits.await(notEmpty, "JoinableQueue", "get", this);
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
        return Optional.ofNullable(extract(Durations.toTimeoutNanos(timeout), true));
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
     * Waits until every item put has been marked done with {@link #taskDone()} or discarded (see
     * the class comment). Never throws {@link QueueShutDownException}.
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
     * {@link QueueShutDownException} and offers return {@code false}; gets go on until the queue
     * is empty, then throw it (polls return {@code null}). Blocked putters, and getters of an
     * empty queue, wake up.
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
                discarded(items.clear());
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
    @Override
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether no item is queued now} */
    @Override
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

    // ---- BlockingQueue and Queue ---------------------------------------------------------

    /**
     * Adds {@code item} if there is room now, without waiting.
     *
     * @param item the item
     * @return {@code true} if added; {@code false} if the queue is full or shut down
     * @throws NullPointerException if {@code item} is null
     */
    @Override
    public boolean offer(E item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (shutDown || isFullLocked()) {
                return false;
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code item}, waiting at most {@code timeout} for room.
     *
     * @param item the item
     * @param timeout how long to wait, in {@code unit}; zero or negative means "do not wait"
     * @param unit the unit of {@code timeout}
     * @return {@code true} if added; {@code false} if the queue stayed full, or is or was shut
     *     down while waiting
     * @throws NullPointerException if {@code item} or {@code unit} is null
     * @throws InterruptedException if interrupted while waiting; the item was not added
     */
    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        return insert(item, unit.toNanos(timeout), false);
    }

    /**
     * Adds {@code item} if there is room now.
     *
     * @param item the item
     * @return {@code true}
     * @throws NullPointerException if {@code item} is null
     * @throws IllegalStateException ("Queue full") if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     */
    @Override
    public boolean add(E item) {
        if (!tryPut(item)) {
            throw new IllegalStateException("Queue full");
        }
        return true;
    }

    /**
     * Adds every item of {@code c}, in its iteration order, as one atomic step: no other thread
     * sees part of them. Null items are refused before anything is added.
     *
     * @param c the items
     * @return whether the queue changed
     * @throws NullPointerException if {@code c} or one of its items is null; nothing was added
     * @throws IllegalArgumentException if {@code c} is this queue
     * @throws IllegalStateException ("Queue full") if not all fit; those before the first that
     *     did not fit were added, as {@link AbstractQueue#addAll} does
     * @throws QueueShutDownException if the queue is shut down; nothing was added
     */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("cannot add a queue to itself");
        }
        List<E> all = new ArrayList<>(c);
        for (E e : all) {
            Objects.requireNonNull(e, "an item of c");
        }
        lock.lock();
        try {
            checkOpenForPut();
            for (E e : all) {
                if (isFullLocked()) {
                    throw new IllegalStateException("Queue full");
                }
                enqueue(e);
            }
            return !all.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the next item, waiting while the queue is empty: {@link #get()}.
     *
     * @return the item
     * @throws QueueShutDownException if the queue is shut down and empty, also while waiting
     * @throws InterruptedException if interrupted while waiting; no item was removed
     */
    @Override
    public E take() throws InterruptedException {
        return get();
    }

    /**
     * Removes and returns the next item if there is one now.
     *
     * @return the item, or {@code null} if the queue is empty (shut down or not)
     */
    @Override
    public @Nullable E poll() {
        lock.lock();
        try {
            return items.size() == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the next item, waiting at most {@code timeout} for one.
     *
     * @param timeout how long to wait, in {@code unit}; zero or negative means "do not wait"
     * @param unit the unit of {@code timeout}
     * @return the item, or {@code null} if none came in time, or if the queue is (or became,
     *     while waiting) shut down and empty
     * @throws NullPointerException if {@code unit} is null
     * @throws InterruptedException if interrupted while waiting; no item was removed
     */
    @Override
    public @Nullable E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return extract(unit.toNanos(timeout), false);
    }

    /** {@return the next item, left in the queue, or {@code null} if it is empty} */
    @Override
    public @Nullable E peek() {
        lock.lock();
        try {
            return items.peek();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return how many more items fit now: {@code maxSize() - size()}, or
     * {@link Integer#MAX_VALUE} if the queue is unbounded}
     */
    @Override
    public int remainingCapacity() {
        if (maxSize <= 0) {
            return Integer.MAX_VALUE;
        }
        lock.lock();
        try {
            return Math.max(0, maxSize - items.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves every queued item to {@code c}, head first. These are gets: each still awaits
     * {@link #taskDone()}.
     *
     * @param c where the items go
     * @return how many were moved
     * @throws NullPointerException if {@code c} is null
     * @throws IllegalArgumentException if {@code c} is this queue
     */
    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    /**
     * Moves at most {@code maxElements} queued items to {@code c}, head first. These are gets:
     * each still awaits {@link #taskDone()}. {@code c.add} is called under the queue's lock; if it
     * throws, the item it refused stays in this queue, and those moved before stay in {@code c}.
     *
     * @param c where the items go
     * @param maxElements the most to move; zero or negative moves none
     * @return how many were moved
     * @throws NullPointerException if {@code c} is null
     * @throws IllegalArgumentException if {@code c} is this queue
     */
    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("cannot drain a queue to itself");
        }
        lock.lock();
        int moved = 0;
        try {
            E head;
            while (moved < maxElements && (head = items.peek()) != null) {
                c.add(head);
                items.removeSame(head);
                moved++;
            }
            return moved;
        } finally {
            if (moved > 0) {
                notFull.signalAll();
            }
            lock.unlock();
        }
    }

    // ---- Collection ----------------------------------------------------------------------

    /**
     * {@return whether an item equal to {@code o} is queued now; {@code false} for null}
     *
     * @param o the item looked for
     */
    @Override
    public boolean contains(@Nullable Object o) {
        if (o == null) {
            return false;
        }
        lock.lock();
        try {
            return items.contains(o);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Discards one queued item equal to {@code o} (for lifo, the one nearest the head), and counts
     * it done.
     *
     * @param o the item to discard
     * @return whether one was found; {@code false} for null
     */
    @Override
    public boolean remove(@Nullable Object o) {
        if (o == null) {
            return false;
        }
        lock.lock();
        try {
            if (!items.removeEqual(o)) {
                return false;
            }
            discarded(1);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Discards every queued item {@code filter} accepts, atomically, and counts them done. If
     * {@code filter} throws, nothing is removed.
     *
     * @param filter which items to discard; it runs under the queue's lock
     * @return whether any was discarded
     * @throws NullPointerException if {@code filter} is null
     */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter, "filter");
        lock.lock();
        try {
            return discarded(items.removeIf(filter)) > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Discards every queued item that {@code c} contains, and counts them done.
     *
     * @param c the items to discard
     * @return whether any was discarded
     * @throws NullPointerException if {@code c} is null
     */
    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c, "c");
        return removeIf(c::contains);
    }

    /**
     * Discards every queued item that {@code c} does not contain, and counts them done.
     *
     * @param c the items to keep
     * @return whether any was discarded
     * @throws NullPointerException if {@code c} is null
     */
    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c, "c");
        return removeIf(e -> !c.contains(e));
    }

    /**
     * Discards every queued item and counts each done: {@code join()} then waits only for items
     * already got. Unlike {@link #shutdown(boolean) shutdown(true)}, the queue stays open.
     */
    @Override
    public void clear() {
        lock.lock();
        try {
            discarded(items.clear());
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return a weakly consistent iterator over a snapshot of the queued items, head first for
     * fifo and lifo, in no particular order for priority; its {@code remove()} discards the item
     * last returned, if still queued, and counts it done}
     */
    @Override
    public Iterator<E> iterator() {
        return new Snapshot(toArray());
    }

    /** {@return a snapshot of the queued items, head first for fifo and lifo} */
    @Override
    public Spliterator<E> spliterator() {
        return Spliterators.spliterator(toArray(), Spliterator.NONNULL | (ordered ? Spliterator.ORDERED : 0));
    }

    /** {@return a new array of the queued items, head first for fifo and lifo} */
    @Override
    public Object[] toArray() {
        lock.lock();
        try {
            return items.toArray();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return the queued items, head first for fifo and lifo, in {@code a} if they fit (followed
     * by a null if there is room), else in a new array of its runtime type}
     *
     * @param a the array to fill
     * @param <T> the array's component type
     * @throws NullPointerException if {@code a} is null
     * @throws ArrayStoreException if an item is not a {@code T}
     */
    @Override
    @SuppressWarnings("unchecked") // Arrays.copyOf to a's own class, as AbstractCollection does
    public <T> T[] toArray(T[] a) {
        Objects.requireNonNull(a, "a");
        Object[] all = toArray();
        if (a.length < all.length) {
            return (T[]) Arrays.copyOf(all, all.length, a.getClass());
        }
        System.arraycopy(all, 0, a, 0, all.length);
        if (a.length > all.length) {
            a[all.length] = null;
        }
        return a;
    }

    /**
     * {@return a description: the class, size, capacity, unfinished tasks, whether shut down, then
     * the queued items as {@link #toArray()} lists them}
     */
    @Override
    public String toString() {
        lock.lock();
        try {
            StringBuilder s = new StringBuilder("<").append(Identity.of(this)).append(": size=")
                    .append(items.size());
            if (maxSize > 0) {
                s.append('/').append(maxSize);
            }
            s.append(" unfinished=").append(unfinished);
            if (shutDown) {
                s.append(" shutdown");
            }
            s.append(" [");
            Object[] all = items.toArray();
            for (int i = 0; i < all.length; i++) {
                s.append(i == 0 ? "" : ", ").append(all[i] == this ? "(this queue)" : all[i]);
            }
            return s.append("]>").toString();
        } finally {
            lock.unlock();
        }
    }

    // ---- internals -----------------------------------------------------------------------

    /** Put with a timeout; after shutdown it throws if {@code refuseLoudly}, else returns false. */
    private boolean insert(E item, long nanos, boolean refuseLoudly) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (shutDown) {
                    if (refuseLoudly) {
                        checkOpenForPut();
                    }
                    return false;
                }
                if (!isFullLocked()) {
                    break;
                }
                if (nanos <= 0) {
                    return false;
                }
                nanos = LockWaits.awaitNanos(notFull, nanos, "JoinableQueue", "put", this);
            }
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Get with a timeout: the item, or null if none came; on a shut-down empty queue it throws if
     * {@code refuseLoudly}, else returns null.
     */
    private @Nullable E extract(long nanos, boolean refuseLoudly) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.size() == 0) {
                if (shutDown) {
                    if (refuseLoudly) {
                        checkOpenForGet();
                    }
                    return null;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = LockWaits.awaitNanos(notEmpty, nanos, "JoinableQueue", "get", this);
            }
            return dequeue();
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

    /** Counts {@code n} items removed without a get as done, and wakes who waits for it. */
    private int discarded(int n) {
        if (n > 0) {
            unfinished = Math.max(0, unfinished - n);
            if (unfinished == 0) {
                allTasksDone.signalAll();
            }
            notFull.signalAll();
        }
        return n;
    }

    /** The weakly consistent iterator: a snapshot; {@code remove} discards that very item. */
    private final class Snapshot implements Iterator<E> {
        private final Object[] all;
        private int next;
        private int last = -1;

        Snapshot(Object[] all) {
            this.all = all;
        }

        @Override
        public boolean hasNext() {
            return next < all.length;
        }

        @Override
        @SuppressWarnings("unchecked") // every element of the snapshot came from the storage
        public E next() {
            if (next >= all.length) {
                throw new NoSuchElementException();
            }
            last = next++;
            return (E) all[last];
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException("next() was not called, or remove() was already called");
            }
            Object item = all[last];
            last = -1;
            lock.lock();
            try {
                if (items.removeSame(item)) {
                    discarded(1);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
