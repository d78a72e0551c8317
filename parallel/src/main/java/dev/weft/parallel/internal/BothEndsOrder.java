package dev.weft.parallel.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which an eager {@code map} hands out its chunks: alternately from the front and
 * from the back of the input ({@code 0, n-1, 1, n-2, ...}), as ForkJoin's owner and thief take
 * from the two ends of one deque. The pool does not know what an input costs, but inputs are often
 * sorted by size; starting from both ends makes sure the last (often largest) one starts at once
 * instead of being the straggler that keeps every other worker waiting at the end. Results keep
 * input order whatever the order of execution.
 *
 * <pre>{@code
 * BothEndsOrder.of(List.of("a", "b", "c", "d", "e"));   // [a, e, b, d, c]
 * }</pre>
 */
final class BothEndsOrder {
    private BothEndsOrder() {
    }

    /**
     * {@return {@code items} reordered front, back, front, back... toward the middle}
     *
     * @param items the items in input order
     * @param <T> their type
     */
    static <T> List<T> of(List<T> items) {
        List<T> order = new ArrayList<>(items.size());
        int front = 0;
        int back = items.size() - 1;
        while (front <= back) {
            order.add(items.get(front++));
            if (front <= back) {
                order.add(items.get(back--));
            }
        }
        return order;
    }
}
