package dev.weft.cluster.internal;

import dev.weft.parallel.internal.ChunkRunner;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The functions a member has received, by their {@link PreparedFunction#key()}. A function without
 * state ({@link PreparedFunction#shared()}) is kept as the one instance it read, which serves every
 * chunk, at once too; a function with state is kept as its bytes, and each chunk reads its own
 * copy from them (one instance shared by chunks that run at once would be a data race). A function
 * that could not be read is never kept: the next chunk reads it again and fails the same way (a
 * {@code ClassNotOnMemberException} stays one). At most {@value #MAX} functions and
 * {@value #MAX_BYTES} bytes of them are kept; past that, the least recently used are forgotten
 * (and bytes larger than that are never kept). A chunk that names a function the member does not
 * have is answered {@link #MISSING}, to which the parent resends it with the function's bytes. The
 * parent forgets a function with state when its job ends ({@link #forget}).
 *
 * <pre>{@code
 * ChunkRunner.Loaded fn = FunctionCache.load(key, shared, bytes, site); // null: unknown key, no bytes
 * }</pre>
 */
final class FunctionCache {
    /** How many functions a member keeps. */
    static final int MAX = 256;

    /** How many bytes of functions a member keeps. */
    static final int MAX_BYTES = 32 << 20;

    /** The reply to a chunk whose function the member does not have: no bytes. */
    static final byte[] MISSING = new byte[0];

    /**
     * A function kept: its instance if shared, else its bytes to read per chunk.
     *
     * @param size the length of its bytes
     */
    private record Kept(ChunkRunner.Loaded instance, byte[] bytes, int size) {
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    /** In the order of use, the least recent first; guarded by {@link #LOCK}. */
    private static final LinkedHashMap<String, Kept> KEPT = new LinkedHashMap<>(16, 0.75f, true);
    /** The sizes of the kept functions, summed; guarded by {@link #LOCK}. */
    private static long keptBytes;

    private FunctionCache() {
    }

    /**
     * {@return the function of a chunk}: the one kept under {@code key} (or, for a function with
     * state, a copy read from the bytes kept), else read from {@code bytes} and kept if it could
     * be; null if neither is there.
     *
     * @param key the function's key
     * @param shared true for a function without state, whose one instance serves every chunk
     * @param bytes its bytes, null when the parent thinks this member has them
     */
    static ChunkRunner.Loaded load(String key, boolean shared, byte[] bytes, ChunkRunner.Site site) {
        Kept kept = get(key);
        if (kept != null) {
            return kept.instance() != null ? kept.instance() : ChunkRunner.load(kept.bytes(), 0, kept.size(), site);
        }
        if (bytes == null) {
            return null;
        }
        ChunkRunner.Loaded loaded = ChunkRunner.load(bytes, 0, bytes.length, site);
        if (loaded.failure() == null && bytes.length <= MAX_BYTES) {
            Kept raced = keep(key, shared ? new Kept(loaded, null, bytes.length) : new Kept(null, bytes, bytes.length));
            if (raced != null && raced.instance() != null) {
                return raced.instance();
            }
        }
        return loaded;
    }

    private static Kept get(String key) {
        LOCK.lock();
        try {
            return KEPT.get(key);
        } finally {
            LOCK.unlock();
        }
    }

    /** Keeps {@code kept} under {@code key} unless a function is kept there already; returns that one. */
    private static Kept keep(String key, Kept kept) {
        LOCK.lock();
        try {
            Kept there = KEPT.putIfAbsent(key, kept);
            if (there != null) {
                return there;
            }
            keptBytes += kept.size();
            Iterator<Map.Entry<String, Kept>> eldest = KEPT.entrySet().iterator();
            while ((KEPT.size() > MAX || keptBytes > MAX_BYTES) && eldest.hasNext()) {
                Map.Entry<String, Kept> entry = eldest.next();
                if (entry.getValue() != kept) {
                    keptBytes -= entry.getValue().size();
                    eldest.remove();
                }
            }
            return null;
        } finally {
            LOCK.unlock();
        }
    }

    /** Forgets the function of {@code key}, if kept: its job has ended. */
    static void forget(String key) {
        LOCK.lock();
        try {
            Kept kept = KEPT.remove(key);
            if (kept != null) {
                keptBytes -= kept.size();
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** {@return how many functions are kept: for tests} */
    static int size() {
        LOCK.lock();
        try {
            return KEPT.size();
        } finally {
            LOCK.unlock();
        }
    }

    /** {@return how many functions with state are kept (as bytes): for tests} */
    static long withState() {
        LOCK.lock();
        try {
            return KEPT.values().stream().filter(kept -> kept.bytes() != null).count();
        } finally {
            LOCK.unlock();
        }
    }

    /** {@return true if the function of {@code key} is kept: for tests} */
    static boolean has(String key) {
        LOCK.lock();
        try {
            return KEPT.containsKey(key);
        } finally {
            LOCK.unlock();
        }
    }

    /** Forgets every function: for tests of the parent's resending. */
    static void clear() {
        LOCK.lock();
        try {
            KEPT.clear();
            keptBytes = 0;
        } finally {
            LOCK.unlock();
        }
    }
}
