package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link BaseQueueTests} (CPython's {@code PriorityQueueTest}) against
 * {@link JoinableQueue#priority(int)}, plus the comparator factories and case 80's point (a
 * failing storage operation leaves the queue consistent).
 */
class PriorityQueueTest extends BaseQueueTests {
    @Override
    <T extends Comparable<? super T>> JoinableQueue<T> newQueue(int maxSize) {
        return JoinableQueue.priority(maxSize);
    }

    @Override
    List<Integer> expectedOrder() {
        return List.of(111, 222, 333);
    }

    @Test
    void comparator_orders_items() throws Exception {
        JoinableQueue<String> q = JoinableQueue.priority(Comparator.comparing(String::length));
        q.put("ccc");
        q.put("a");
        q.put("bb");
        assertEquals(List.of("a", "bb", "ccc"), List.of(q.get(), q.get(), q.get()));
        JoinableQueue<Integer> bounded = JoinableQueue.priority(2, Comparator.reverseOrder());
        bounded.put(1);
        bounded.put(5);
        assertEquals(false, bounded.tryPut(3));
        assertEquals(5, bounded.get());
        assertEquals("order", assertThrows(NullPointerException.class, () -> JoinableQueue.priority((Comparator<Integer>) null)).getMessage());
        assertEquals("order", assertThrows(NullPointerException.class, () -> JoinableQueue.priority(3, null)).getMessage());
        JoinableQueue<Integer> natural = JoinableQueue.priority();
        natural.put(3);
        natural.put(1);
        assertEquals(Optional.of(1), natural.tryGet());
    }

    @Test
    void test_failing_queue() throws Exception {
        boolean[] fail = {false};
        JoinableQueue<Integer> q = JoinableQueue.priority(5, (a, b) -> {
            if (fail[0]) {
                throw new IllegalStateException("failing comparator");
            }
            return Integer.compare(a, b);
        });
        q.put(2);
        fail[0] = true;
        assertThrows(IllegalStateException.class, () -> q.put(1));
        assertThrows(IllegalStateException.class, () -> q.tryPut(1));
        assertEquals(1, q.size(), "the failed puts changed nothing");
        assertEquals(1, q.unfinishedTasks());
        fail[0] = false;
        q.put(1);
        assertEquals(List.of(1, 2), List.of(q.get(), q.get()));
    }
}
