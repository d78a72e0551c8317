/**
 * Micrometer meters for weft: {@link dev.weft.micrometer.PoolMetrics} (a pool's busy and idle
 * workers, queued chunks, tasks by result, worker restarts, chunk time),
 * {@link dev.weft.micrometer.CacheMetrics} (an {@code lru_cache}'s hits, misses, puts, evictions
 * and size, under the names and tags of Micrometer's own cache binders) and
 * {@link dev.weft.micrometer.ScopeMetrics} (the scopes open and the forks started in the JVM).
 * Each is a {@code MeterBinder}, bound with {@code bindTo(registry)} or its static
 * {@code monitor}, as {@code CaffeineCacheMetrics} is.
 *
 * {@snippet class=dev.weft.micrometer.snippets.MicrometerSnippets region=micrometer-package}
 *
 * <p>Every meter reads weft's own counters when the registry asks (function counters, gauges and
 * a function timer), so binding one adds nothing to the work's path. The pool and the cache are
 * held weakly, as Micrometer's binders hold what they observe.
 */
@NullMarked
package dev.weft.micrometer;

import org.jspecify.annotations.NullMarked;
