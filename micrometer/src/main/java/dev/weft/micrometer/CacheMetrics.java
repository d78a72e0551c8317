package dev.weft.micrometer;

import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.CacheInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The meters of a weft cache ({@code Decorators.lruCache}, {@code Decorators.cache}), with the
 * names and tags of Micrometer's own cache binders ({@code CaffeineCacheMetrics},
 * {@code GuavaCacheMetrics}), which this extends: {@code cache.gets} (tag
 * {@code result=hit|miss}), {@code cache.puts}, {@code cache.evictions} and {@code cache.size},
 * all tagged {@code cache=<name>}; and {@code cache.max.size} for a bounded cache. So a dashboard
 * made for Caffeine shows it as it is.
 *
 * {@snippet class=dev.weft.micrometer.snippets.MicrometerSnippets region=cache-metrics}
 *
 * <p>The counts are Python's {@code cache_info()} ({@link CacheDecorator#info()}) and
 * {@link CacheDecorator#evictions()} and {@link CacheDecorator#puts()}: a put is a miss whose call
 * returned and was stored (a call that throws is a miss and no put). After
 * {@link CacheDecorator#clear()} the counts start again from zero, as Python's do.
 *
 * @since 0.1
 */
@SuppressWarnings("exports") // JSpecify's @Nullable on the binder's methods: compile-time only
public final class CacheMetrics extends CacheMeterBinder<CacheDecorator> {

    /**
     * Meters for {@code cache}, to bind to a registry.
     *
     * @param cache the cache, held weakly
     * @param cacheName the value of the {@code cache} tag
     * @param tags more tags for every meter
     * @throws NullPointerException if an argument is null
     */
    public CacheMetrics(CacheDecorator cache, String cacheName, Iterable<Tag> tags) {
        super(Objects.requireNonNull(cache, "cache"), Objects.requireNonNull(cacheName, "cacheName"),
                Objects.requireNonNull(tags, "tags"));
    }

    /**
     * Binds the meters of {@code cache} to {@code registry}.
     *
     * @param registry where the meters go
     * @param cache the cache
     * @param cacheName the value of the {@code cache} tag
     * @param tags more tags, as key-value pairs
     * @return {@code cache}, for chaining
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code tags} has an odd number of elements
     */
    public static CacheDecorator monitor(MeterRegistry registry, CacheDecorator cache, String cacheName, String... tags) {
        new CacheMetrics(cache, cacheName, Tags.of(tags)).bindTo(Objects.requireNonNull(registry, "registry"));
        return cache;
    }

    private @Nullable CacheInfo info() {
        CacheDecorator cache = getCache();
        return cache == null ? null : cache.info();
    }

    @Override
    protected @Nullable Long size() {
        CacheInfo info = info();
        return info == null ? null : (long) info.currSize();
    }

    @Override
    protected long hitCount() {
        CacheInfo info = info();
        return info == null ? 0 : info.hits();
    }

    @Override
    protected @Nullable Long missCount() {
        CacheInfo info = info();
        return info == null ? null : info.misses();
    }

    @Override
    protected @Nullable Long evictionCount() {
        CacheDecorator cache = getCache();
        return cache == null ? null : cache.evictions();
    }

    @Override
    protected long putCount() {
        CacheDecorator cache = getCache();
        return cache == null ? 0 : cache.puts();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
        CacheDecorator cache = getCache();
        if (cache != null && cache.info().isBounded()) {
            Gauge.builder("cache.max.size", cache, c -> c.info().maxSize()).tags(getTagsWithCacheName())
                    .description("The most entries the cache holds").register(registry);
        }
    }
}
