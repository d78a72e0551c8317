package dev.weft.sync.internal;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Where a {@link dev.weft.sync.JoinableQueue} keeps its items: the {@code _put}/{@code _get}
 * hooks of CPython's {@code queue.Queue}, which its {@code LifoQueue} and {@code PriorityQueue}
 * override. Not thread-safe: the queue calls it under its lock.
 *
 * @param <E> the item type
 */
public sealed interface Storage<E> {
    /** Adds an item. @param e the item, not null */
    void add(E e);

    /** {@return the next item to hand out, or null if empty} */
    E take();

    /** {@return the number of items held} */
    int size();

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

    /** FIFO on an array deque. @param <E> the item type */
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
        public int size() {
            return items.size();
        }
    }

    /** LIFO on an array deque. @param <E> the item type */
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
        public int size() {
            return items.size();
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
        public int size() {
            return items.size();
        }
    }
}
