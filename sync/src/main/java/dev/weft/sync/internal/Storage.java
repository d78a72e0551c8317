package dev.weft.sync.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Where a {@link dev.weft.sync.JoinableQueue} keeps its items: the {@code _put}/{@code _get}
 * hooks of CPython's {@code queue.Queue}, which its {@code LifoQueue} and {@code PriorityQueue}
 * override, plus what a {@link java.util.Collection} needs (search, removal, a snapshot). Not
 * thread-safe: the queue calls it under its lock.
 *
 * @param <E> the item type
 */
public abstract sealed class Storage<E> {
    /** The items; {@link #add} appends to it. */
    final Collection<E> items;

    private Storage(Collection<E> items) {
        this.items = items;
    }

    /** {@return first in, first out storage} @param <E> the item type */
    public static <E> Storage<E> fifo() {
        return new Fifo<>();
    }

    /** {@return last in, first out storage} @param <E> the item type */
    public static <E> Storage<E> lifo() {
        return new Lifo<>();
    }

    /**
     * {@return smallest-first storage, a binary heap}
     *
     * @param order the order; null for the items' natural order
     * @param <E> the item type
     */
    public static <E> Storage<E> priority(Comparator<? super E> order) {
        return new Heap<>(order);
    }

    /** {@return the next item to hand out, removed, or null if empty} */
    public abstract E take();

    /** {@return the next item to hand out, left in place, or null if empty} */
    public abstract E peek();

    /** {@return whether an item equal to {@code o} was found and removed} @param o not null */
    public abstract boolean removeEqual(Object o);

    /** {@return the items in the order {@link #take()} would hand them out (heap order for a heap)} */
    public final Object[] toArray() {
        Object[] a = new Object[items.size()];
        int i = 0;
        for (Iterator<E> it = headFirst(); it.hasNext(); ) {
            a[i++] = it.next();
        }
        return a;
    }

    /** {@return the items, head first (heap order for a heap)} */
    abstract Iterator<E> headFirst();

    /** Adds an item. @param e the item, not null */
    public final void add(E e) {
        items.add(e);
    }

    /** {@return the number of items held} */
    public final int size() {
        return items.size();
    }

    /** {@return whether an item equals {@code o}} @param o the item looked for, not null */
    public final boolean contains(Object o) {
        return items.contains(o);
    }

    /** {@return whether the very instance {@code e} was found and removed} @param e not null */
    public final boolean removeSame(Object e) {
        for (Iterator<E> it = headFirst(); it.hasNext(); ) {
            if (it.next() == e) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /**
     * Removes every item {@code filter} accepts.
     *
     * @param filter the test, called once per item before anything is removed
     * @return how many were removed
     */
    public final int removeIf(Predicate<? super E> filter) {
        int before = items.size();
        items.removeIf(filter);
        return before - items.size();
    }

    /** {@return how many items were removed: all of them} */
    public final int clear() {
        int n = items.size();
        items.clear();
        return n;
    }

    /** FIFO on an array deque: the head is the first element. @param <E> the item type */
    static final class Fifo<E> extends Storage<E> {
        private final ArrayDeque<E> deque;

        private Fifo() {
            this(new ArrayDeque<>());
        }

        private Fifo(ArrayDeque<E> deque) {
            super(deque);
            this.deque = deque;
        }

        @Override
        public E take() {
            return deque.pollFirst();
        }

        @Override
        public E peek() {
            return deque.peekFirst();
        }

        @Override
        public boolean removeEqual(Object o) {
            return deque.removeFirstOccurrence(o);
        }

        @Override
        Iterator<E> headFirst() {
            return deque.iterator();
        }
    }

    /** LIFO on an array deque: the head is the last element. @param <E> the item type */
    static final class Lifo<E> extends Storage<E> {
        private final ArrayDeque<E> deque;

        private Lifo() {
            this(new ArrayDeque<>());
        }

        private Lifo(ArrayDeque<E> deque) {
            super(deque);
            this.deque = deque;
        }

        @Override
        public E take() {
            return deque.pollLast();
        }

        @Override
        public E peek() {
            return deque.peekLast();
        }

        @Override
        public boolean removeEqual(Object o) {
            return deque.removeLastOccurrence(o);
        }

        @Override
        Iterator<E> headFirst() {
            return deque.descendingIterator();
        }
    }

    /** A binary heap; not stable for equal items, like Python's {@code heapq}. @param <E> the item type */
    static final class Heap<E> extends Storage<E> {
        private final PriorityQueue<E> heap;

        private Heap(Comparator<? super E> order) {
            this(new PriorityQueue<>(order));
        }

        private Heap(PriorityQueue<E> heap) {
            super(heap);
            this.heap = heap;
        }

        @Override
        public E take() {
            return heap.poll();
        }

        @Override
        public E peek() {
            return heap.peek();
        }

        @Override
        public boolean removeEqual(Object o) {
            return heap.remove(o);
        }

        @Override
        Iterator<E> headFirst() {
            return heap.iterator();
        }
    }
}
