package dev.weft.decorators.internal;

import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.CacheInfo;
import dev.weft.decorators.Invocation;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code functools.lru_cache} with {@code maxsize > 0} or {@code None}: an exact LRU order,
 * Python's hit and miss counts, one computation per key under concurrency, and no lock held
 * while the function runs.
 *
 * <h2>Layout</h2>
 * Completed entries are {@link Node}s in a {@link ConcurrentHashMap} index and, when bounded, in
 * a doubly linked list from least to most recently used ({@code root.next} is the oldest,
 * {@code root.prev} the newest). The list, every index write and the in-flight table are guarded
 * by {@link #lock}; the index is read without it.
 *
 * <h2>Hit</h2>
 * Unbounded: one index read, no lock. Bounded: if the entry is already the most recently used
 * ({@link #mru}, a volatile read), nothing has to move and no lock is taken; otherwise the lookup
 * and the move happen together under the lock, so that the order is exactly Python's.
 *
 * <h2>Miss</h2>
 * Under the lock, the first caller for a key registers a {@link Pending} and counts a miss, then
 * runs the function outside the lock; when it ends its result is stored as Python stores it
 * (evict the oldest if full; nothing if the key was added meanwhile) and the waiters are
 * released, counting hits. If it fails, nothing is stored and each waiter tries again, as Python
 * would call the function again. A caller that is itself inside a cached computation (of any weft
 * cache) does not wait: it computes the key itself and counts a miss, as Python does. That keeps
 * recursion for the same key (CPython's bug 35780 test) working and makes it impossible for two
 * computations to wait for each other.
 */
public final class MemoCache implements CacheDecorator, Attachable {

    /** How deep the current thread is inside cached computations of any {@code MemoCache}. */
    private static final ThreadLocal<int[]> COMPUTING = ThreadLocal.withInitial(() -> new int[1]);

    private static final class Node {
        final Object key;
        final Object value;
        Node prev;
        Node next;
        boolean linked;

        Node(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    private final int maxSize;
    private final boolean bounded;
    private final boolean typed;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<Object, Node> index = new ConcurrentHashMap<>();
    private final HashMap<Object, Pending> inflight = new HashMap<>();
    private final Node root = new Node(null, null);
    private int size;
    private volatile Node mru;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final Ownership ownership;

    /**
     * Creates a cache.
     *
     * @param maxSize the bound, at least 1, or {@link CacheInfo#UNBOUNDED}
     * @param typed whether argument types are part of the key
     */
    public MemoCache(int maxSize, boolean typed) {
        if (maxSize < 1 && maxSize != CacheInfo.UNBOUNDED) {
            throw new IllegalArgumentException("maxSize must be >= 1 or UNBOUNDED: " + maxSize);
        }
        this.maxSize = maxSize;
        this.bounded = maxSize != CacheInfo.UNBOUNDED;
        this.typed = typed;
        this.root.prev = root;
        this.root.next = root;
        this.ownership = new Ownership(toString());
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        Object key = CacheKeys.of(call, typed);
        Node node = index.get(key);
        if (node != null && (!bounded || node == mru)) {
            hits.increment();
            return node.value;
        }
        return lookUpOrCompute(call, key);
    }

    private Object lookUpOrCompute(Invocation call, Object key) throws Throwable {
        int[] depth = COMPUTING.get();
        while (true) {
            Pending pending;
            boolean owner;
            lock.lock();
            try {
                Node node = index.get(key);
                if (node != null) {
                    if (bounded) {
                        moveToNewest(node);
                    }
                    hits.increment();
                    return node.value;
                }
                pending = inflight.get(key);
                owner = pending == null;
                if (owner) {
                    pending = new Pending();
                    inflight.put(key, pending);
                }
                if (owner || depth[0] > 0) {
                    misses.increment();
                }
            } finally {
                lock.unlock();
            }
            if (owner) {
                return compute(call, key, pending, depth);
            }
            if (depth[0] > 0) {
                return compute(call, key, null, depth);
            }
            if (pending.await()) {
                hits.increment();
                return pending.value();
            }
            // the computation failed and stored nothing: try again, perhaps as the owner
        }
    }

    /** Runs the function for {@code key}; {@code pending} is null for a duplicate computation. */
    private Object compute(Invocation call, Object key, Pending pending, int[] depth) throws Throwable {
        depth[0]++;
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable t) {
            depth[0]--;
            if (pending != null) {
                lock.lock();
                try {
                    inflight.remove(key, pending);
                } finally {
                    lock.unlock();
                }
                pending.fail();
            }
            throw t;
        }
        depth[0]--;
        lock.lock();
        try {
            if (pending != null) {
                inflight.remove(key, pending);
            }
            if (!index.containsKey(key)) {
                // Python: if the key was added while the function ran, keep that entry as it is
                store(key, result);
            }
        } finally {
            lock.unlock();
        }
        if (pending != null) {
            pending.succeed(result);
        }
        return result;
    }

    /** Adds a new newest entry, evicting the oldest first when full. Lock held. */
    private void store(Object key, Object value) {
        Node node = new Node(key, value);
        puts.increment();
        if (bounded) {
            if (size >= maxSize) {
                Node oldest = root.next;
                unlink(oldest);
                index.remove(oldest.key);
                size--;
                evictions.increment();
            }
            linkNewest(node);
            size++;
            mru = node;
        }
        index.put(key, node);
    }

    /** Lock held. */
    private void moveToNewest(Node node) {
        if (node.linked && root.prev != node) {
            unlink(node);
            linkNewest(node);
        }
        mru = node;
    }

    private void linkNewest(Node node) {
        Node newest = root.prev;
        node.prev = newest;
        node.next = root;
        newest.next = node;
        root.prev = node;
        node.linked = true;
    }

    private static void unlink(Node node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
        node.prev = null;
        node.next = null;
        node.linked = false;
    }

    @Override
    public CacheInfo info() {
        lock.lock();
        try {
            return new CacheInfo(hits.sum(), misses.sum(), maxSize, bounded ? size : index.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            Node node = root.next;
            while (node != root) {
                Node next = node.next;
                node.prev = null;
                node.next = null;
                node.linked = false;
                node = next;
            }
            root.prev = root;
            root.next = root;
            size = 0;
            mru = null;
            index.clear();
            hits.reset();
            misses.reset();
            evictions.reset();
            puts.reset();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long evictions() {
        return evictions.sum();
    }

    @Override
    public long puts() {
        return puts.sum();
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
        return bounded ? "lruCache(maxSize=" + maxSize + ", typed=" + typed + ")" : "cache(typed=" + typed + ")";
    }
}
