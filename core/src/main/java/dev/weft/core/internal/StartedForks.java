package dev.weft.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forks a scope has started whose work or thread may not be over yet: what the scope
 * cancels, what a dump lists, and whose threads the scope waits for before it is closed.
 *
 * <p>Not thread-safe: its owner calls every method under its own lock. A fork is added when it
 * starts and is never removed one by one: an ending fork touches nothing here (a shared set that
 * every ending thread updates was the largest cost of a trivial fork). Instead, when the array is
 * full, the forks that are {@linkplain ForkedTask#isOver() over} — ended, and their thread
 * terminated — are dropped, and the array grows if more than a quarter of it is still in use, so
 * that an add costs O(1) amortized (at most 4/3 checks of a fork) and the array stays within a
 * small multiple of the most forks that were running at once.
 *
 * <pre>{@code
 * lock.lock();
 * try { forks.add(task); } finally { lock.unlock(); }
 * }</pre>
 */
public final class StartedForks {
    private static final int FIRST_CAPACITY = 8;

    private ForkedTask<?>[] forks = new ForkedTask<?>[FIRST_CAPACITY];
    private int size;

    /**
     * Adds a fork that is about to start.
     *
     * @param task the fork
     */
    public void add(ForkedTask<?> task) {
        if (size == forks.length) {
            dropOverForks();
        }
        forks[size++] = task;
    }

    /** Drops the forks that are over; grows the array if more than a quarter of it is still in use. */
    private void dropOverForks() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            ForkedTask<?> task = forks[i];
            if (!task.isOver()) {
                forks[kept++] = task;
            }
        }
        Arrays.fill(forks, kept, size, null);
        size = kept;
        if (kept > forks.length / 4) {
            forks = Arrays.copyOf(forks, forks.length * 2);
        }
    }

    /** {@return how many forks the array holds before it must drop or grow} */
    int capacity() {
        return forks.length;
    }

    /** {@return the added forks that are not over, in start order} */
    public List<ForkedTask<?>> snapshot() {
        List<ForkedTask<?>> notOver = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!forks[i].isOver()) {
                notOver.add(forks[i]);
            }
        }
        return notOver;
    }

    /**
     * {@return the threads of the added forks that may still be alive}, and drops the forks that
     * are over, so that a scope that waited for them does not look at them again.
     */
    public List<Thread> threadsToAwait() {
        List<Thread> threads = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            ForkedTask<?> task = forks[i];
            if (!task.isOver()) {
                forks[kept++] = task;
                Thread thread = task.thread();
                if (thread != null) {
                    threads.add(thread);
                }
            }
        }
        Arrays.fill(forks, kept, size, null);
        size = kept;
        return threads;
    }
}
