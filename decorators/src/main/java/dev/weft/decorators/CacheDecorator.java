package dev.weft.decorators;

/**
 * A {@link Decorator} that memoizes: Python's {@code functools.lru_cache} and
 * {@code functools.cache}, with {@code cache_info()} and {@code cache_clear()}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=cache-decorator}
 *
 * <p>Made by {@link Decorators#lruCache(int, boolean)}, {@link Decorators#cache()} and the
 * {@link LruCache @LruCache} annotation. Hits, misses, the least-recently-used order and what a
 * bound of 0 does are {@code functools.lru_cache}'s, exactly; its keys are the call's arguments
 * (by {@code equals}; numbers that are equal as integers, such as {@code 3} and {@code 3.0},
 * share a key unless the cache is {@linkplain #typed() typed}). Beyond Python: concurrent calls
 * for one key run the function once (the others wait and count as hits), and the function runs
 * outside every lock, so a memoized function may call itself for other keys (recursion). A caller
 * that is itself inside a cached computation never waits for another thread's: it computes the key
 * itself and counts a miss, as Python would, so computations can never wait for each other in a
 * circle. A failed computation stores nothing; the callers that waited for it try again. A hit on
 * the most recently used entry takes no lock; a hit on another entry takes an uncontended lock to
 * move it, which is the price of an exact order. {@code null} results are cached.
 *
 * <p>Compared with Guava's {@code LoadingCache} and Caffeine: a decorator rather than a map, with
 * an exact LRU order instead of an approximate one, and a recursive load that neither throws nor
 * deadlocks. A cache object belongs to one decorated function or proxy; decorating a second one
 * with it throws {@link IllegalStateException} (as each {@code @lru_cache} line makes its own
 * cache). All methods are thread-safe.
 *
 * @since 0.1
 */
public interface CacheDecorator extends Decorator {

    /** {@return the statistics now ({@code cache_info()})} */
    CacheInfo info();

    /**
     * Forgets every entry and resets the hit and miss counts ({@code cache_clear()}). A call
     * running meanwhile still stores its result when it ends, as in Python.
     */
    void clear();

    /** {@return whether arguments of different types are cached apart ({@code typed=True})} */
    boolean typed();

    /**
     * Returns how many entries were dropped to make room for newer ones since the cache was made or
     * last {@linkplain #clear() cleared}: the number Python's {@code cache_info()} does not give,
     * and metrics want ({@code cache.evictions} in {@code weft-micrometer}). 0 for an unbounded
     * cache, and for {@code maxSize} 0, which stores nothing.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=cache-evictions}
     *
     * @return the evictions, 0 or more
     */
    long evictions();

    /**
     * Returns how many results were stored since the cache was made or last
     * {@linkplain #clear() cleared}: the misses whose call returned and whose key no other call
     * had stored meanwhile. A call that throws stores nothing and is not counted. Metrics report it
     * as {@code cache.puts} ({@code weft-micrometer}). 0 for {@code maxSize} 0, which stores
     * nothing.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=cache-puts}
     *
     * @return the puts, 0 or more
     */
    long puts();
}
