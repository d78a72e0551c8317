package dev.weft.sync;

import java.util.List;

/** Runs {@link BaseQueueTests} (CPython's {@code QueueTest}) against {@link JoinableQueue#fifo(int)}. */
class FifoQueueTest extends BaseQueueTests {
    @Override
    <T extends Comparable<? super T>> JoinableQueue<T> newQueue(int maxSize) {
        return JoinableQueue.fifo(maxSize);
    }

    @Override
    List<Integer> expectedOrder() {
        return List.of(111, 333, 222);
    }
}
