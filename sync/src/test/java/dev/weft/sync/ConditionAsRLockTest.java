package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code test_threading.ConditionAsRLockTests} (case 22): a {@code Condition()}
 * made without a lock is an {@link RLock} through its own {@code acquire}/{@code release}, so it
 * passes {@link BaseLockTests} (cases 1–8) and the RLock cases 13–15 and 18 here.
 *
 * <p>Not applicable: cases 16, 17, 19–21 read {@code _is_owned}, {@code _recursion_count},
 * {@code locked()} and the count in the repr through the Condition; a weft {@link Condition}
 * exposes only acquire/release/hold (read those through the {@link RLock} it was made with,
 * which {@link RLockTest} covers).
 */
class ConditionAsRLockTest extends BaseLockTests {
    static LockLike adapt(Condition cond) {
        return new LockLike() {
            @Override
            public void acquire() throws InterruptedException {
                cond.acquire();
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return cond.acquire(timeout);
            }

            @Override
            public boolean tryAcquire() {
                return cond.tryAcquire();
            }

            @Override
            public void release() {
                cond.release();
            }

            @Override
            public Guard hold() throws InterruptedException {
                return cond.hold();
            }

            @Override
            public String toString() {
                return cond.toString();
            }
        };
    }

    @Override
    LockLike newLock() {
        return adapt(new Condition());
    }

    @Test
    void test_reacquire() throws Exception {
        Condition cond = new Condition();
        cond.acquire();
        cond.acquire();
        cond.release();
        cond.acquire();
        cond.release();
        cond.release();
        assertTrue(cond.tryAcquire());
        cond.release();
    }

    @Test
    void test_release_unacquired() throws Exception {
        Condition cond = new Condition();
        assertThrows(IllegalMonitorStateException.class, cond::release);
        cond.acquire();
        cond.acquire();
        cond.release();
        cond.release();
        assertThrows(IllegalMonitorStateException.class, cond::release);
    }

    @Test
    void test_release_save_unacquired() {
        Condition cond = new Condition();
        assertThrows(IllegalMonitorStateException.class, cond::await, "release-save of an unheld RLock");
        assertThrows(IllegalMonitorStateException.class, () -> cond.await(Duration.ofSeconds(1)));
    }

    @Test
    void test_different_thread() throws Exception {
        Condition cond = new Condition();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (Bunch b = Bunch.start(1, () -> {
            cond.acquire();
            taken.countDown();
            done.await();
            cond.release();
        })) {
            assertTrue(taken.await(LONG.toSeconds(), TimeUnit.SECONDS), "the other thread never took the lock");
            assertThrows(IllegalMonitorStateException.class, cond::release);
            done.countDown();
        }
    }
}
