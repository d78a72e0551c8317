package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An {@link RLock}'s owner is visible to the JVM's lock diagnostics, read here through
 * {@link ThreadMXBean} (what {@code jstack -l} prints): the lock is among its owner's "locked
 * ownable synchronizers", a thread waiting for it names it and its owner, and
 * {@code findDeadlockedThreads()} reports two threads deadlocked over two RLocks, a deadlock that
 * an interrupt then breaks. An owner-less {@link Lock} is, by design, listed for no thread.
 */
class RLockDiagnosticsTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private static ThreadInfo info(Thread t) {
        ThreadInfo[] infos = MX.getThreadInfo(new long[] {t.threadId()}, true, true);
        assertNotNull(infos[0], () -> t.getName() + " has no thread info");
        return infos[0];
    }

    /** {@return the thread's entry in a full dump, as {@code jstack -l} reads it} */
    private static ThreadInfo dumped(Thread t) {
        return Arrays.stream(MX.dumpAllThreads(true, true))
                .filter(i -> i.getThreadId() == t.threadId())
                .findFirst()
                .orElseThrow(() -> new AssertionError(t.getName() + " is not in the thread dump"));
    }

    private static Set<Long> deadlocked() {
        long[] ids = MX.findDeadlockedThreads();
        return ids == null ? Set.of() : Arrays.stream(ids).boxed().collect(Collectors.toSet());
    }

    private static void assertOwnableSynchronizer(LockInfo lock) throws ClassNotFoundException {
        Class<?> type = Class.forName(lock.getClassName());
        assertTrue(AbstractOwnableSynchronizer.class.isAssignableFrom(type), lock::getClassName);
    }

    @Test
    void the_owner_lists_its_rlocks_among_its_locked_synchronizers() throws Exception {
        assertTrue(MX.isSynchronizerUsageSupported(), "this JVM cannot report synchronizers");
        Thread me = Thread.currentThread();
        int before = dumped(me).getLockedSynchronizers().length;
        RLock a = new RLock();
        RLock b = Locks.ordered("diagnostics.b");
        a.acquire();
        a.acquire();
        b.lock();
        try {
            LockInfo[] held = dumped(me).getLockedSynchronizers();
            assertEquals(before + 2, held.length, "one entry per RLock, whatever its hold count: " + Arrays.toString(held));
            for (LockInfo l : held) {
                assertOwnableSynchronizer(l);
            }
            a.release();
            assertEquals(before + 2, info(me).getLockedSynchronizers().length, "still one hold of a");
        } finally {
            a.release();
            b.unlock();
        }
        assertEquals(before, dumped(me).getLockedSynchronizers().length, "nothing listed once released");
    }

    @Test
    void a_thread_waiting_for_an_rlock_names_the_lock_and_its_owner() throws Exception {
        RLock lock = new RLock();
        Thread me = Thread.currentThread();
        lock.acquire();
        try (Bunch b = Bunch.start(1, () -> {
            lock.acquire();
            lock.release();
        })) {
            Thread waiter = b.threads().get(0);
            await().atMost(LONG).until(() -> info(waiter).getLockOwnerId() == me.threadId());
            ThreadInfo waiting = info(waiter);
            assertEquals(Thread.State.WAITING, waiting.getThreadState());
            assertEquals(me.getName(), waiting.getLockOwnerName());
            LockInfo wanted = waiting.getLockInfo();
            assertOwnableSynchronizer(wanted);
            assertTrue(Arrays.stream(info(me).getLockedSynchronizers())
                    .anyMatch(l -> l.getIdentityHashCode() == wanted.getIdentityHashCode()),
                    "the lock the waiter wants is the one the owner lists");
            lock.release();
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void two_threads_deadlocked_over_two_rlocks_are_found_and_an_interrupt_breaks_it() throws Exception {
        RLock a = new RLock();
        RLock b = new RLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Map<RLock, Thread> firstTakenBy = new ConcurrentHashMap<>();
        Map<Thread, Object> outcome = new ConcurrentHashMap<>();
        try (Bunch bunch = Bunch.start(2, () -> {
            RLock first = a.tryAcquire() ? a : b;
            if (first == b) {
                b.acquire();
            }
            RLock second = first == a ? b : a;
            firstTakenBy.put(first, Thread.currentThread());
            try {
                bothHoldOne.countDown();
                assertTrue(bothHoldOne.await(LONG.toSeconds(), TimeUnit.SECONDS), "the other thread took no lock");
                second.acquire();   // each waits for the lock the other holds
                second.release();
                outcome.put(Thread.currentThread(), "acquired");
            } catch (InterruptedException e) {
                outcome.put(Thread.currentThread(), e);
            } finally {
                first.release();
            }
        })) {
            Set<Long> ids = bunch.threads().stream().map(Thread::threadId).collect(Collectors.toSet());
            await().atMost(LONG).until(() -> deadlocked().containsAll(ids));
            Thread holdsA = firstTakenBy.get(a);
            Thread holdsB = firstTakenBy.get(b);
            assertEquals(holdsB.threadId(), info(holdsA).getLockOwnerId(), "a's owner waits for b's owner");
            assertEquals(holdsA.threadId(), info(holdsB).getLockOwnerId(), "and b's owner for a's");
            assertEquals(1, info(holdsA).getLockedSynchronizers().length);

            holdsA.interrupt();   // breaks the cycle: it gives up b, then lets a go
            bunch.awaitFinished();
            assertInstanceOf(InterruptedException.class, outcome.get(holdsA), "the interrupted thread gave up");
            assertEquals("acquired", outcome.get(holdsB), "the other then got the lock it waited for");
        }
        assertFalse(a.isLocked() || b.isLocked(), "both locks released");
        assertTrue(deadlocked().isEmpty(), () -> "still deadlocked: " + deadlocked());
    }

    @Test
    void an_ownerless_lock_is_listed_for_no_thread() throws Exception {
        Thread me = Thread.currentThread();
        int before = dumped(me).getLockedSynchronizers().length;
        Lock lock = new Lock();
        lock.acquire();
        try {
            assertEquals(before, dumped(me).getLockedSynchronizers().length,
                    "a Lock has no owner: any thread may release it");
        } finally {
            lock.release();
        }
    }
}
