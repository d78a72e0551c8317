package dev.weft.sync;

import com.google.common.util.concurrent.CycleDetectingLockFactory;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Factories of locks that detect potential deadlocks: every {@link RLock} made here records the
 * order in which locks are taken, and the first acquisition that closes a cycle (thread 1 took
 * {@code a} then {@code b}, now a thread takes {@code b} then {@code a}) throws at once, before it
 * can ever deadlock. Built on Guava's {@link CycleDetectingLockFactory}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=locks-ordered}
 *
 * <p>The exception is Guava's {@code CycleDetectingLockFactory.PotentialDeadlockException}, an
 * {@link IllegalStateException} whose message names the locks and whose cause chain holds the
 * stack traces of the acquisitions that made the cycle. The offending lock is not taken. Python
 * has no counterpart; in {@code java.util.concurrent} the closest tool is
 * {@code ThreadMXBean.findDeadlockedThreads()}, which finds a deadlock only once it has happened.
 *
 * <p>Checking costs a graph update per acquisition: use these locks in tests and development, or
 * where lock order is hard to audit; plain {@link RLock}s are cheaper.
 *
 * @since 0.1
 */
public final class Locks {
    private static final CycleDetectingLockFactory DETECTING =
            CycleDetectingLockFactory.newInstance(CycleDetectingLockFactory.Policies.THROW);
    private static final ConcurrentHashMap<Class<?>, CycleDetectingLockFactory.WithExplicitOrdering<?>> RANKED =
            new ConcurrentHashMap<>();

    private Locks() {
    }

    /**
     * Creates a reentrant lock that takes part in lock-order checking with every other lock made
     * by {@link #ordered(String)}: the first time a thread takes locks in an order that contradicts
     * an order seen before, the acquisition throws.
     *
     * @param name the lock's name, used in the exception message
     * @return a new unlocked lock
     * @throws NullPointerException if {@code name} is null
     */
    public static RLock ordered(String name) {
        Objects.requireNonNull(name, "name");
        return new RLock(DETECTING.newReentrantLock(name));
    }

    /**
     * Creates a reentrant lock with a fixed rank: locks of one enum type must be taken in the
     * order of the enum's constants ({@code ordinal()} ascending). Unlike {@link #ordered(String)},
     * taking them out of order throws the very first time, even before any cycle was seen.
     *
     * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=locks-ranked}
     *
     * @param rank the lock's place in the order; also its name
     * @param <E> the enum that defines the order
     * @return a new unlocked lock
     * @throws NullPointerException if {@code rank} is null
     */
    public static <E extends Enum<E>> RLock ranked(E rank) {
        Objects.requireNonNull(rank, "rank");
        return new RLock(factoryFor(rank.getDeclaringClass()).newReentrantLock(rank));
    }

    @SuppressWarnings("unchecked") // the map holds, for each enum class E, a WithExplicitOrdering<E>
    private static <E extends Enum<E>> CycleDetectingLockFactory.WithExplicitOrdering<E> factoryFor(Class<E> type) {
        return (CycleDetectingLockFactory.WithExplicitOrdering<E>) RANKED.computeIfAbsent(type,
                t -> CycleDetectingLockFactory.newInstanceWithExplicitOrdering(type,
                        CycleDetectingLockFactory.Policies.THROW));
    }
}
