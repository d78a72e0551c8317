package dev.weft.sync.internal;

import java.util.ArrayDeque;
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
public sealed interface Storage<E> {
    /** Adds an item. @param e the item, not null */
    void add(E e);

    /** {@return the next item to hand out, removed, or null if empty} */
    E take();

    /** {@return the next item to hand out, left in place, or null if empty} */
    E peek();

    /** {@return the number of items held} */
    int size();

    /** {@return whether an item equals {@code o}} @param o the item looked for, not null */
    boolean contains(Object o);

    /** {@return whether an item equal to {@code o} was found and removed} @param o not null */
    boolean removeEqual(Object o);

    /** {@return whether the very instance {@code e} was found and removed} @param e not null */
    boolean removeSame(Object e);

    /**
     * Removes every item {@code filter} accepts.
     *
     * @param filter the test, called once per item before anything is removed
     * @return how many were removed
     */
    int removeIf(Predicate<? super E> filter);

    /** {@return how many items were removed: all of them} */
    int clear();

    /** {@return the items in the order {@link #take()} would hand them out (heap order for a heap)} */
    Object[] toArray();

    /** {@return first in, first out storage} @param <E> the item type */
    static <E> Storage<E> fifo() {
        return new Fifo<>();
    }

    /** {@return last in, first out storage} @param <E> the item type */
    static <E> Storage<E> lifo() {
        return new Lifo<>();
    }

    /**
     * {@return smallest-first storage, a binary heap}
     *
     * @param order the order; null for the items' natural order
     * @param <E> the item type
     */
    static <E> Storage<E> priority(Comparator<? super E> order) {
        return new Heap<>(order);
    }

    /** FIFO on an array deque: the head is the first element. @param <E> the item type */
    final class Fifo<E> implements Storage<E> {
        private final ArrayDeque<E> items = new ArrayDeque<>();

        @Override
        public void add(E e) {
            items.addLast(e);
        }

        @Override
        public E take() {
            return items.pollFirst();
        }

        @Override
        public E peek() {
            return items.peekFirst();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public boolean contains(Object o) {
            return items.contains(o);
        }

        @Override
        public boolean removeEqual(Object o) {
            return items.removeFirstOccurrence(o);
        }

        @Override
        public boolean removeSame(Object e) {
            return removeSameFrom(items.iterator(), e);
        }

        @Override
        public int removeIf(Predicate<? super E> filter) {
            return removeIfFrom(items, filter);
        }

        @Override
        public int clear() {
            int n = items.size();
            items.clear();
            return n;
        }

        @Override
        public Object[] toArray() {
            return items.toArray();
        }
    }

    /** LIFO on an array deque: the head is the last element. @param <E> the item type */
    final class Lifo<E> implements Storage<E> {
        private final ArrayDeque<E> items = new ArrayDeque<>();

        @Override
        public void add(E e) {
            items.addLast(e);
        }

        @Override
        public E take() {
            return items.pollLast();
        }

        @Override
        public E peek() {
            return items.peekLast();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public boolean contains(Object o) {
            return items.contains(o);
        }

        @Override
        public boolean removeEqual(Object o) {
            return items.removeLastOccurrence(o);
        }

        @Override
        public boolean removeSame(Object e) {
            return removeSameFrom(items.descendingIterator(), e);
        }

        @Override
        public int removeIf(Predicate<? super E> filter) {
            return removeIfFrom(items, filter);
        }

        @Override
        public int clear() {
            int n = items.size();
            items.clear();
            return n;
        }

        @Override
        public Object[] toArray() {
            Object[] a = new Object[items.size()];
            int i = 0;
            for (Iterator<E> it = items.descendingIterator(); it.hasNext(); ) {
                a[i++] = it.next();
            }
            return a;
        }
    }

    /** A binary heap; not stable for equal items, like Python's {@code heapq}. @param <E> the item type */
    final class Heap<E> implements Storage<E> {
        private final PriorityQueue<E> items;

        Heap(Comparator<? super E> order) {
            this.items = new PriorityQueue<>(order);
        }

        @Override
        public void add(E e) {
            items.add(e);
        }

        @Override
        public E take() {
            return items.poll();
        }

        @Override
        public E peek() {
            return items.peek();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public boolean contains(Object o) {
            return items.contains(o);
        }

        @Override
        public boolean removeEqual(Object o) {
            return items.remove(o);
        }

        @Override
        public boolean removeSame(Object e) {
            return removeSameFrom(items.iterator(), e);
        }

        @Override
        public int removeIf(Predicate<? super E> filter) {
            return removeIfFrom(items, filter);
        }

        @Override
        public int clear() {
            int n = items.size();
            items.clear();
            return n;
        }

        @Override
        public Object[] toArray() {
            return items.toArray();
        }
    }

    private static boolean removeSameFrom(Iterator<?> it, Object e) {
        while (it.hasNext()) {
            if (it.next() == e) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static <E> int removeIfFrom(java.util.Collection<E> items, Predicate<? super E> filter) {
        int before = items.size();
        items.removeIf(filter);
        return before - items.size();
    }
}
