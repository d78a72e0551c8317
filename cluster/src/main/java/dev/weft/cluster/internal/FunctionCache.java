package dev.weft.cluster.internal;

import dev.weft.parallel.internal.ChunkRunner;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions a member has read, by their {@link PreparedFunction#key()}: only stateless ones
 * (lambdas and method references that capture nothing), so one instance serves every chunk, at once
 * too. A function that could not be read is never kept: the next chunk reads it again and fails
 * the same way (a {@code ClassNotOnMemberException} stays one). At most {@value #MAX} functions are
 * kept; past that, some are forgotten, and a chunk that names one the member forgot is answered
 * {@link #MISSING}, to which the parent resends it with the function's bytes.
 *
 * <pre>{@code
 * ChunkRunner.Loaded fn = FunctionCache.load(key, bytes, site); // null: unknown key, no bytes
 * }</pre>
 */
final class FunctionCache {
    /** How many functions a member keeps. */
    static final int MAX = 256;

    /** The reply to a chunk whose function the member does not have: no bytes. */
    static final byte[] MISSING = new byte[0];

    private static final ConcurrentHashMap<String, ChunkRunner.Loaded> LOADED = new ConcurrentHashMap<>();

    private FunctionCache() {
    }

    /**
     * {@return the function of a chunk}: the one kept under {@code key}, else read from
     * {@code bytes} (and kept, under a key, if it could be read); null if neither is there.
     *
     * @param key the function's key, null for a function with state
     * @param bytes its bytes, null when the parent thinks this member has it
     */
    static ChunkRunner.Loaded load(String key, byte[] bytes, ChunkRunner.Site site) {
        if (key != null) {
            ChunkRunner.Loaded kept = LOADED.get(key);
            if (kept != null) {
                return kept;
            }
        }
        if (bytes == null) {
            return null;
        }
        ChunkRunner.Loaded loaded = ChunkRunner.load(bytes, 0, bytes.length, site);
        if (key != null && loaded.failure() == null) {
            if (LOADED.size() >= MAX) {
                Iterator<String> keys = LOADED.keySet().iterator();
                if (keys.hasNext()) {
                    keys.next();
                    keys.remove();
                }
            }
            ChunkRunner.Loaded raced = LOADED.putIfAbsent(key, loaded);
            return raced != null ? raced : loaded;
        }
        return loaded;
    }

    /** Forgets every function: for tests of the parent's resending. */
    static void clear() {
        LOADED.clear();
    }
}
