package dev.weft.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A timer for deadlines that usually do not pass: a cancel scope's, a task scope's. Scheduling
 * one and cancelling it, the common case, costs a short locked step and one atomic write, and
 * wakes no thread. (The JDK's {@code CompletableFuture.completeOnTimeout} woke its scheduler
 * thread twice per deadline and built a stack trace for each cancellation.)
 *
 * <p>The deadlines wait in a binary heap. A cancelled one is only marked: it is dropped when it
 * reaches the head, or when the marked ones are more than half of the heap (then the heap is
 * rebuilt), so the heap holds at most about twice the live deadlines, and a marked one holds no
 * reference to its action. One wake-up is scheduled with the JDK's delayed executor for the
 * earliest deadline; a later deadline schedules nothing. The due actions run one after the other
 * on the JDK's delay thread, as a {@code completeOnTimeout} dependent did: they must be short.
 *
 * <pre>{@code
 * DeadlineTimer.Deadline timer = DeadlineTimer.SHARED.schedule(TimeUnit.SECONDS.toNanos(5), this::expire);
 * try { work(); } finally { timer.cancel(); }
 * }</pre>
 */
public final class DeadlineTimer {
    /** The timer weft's scopes share. */
    public static final DeadlineTimer SHARED = new DeadlineTimer(System::nanoTime, DeadlineTimer::wakeLater);

    /** A delay past any real one (73 years): keeps {@code now + delay} from overflowing. */
    private static final long FARTHEST = Long.MAX_VALUE >> 2;
    /** Below this many marked deadlines the heap is never rebuilt: a few cost nothing to keep. */
    private static final int PURGE_FLOOR = 64;

    private static final LazyLogger log = LazyLogger.of(DeadlineTimer.class);

    /** How a timer asks to be woken: run {@code wake} once, {@code delayNanos} from now. */
    @FunctionalInterface
    public interface Waker {
        /**
         * Runs {@code wake} once, after {@code delayNanos}.
         *
         * @param delayNanos how long from now, 0 or more
         * @param wake what to run then
         */
        void wakeAfter(long delayNanos, Runnable wake);
    }

    private final LongSupplier clock;
    private final Waker waker;
    private final ReentrantLock lock = new ReentrantLock();
    /** Marked deadlines still in the heap; may lag a cancellation by a moment. */
    private final AtomicInteger marked = new AtomicInteger();

    // guarded by lock
    private Deadline[] heap = new Deadline[16];
    private int size;
    /** The wake-up scheduled for the earliest deadline, or null if none is pending. */
    private @Nullable Wake pending;

    /**
     * Makes a timer on a clock of its own: tests drive both.
     *
     * @param clock the time, in nanoseconds, as {@link System#nanoTime()} gives it
     * @param waker how the timer is woken when its earliest deadline is due
     */
    public DeadlineTimer(LongSupplier clock, Waker waker) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waker = Objects.requireNonNull(waker, "waker");
    }

    /** The shared timer's waker: the JDK's delay thread runs {@code wake} itself. */
    static void wakeLater(long delayNanos, Runnable wake) {
        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, Runnable::run).execute(wake);
    }

    /**
     * Runs {@code action} {@code delayNanos} from now, unless it is {@linkplain Deadline#cancel()
     * cancelled} first.
     *
     * @param delayNanos how long from now; 0 or less runs it as soon as the timer wakes
     * @param action what to run; it must be short
     * @return the scheduled deadline
     * @throws NullPointerException if {@code action} is null
     */
    public Deadline schedule(long delayNanos, Runnable action) {
        Objects.requireNonNull(action, "action");
        Deadline deadline = new Deadline(this, clock.getAsLong() + Math.min(Math.max(delayNanos, 0), FARTHEST), action);
        Wake wake = null;
        lock.lock();
        try {
            if (marked.get() > Math.max(PURGE_FLOOR, size / 2)) {
                purgeLocked();
            }
            addLocked(deadline);
            if (pending == null || deadline.at - pending.at < 0) {
                wake = new Wake(deadline.at);
                pending = wake;
            }
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            wakeAt(wake);
        }
        return deadline;
    }

    /** {@return how many deadlines the heap holds, marked ones included}: for tests */
    int heapSize() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    private void wakeAt(Wake wake) {
        waker.wakeAfter(Math.max(0, wake.at - clock.getAsLong()), () -> woken(wake));
    }

    /** A wake-up came: runs what is due, then schedules the next wake-up if none is pending. */
    private void woken(Wake wake) {
        List<Runnable> due = new ArrayList<>();
        Wake next = null;
        lock.lock();
        try {
            if (pending == wake) {
                pending = null;
            }
            long now = clock.getAsLong();
            while (size > 0 && (heap[0].action == null || heap[0].at - now <= 0)) {
                Deadline head = removeHeadLocked();
                Runnable action = head.take();
                if (action != null) {
                    due.add(action);
                } else {
                    marked.decrementAndGet();
                }
            }
            if (size > 0 && (pending == null || heap[0].at - pending.at < 0)) {
                next = new Wake(heap[0].at);
                pending = next;
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            wakeAt(next);
        }
        for (Runnable action : due) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                log.error("A deadline's action failed", e);
            }
        }
    }

    private void addLocked(Deadline deadline) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent].at - deadline.at <= 0) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = deadline;
    }

    private Deadline removeHeadLocked() {
        Deadline head = heap[0];
        Deadline last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDownLocked(0, last);
        }
        return head;
    }

    private void siftDownLocked(int from, Deadline deadline) {
        int i = from;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].at - heap[child].at < 0) {
                child = right;
            }
            if (deadline.at - heap[child].at <= 0) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = deadline;
    }

    /** Drops the marked deadlines and rebuilds the heap from the others. */
    private void purgeLocked() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (heap[i].action != null) {
                heap[kept++] = heap[i];
            }
        }
        marked.addAndGet(-(size - kept));
        Arrays.fill(heap, kept, size, null);
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDownLocked(i, heap[i]);
        }
        if (heap.length > 16 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, Math.max(16, heap.length / 2));
        }
    }

    /** A scheduled wake-up, for the deadline at {@link #at}; each is its own, compared by identity. */
    private static final class Wake {
        private final long at;

        private Wake(long at) {
            this.at = at;
        }
    }

    /** A scheduled deadline: cancel it when the work it guards has ended. */
    public static final class Deadline {
        private static final VarHandle ACTION;

        static {
            try {
                ACTION = MethodHandles.lookup().findVarHandle(Deadline.class, "action", Runnable.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final DeadlineTimer timer;
        private final long at;
        /** What to run; null once it has run, is running, or was cancelled. */
        private volatile @Nullable Runnable action;

        private Deadline(DeadlineTimer timer, long at, Runnable action) {
            this.timer = timer;
            this.at = at;
            this.action = action;
        }

        /**
         * Cancels the deadline: its action will not run, unless it has started already.
         *
         * @return true if this call cancelled it; false if it had run, was running or was cancelled
         */
        public boolean cancel() {
            if (ACTION.getAndSet(this, null) == null) {
                return false;
            }
            timer.marked.incrementAndGet();
            return true;
        }

        /** {@return the action, which this call takes: null if it ran or was cancelled} */
        private @Nullable Runnable take() {
            return (Runnable) ACTION.getAndSet(this, null);
        }
    }
}
