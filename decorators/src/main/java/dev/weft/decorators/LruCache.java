package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to be memoized by {@link Decorate#annotated}: Python's
 * {@code @lru_cache(maxsize=128, typed=False)}, as {@link Decorators#lruCache(int, boolean)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=lru-cache}
 *
 * <p>Each annotated method gets its own cache. {@code maxSize = }{@link #UNBOUNDED} is Python's
 * {@code maxsize=None} ({@code functools.cache}); {@code 0} counts calls without caching. Compared
 * with Spring's {@code @Cacheable}: no cache manager, an exact LRU bound, and concurrent calls
 * for one key computed once.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LruCache {

    /** The {@link #maxSize()} of a cache without a bound. */
    int UNBOUNDED = CacheInfo.UNBOUNDED;

    /**
     * The most entries kept, the least recently used going first; {@link #UNBOUNDED} for no bound.
     *
     * @return the bound; default 128, Python's default
     */
    int maxSize() default 128;

    /**
     * Whether arguments of different types are cached apart ({@code 3} and {@code 3.0}).
     *
     * @return whether the cache is typed; default {@code false}
     */
    boolean typed() default false;
}
