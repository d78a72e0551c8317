package dev.weft.decorators;

/**
 * Statistics of a caching decorator at one moment: Python's {@code cache_info()} named tuple
 * {@code CacheInfo(hits, misses, maxsize, currsize)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=cache-info}
 *
 * <p>Compared with Guava's {@code CacheStats} or Caffeine's: only the four numbers Python
 * reports, counted exactly as {@code functools.lru_cache} counts them. An unbounded cache
 * ({@code maxsize=None}) reports {@link #UNBOUNDED} as its {@code maxSize}.
 *
 * @param hits calls answered from the cache
 * @param misses calls that ran the function
 * @param maxSize the most entries the cache keeps, or {@link #UNBOUNDED}
 * @param currSize the entries it holds now
 * @since 0.1
 */
public record CacheInfo(long hits, long misses, int maxSize, int currSize) {

    /** The {@code maxSize} of a cache without a bound (Python's {@code maxsize=None}). */
    public static final int UNBOUNDED = -1;

    /**
     * Checks the numbers.
     *
     * @throws IllegalArgumentException if a count or size is negative, or {@code maxSize} is
     *     negative and not {@link #UNBOUNDED}
     */
    public CacheInfo {
        if (hits < 0 || misses < 0 || currSize < 0) {
            throw new IllegalArgumentException(
                    "counts must be >= 0: hits=" + hits + ", misses=" + misses + ", currSize=" + currSize);
        }
        if (maxSize < UNBOUNDED) {
            throw new IllegalArgumentException("maxSize must be >= 0 or UNBOUNDED: " + maxSize);
        }
    }

    /** {@return whether the cache has a bound, that is whether {@code maxSize} is not {@link #UNBOUNDED}} */
    public boolean isBounded() {
        return maxSize != UNBOUNDED;
    }

    /** {@return the four numbers as Python prints them, with {@code None} for no bound} */
    @Override
    public String toString() {
        return "CacheInfo(hits=" + hits + ", misses=" + misses + ", maxSize="
                + (isBounded() ? Integer.toString(maxSize) : "None") + ", currSize=" + currSize + ")";
    }
}
