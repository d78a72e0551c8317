package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.SemaphoreTests} (cases 46–47) and, through
 * {@link BaseSemaphoreTests}, cases 36–45 for the unbounded {@link Semaphore}.
 */
class SemaphoreTest extends BaseSemaphoreTests {
    @Override
    Semaphore newSemaphore(int value) {
        return new Semaphore(value);
    }

    @Override
    Semaphore newSemaphore() {
        return new Semaphore();
    }

    @Test
    void test_release_unacquired() throws Exception {
        Semaphore sem = new Semaphore(1);
        sem.release();
        assertEquals(2, sem.value(), "an unbounded semaphore may go above its initial value");
        sem.acquire();
        sem.acquire();
        assertEquals(0, sem.value());
    }

    @Test
    void test_repr() throws Exception {
        Semaphore sem = new Semaphore(3);
        assertTrue(sem.toString().endsWith(": value=3>"), sem::toString);
        sem.acquire();
        assertTrue(sem.toString().endsWith(": value=2>"), sem::toString);
        sem.release();
        sem.release();
        assertTrue(sem.toString().endsWith(": value=4>"), sem::toString);
    }

    @Test
    void release_past_int_range_throws_and_keeps_the_value() {
        Semaphore sem = new Semaphore(Integer.MAX_VALUE - 1);
        sem.release();
        assertThrows(IllegalStateException.class, sem::release);
        assertEquals(Integer.MAX_VALUE, sem.value());
        assertTrue(sem.tryAcquire(), "still usable");
    }
}
