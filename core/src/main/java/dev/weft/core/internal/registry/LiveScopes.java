package dev.weft.core.internal.registry;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open scopes and live pools of this JVM. A scope is added when it opens and removed when it
 * closes; the entry holds its owner (the {@code TaskScope} or gather) weakly, so a scope dropped
 * without being closed does not stay here once it is collected. No lock: the sets are concurrent,
 * and nothing here runs for a fork but a counter increment.
 */
public final class LiveScopes {
    private static final Set<Entry> OPEN = ConcurrentHashMap.newKeySet();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final Set<PoolSource> POOLS = ConcurrentHashMap.newKeySet();
    private static final LongAdder FORKS_STARTED = new LongAdder();
    private static final LongAdder SCOPES_OPENED = new LongAdder();

    static {
        ScopesMBean.registerInBackground();
    }

    private LiveScopes() {
    }

    /** A registered scope: its owner, weakly, and its record. */
    static final class Entry extends WeakReference<Object> {
        final ScopeRecord record;

        Entry(Object owner, ScopeRecord record) {
            super(owner, COLLECTED);
            this.record = record;
        }
    }

    static Entry add(Object owner, ScopeRecord record) {
        for (Reference<?> gone; (gone = COLLECTED.poll()) != null; ) {
            OPEN.remove(gone);
        }
        Entry entry = new Entry(owner, record);
        OPEN.add(entry);
        SCOPES_OPENED.increment();
        return entry;
    }

    static void remove(Entry entry) {
        OPEN.remove(entry);
        entry.clear();
    }

    static void forksStarted(long count) {
        FORKS_STARTED.add(count);
    }

    /** {@return the open scopes, in the order they were opened} */
    public static List<ScopeRecord> open() {
        List<ScopeRecord> records = new ArrayList<>();
        for (Entry entry : OPEN) {
            if (entry.get() != null) {
                records.add(entry.record);
            }
        }
        records.sort(Comparator.comparingLong(ScopeRecord::sequence));
        return records;
    }

    /**
     * {@return the alive threads of the open scopes' forks} A scope lists its forks' threads here
     * rather than in {@code LiveThreads}: what {@code ThreadKind.liveThreads()} adds to that.
     */
    public static List<Thread> forkThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Entry entry : OPEN) {
            if (entry.get() != null) {
                threads.addAll(entry.record.forkThreads());
            }
        }
        return threads;
    }

    /** {@return how many scopes are open now} */
    public static int openCount() {
        int count = 0;
        for (Entry entry : OPEN) {
            if (entry.get() != null) {
                count++;
            }
        }
        return count;
    }

    /** {@return how many forks were started in this JVM, in scopes and gathers} */
    public static long forksStarted() {
        return FORKS_STARTED.sum();
    }

    /** {@return how many scopes were opened in this JVM} */
    public static long scopesOpened() {
        return SCOPES_OPENED.sum();
    }

    /**
     * Shows a pool in the dump until the returned action is run.
     *
     * @param pool the pool
     * @return what removes it; running it twice does nothing more
     */
    public static Runnable addPool(PoolSource pool) {
        POOLS.add(pool);
        return () -> POOLS.remove(pool);
    }

    /** {@return the live pools, by name} */
    public static List<PoolSource> pools() {
        List<PoolSource> pools = new ArrayList<>(POOLS);
        pools.sort(Comparator.comparing(PoolSource::name));
        return pools;
    }
}
