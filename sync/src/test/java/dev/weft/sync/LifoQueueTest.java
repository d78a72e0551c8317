package dev.weft.sync;

import java.util.List;

/** Runs {@link BaseQueueTests} (CPython's {@code LifoQueueTest}) against {@link JoinableQueue#lifo(int)}. */
class LifoQueueTest extends BaseQueueTests {
    @Override
    <T extends Comparable<? super T>> JoinableQueue<T> newQueue(int maxSize) {
        return JoinableQueue.lifo(maxSize);
    }

    @Override
    List<Integer> expectedOrder() {
        return List.of(222, 333, 111);
    }
}
