package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.BoundedSemaphoreTests} (cases 48–50) and, through
 * {@link BaseSemaphoreTests}, cases 36–45 for {@link BoundedSemaphore}. CPython's
 * {@code ValueError} for an over-release is {@link IllegalStateException}.
 */
class BoundedSemaphoreTest extends BaseSemaphoreTests {
    @Override
    Semaphore newSemaphore(int value) {
        return new BoundedSemaphore(value);
    }

    @Override
    Semaphore newSemaphore() {
        return new BoundedSemaphore();
    }

    @Test
    void test_release_unacquired() throws Exception {
        BoundedSemaphore sem = new BoundedSemaphore();
        assertThrows(IllegalStateException.class, sem::release);
        sem.acquire();
        sem.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertTrue(e.getMessage().contains("released too many times"), e::getMessage);
        assertEquals(1, sem.value());
    }

    @Test
    void over_release_with_n_keeps_the_value_and_wakes_nobody() throws Exception {
        BoundedSemaphore sem = new BoundedSemaphore(3);
        sem.acquire();
        assertThrows(IllegalStateException.class, () -> sem.release(2));
        assertEquals(2, sem.value(), "unchanged");

        BoundedSemaphore empty = new BoundedSemaphore(1);
        empty.acquire();
        AtomicInteger passed = new AtomicInteger();
        try (Bunch b = Bunch.start(1, () -> {
            empty.acquire();
            passed.incrementAndGet();
        })) {
            b.awaitBlocked();
            assertThrows(IllegalStateException.class, () -> empty.release(2));
            assertEquals(0, empty.value());
            b.awaitBlocked();
            assertEquals(0, passed.get(), "the failed release woke nobody");
            empty.release();
        }
        assertEquals(1, passed.get());
        assertFalse(empty.tryAcquire());
    }

    @Test
    void test_repr() throws Exception {
        BoundedSemaphore sem = new BoundedSemaphore(3);
        assertTrue(sem.toString().endsWith(": value=3/3>"), sem::toString);
        sem.acquire();
        assertTrue(sem.toString().endsWith(": value=2/3>"), sem::toString);
        assertEquals(3, sem.initialValue());
    }
}
