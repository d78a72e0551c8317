package dev.weft.decorators.internal;

import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.CacheInfo;
import dev.weft.decorators.Invocation;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code lru_cache(maxsize=0)}: stores nothing and counts every call as a miss, as Python's
 * {@code uncached_lru_cache_wrapper} does. Concurrent calls each run the function.
 */
public final class CountingNoCache implements CacheDecorator, Attachable {

    private final LongAdder misses = new LongAdder();
    private final boolean typed;
    private final Ownership ownership = new Ownership("lruCache(maxSize=0)");

    /** @param typed kept only for {@link #typed()}: nothing is stored, so keys do not matter */
    public CountingNoCache(boolean typed) {
        this.typed = typed;
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        misses.increment();
        return call.proceed();
    }

    @Override
    public CacheInfo info() {
        return new CacheInfo(0, misses.sum(), 0, 0);
    }

    @Override
    public void clear() {
        misses.reset();
    }

    @Override
    public long evictions() {
        return 0; // it stores nothing, so it never drops anything
    }

    @Override
    public long puts() {
        return 0; // it stores nothing
    }

    @Override
    public boolean typed() {
        return typed;
    }

    @Override
    public void attach(Object owner, String ownerName) {
        ownership.attach(owner, ownerName);
    }

    @Override
    public void detach(Object owner) {
        ownership.detach(owner);
    }

    @Override
    public String toString() {
        return "lruCache(maxSize=0, typed=" + typed + ")";
    }
}
