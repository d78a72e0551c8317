package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link BothEndsOrder}: front, back, front, back, toward the middle; nothing lost or repeated. */
class BothEndsOrderTest {

    @Test
    void alternatesFromTheFrontAndTheBack() {
        assertEquals(List.of(0, 5, 1, 4, 2, 3), BothEndsOrder.of(List.of(0, 1, 2, 3, 4, 5)));
        assertEquals(List.of("a", "e", "b", "d", "c"), BothEndsOrder.of(List.of("a", "b", "c", "d", "e")));
    }

    @Test
    void smallListsKeepTheirOrder() {
        assertEquals(List.of(), BothEndsOrder.of(List.of()));
        assertEquals(List.of(7), BothEndsOrder.of(List.of(7)));
        assertEquals(List.of(7, 8), BothEndsOrder.of(List.of(7, 8)));
    }

    @Test
    void everyItemAppearsExactlyOnce() {
        for (int n = 0; n < 40; n++) {
            List<Integer> items = IntStream.range(0, n).boxed().toList();
            List<Integer> order = new ArrayList<>(BothEndsOrder.of(items));
            assertEquals(n, order.size());
            order.sort(null);
            assertEquals(items, order);
        }
    }

    @Test
    void theNotebooksInputsStartWithTheirLargestOne() {
        // calcul_while's nombres: the 10 million input starts second, with the first free worker
        assertEquals(List.of(5_000_000, 10_000_000, 3_000_000, 6_000_000),
                BothEndsOrder.of(List.of(5_000_000, 3_000_000, 6_000_000, 10_000_000)));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> BothEndsOrder.of(null));
    }
}
