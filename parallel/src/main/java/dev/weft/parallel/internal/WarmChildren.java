package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.LazyLogger;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.parallel.ProcessPoolOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The worker JVMs that belong to no pool's work right now: a running pool's spare workers, started
 * before they are needed, and the workers of closed pools kept for the next pool with the same
 * options. A new worker takes one of these (ready, with an empty function table) before it starts a
 * child of its own.
 *
 * <pre>{@code
 * ChildJvm child = WarmChildren.SHARED.obtain(pool, key, name, worker);   // warm if one is kept
 * WarmChildren.SHARED.giveBack(pool, key, child, done);                   // at close: kept, or false
 * ProcessPoolOptions.closeIdleWorkers();                                  // all of them stopped
 * }</pre>
 *
 * <p>A child is kept for another pool only when its pool was closed (not terminated), it ran
 * everything it was sent, and, asked to forget its functions, it found no thread of its tasks
 * still running (else it exits: {@link TaskThreads}). It is handed only to a pool whose children
 * are launched with the same command line and the same initializer (or none); that pool's
 * initializer runs in it again. Kept are the JVM's loaded classes, compiled code and static fields;
 * not kept are the function table, the task count ({@code maxTasksPerChild} counts afresh), the
 * output sinks and the pool it worked for. At most {@link #MAX_IDLE} children are kept, each for
 * the pool's {@link ProcessPoolOptions#keepIdleWorkers()} at most (a running pool's spares count
 * towards that bound, and are never turned away); a JVM that exits kills them
 * ({@link ChildRegistry}).
 */
public final class WarmChildren {
    private static final LazyLogger log = LazyLogger.of(WarmChildren.class);

    /** The most children kept idle, over every option set. */
    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** Every kept child of this JVM (after {@link #MAX_IDLE}, which its constructor reads). */
    public static final WarmChildren SHARED = new WarmChildren();
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    /** The id of a spare's warm-up chunk; a pool's chunks count from 1. */
    private static final long WARM_UP_CHUNK = 0;
    private static final Consumer<String> IDLE_OUT = line -> log.debug("An idle worker JVM printed: {}", line);

    /**
     * What makes children interchangeable.
     *
     * @param command the command line they are launched with (without the start-up cache's flags)
     * @param initializer the serialized initializer, empty for none (compared by content)
     */
    record Key(List<String> command, ByteBuffer initializer) {
        /** {@return the key of a pool's children} */
        static Key of(ProcessPoolOptions options, byte[] initializer) {
            return new Key(ChildJvm.command(options.jvmArgs(), List.of()),
                    ByteBuffer.wrap(initializer == null ? new byte[0] : initializer.clone()).asReadOnlyBuffer());
        }
    }

    /** One kept child; it listens to the child while no worker does. */
    private final class Entry implements ChildJvm.Listener {
        final Key key;
        ChildJvm child;
        /** The running pool whose spare it is, or null once it is free for any pool. */
        Object owner;
        /** When it is stopped if no pool took it ({@code System.nanoTime}); unused while owned. */
        long expiresAt;
        boolean ready;
        /** A new spare runs a warm-up chunk first ({@link #warmUp}); it is ready once that is answered. */
        boolean warming;
        /** Told once, when the child has said READY or ended (a give-back is settled). */
        Runnable settled = () -> { };

        Entry(Key key, Object owner, long expiresAt) {
            this.key = key;
            this.owner = owner;
            this.expiresAt = expiresAt;
        }

        @Override
        public void ready() {
            Runnable then;
            lock.lock();
            try {
                if (warming) {
                    return; // ready once the warm-up chunk is answered
                }
                ready = true;
                then = settled;
                settled = () -> { };
            } finally {
                lock.unlock();
            }
            then.run();
        }

        @Override
        public void initialized() {
            unexpected("INITIALIZED");
        }

        @Override
        public void result(long chunkId, byte[] body, int offset) {
            lock.lock();
            try {
                if (warming && chunkId == WARM_UP_CHUNK) {
                    warming = false;
                    ready = true;
                    return;
                }
            } finally {
                lock.unlock();
            }
            unexpected("RESULT");
        }

        @Override
        public void fatal(ErrorPayload error) {
            unexpected("FATAL");
        }

        private void unexpected(String frame) {
            log.warn("An idle worker JVM (pid {}) sent {}; stopping it", child.pid(), frame);
            child.kill();
        }

        @Override
        public void exited(int exitCode, List<String> stderrTail, String channelError) {
            Runnable then;
            lock.lock();
            try {
                entries.remove(this);
                changed.signalAll();
                then = settled;
                settled = () -> { };
            } finally {
                lock.unlock();
            }
            then.run();
            log.debug("Idle worker JVM {} ended (exit code {})", child.pid(), exitCode);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Entry> entries = new ArrayList<>();
    /** The pools whose spares are topped up when one is taken. */
    private final Set<Object> sparing = Collections.newSetFromMap(new IdentityHashMap<>());
    private Thread reaper;
    private int maxIdle = MAX_IDLE;

    private WarmChildren() {
    }

    /**
     * Sets the most children kept (tests).
     *
     * @param max at least 0
     * @return the bound before
     */
    int maxIdle(int max) {
        lock.lock();
        try {
            int before = maxIdle;
            maxIdle = max;
            return before;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return a child for a new worker of {@code pool}}: a kept one with the same key, attached to
     * {@code listener} and asked to say READY, else a new one; then the pool's spares are topped up.
     *
     * @param pool the pool
     * @param key its children's key
     * @param name the worker's name, for the child's threads
     * @param listener the worker
     * @throws IOException if a new child cannot be started
     */
    ChildJvm obtain(ProcessBackedPool pool, Key key, String name, ChildJvm.Listener listener) throws IOException {
        ProcessPoolOptions options = pool.options();
        Entry taken = null;
        boolean topUp;
        lock.lock();
        try {
            for (Entry entry : entries) {
                if (entry.ready && entry.key.equals(key) && (entry.owner == null || entry.owner == pool)) {
                    taken = entry;
                    break;
                }
            }
            if (taken != null) {
                entries.remove(taken);
                changed.signalAll();
            }
            topUp = sparing.contains(pool);
        } finally {
            lock.unlock();
        }
        ChildJvm child;
        if (taken != null) {
            child = taken.child;
            child.attach(name, listener, options.stdout(), options.stderr());
            child.reset(false); // it says READY to its new worker; if it is gone, the worker hears that
            log.debug("Worker {} took the warm worker JVM {}", name, child.pid());
        } else {
            child = ChildJvm.start(name, options.jvmArgs(), List.of(), options.stdout(), options.stderr(), listener,
                    options.startupCache());
            child.listen();
        }
        if (topUp) {
            topUp(pool, key);
        }
        return child;
    }

    /**
     * Starts {@code pool}'s spare workers, and from now on tops them up each time one is taken.
     *
     * @param pool the pool, whose workers have just started
     * @param key its children's key
     */
    void startSpares(ProcessBackedPool pool, Key key) {
        if (pool.options().spareWorkers() == 0) {
            return;
        }
        lock.lock();
        try {
            sparing.add(pool);
        } finally {
            lock.unlock();
        }
        topUp(pool, key);
    }

    private void topUp(ProcessBackedPool pool, Key key) {
        ProcessPoolOptions options = pool.options();
        while (true) {
            Entry entry;
            lock.lock();
            try {
                long owned = entries.stream().filter(e -> e.owner == pool).count();
                if (!sparing.contains(pool) || owned >= options.spareWorkers()) {
                    return;
                }
                Entry free = entries.stream().filter(e -> e.owner == null && e.key.equals(key)).findFirst().orElse(null);
                if (free != null) {
                    free.owner = pool; // a kept child becomes the spare: no new JVM
                    continue;
                }
                entry = new Entry(key, pool, Long.MAX_VALUE);
                entry.warming = true;
                entries.add(entry);
            } finally {
                lock.unlock();
            }
            try {
                entry.child = ChildJvm.start("weft-spare-worker", options.jvmArgs(), List.of(), IDLE_OUT, IDLE_OUT,
                        entry, options.startupCache());
                entry.child.listen();
                warmUp(entry.child);
            } catch (IOException | RuntimeException e) {
                log.debug("Could not start a spare worker JVM", e);
                lock.lock();
                try {
                    entries.remove(entry);
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }

    /**
     * Sends a new spare a chunk of weft's own ({@link StartupCache#trainingTask()}): the first task
     * of a JVM costs it its first decoding, linking and serialization, which the spare then has paid
     * before it replaces a worker (its function is forgotten at the {@link Frames#RESET} that hands
     * it over).
     */
    private static void warmUp(ChildJvm child) throws IOException {
        child.writer().task(WARM_UP_CHUNK, 0, 0, ChunkCodec.function(StartupCache.trainingTask(), ChunkCodec.CHILD_JVM),
                ChunkCodec.inputs(List.of(1, "x"), 0, ChunkCodec.CHILD_JVM));
        child.writer().flush();
    }

    /**
     * Offers the child of a worker of a closed pool for the next pool with the same key.
     *
     * @param pool the pool it worked for
     * @param key its key
     * @param child the child, which has answered everything it was sent
     * @param settled run once the kept child has said READY again (it is ready for the next pool) or ended
     * @return true if it is kept (the worker forgets it), false if the worker ends it
     */
    boolean giveBack(ProcessBackedPool pool, Key key, ChildJvm child, Runnable settled) {
        Duration keep = pool.options().keepIdleWorkers();
        if (keep.isZero() || keep.isNegative()) {
            return false;
        }
        Entry entry = new Entry(key, null, System.nanoTime() + keep.toNanos());
        entry.child = child;
        entry.settled = settled;
        lock.lock();
        try {
            if (entries.size() >= maxIdle) {
                return false;
            }
            entries.add(entry);
            startReaper();
        } finally {
            lock.unlock();
        }
        child.attach("weft-idle-worker", entry, IDLE_OUT, IDLE_OUT);
        child.reset(true); // READY if it is clean; else it exits, and the entry goes
        return true;
    }

    /**
     * {@code pool} has closed: its spares are free for other pools, for its
     * {@link ProcessPoolOptions#keepIdleWorkers()}, or stopped now.
     */
    void ownerClosed(ProcessBackedPool pool) {
        Duration keep = pool.options().keepIdleWorkers();
        List<Entry> stopped = new ArrayList<>();
        lock.lock();
        try {
            sparing.remove(pool);
            for (Entry entry : entries) {
                if (entry.owner == pool) {
                    entry.owner = null;
                    entry.expiresAt = System.nanoTime() + Math.max(0, keep.toNanos());
                    if (keep.isZero() || keep.isNegative()) {
                        stopped.add(entry);
                    }
                }
            }
            entries.removeAll(stopped);
            if (!entries.isEmpty()) {
                startReaper();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        stopped.forEach(e -> e.child.closeInput());
    }

    /**
     * Stops every kept child that belongs to no running pool, and every start-up cache training
     * run, and waits until they have ended.
     *
     * @return how many children and training runs were stopped
     */
    public int closeIdle() {
        List<Entry> stopped = new ArrayList<>();
        Thread oldReaper;
        lock.lock();
        try {
            for (Entry entry : entries) {
                if (entry.owner == null) {
                    stopped.add(entry);
                }
            }
            entries.removeAll(stopped);
            oldReaper = reaper;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        stopAll(stopped);
        if (oldReaper != null) {
            Uninterruptibly.join(oldReaper);
        }
        return stopped.size() + StartupCache.stopTrainings();
    }

    /** {@return how many children are kept now, spares of running pools included} */
    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the process ids of the children kept now and ready for a pool} */
    List<Long> readyPids() {
        lock.lock();
        try {
            return entries.stream().filter(e -> e.ready && e.child != null).map(e -> e.child.pid()).toList();
        } finally {
            lock.unlock();
        }
    }

    private static void stopAll(List<Entry> stopped) {
        for (Entry entry : stopped) {
            if (entry.child != null) {
                entry.child.closeInput();
            }
        }
        for (Entry entry : stopped) {
            if (entry.child != null) {
                entry.child.awaitGoneUninterruptibly(EXIT_GRACE);
            }
        }
    }

    /** Starts the thread that stops children kept too long, unless it runs; the caller holds the lock. */
    private void startReaper() {
        if (reaper == null) {
            reaper = ThreadKind.PLATFORM.newThread("weft-idle-workers", this::reap);
            reaper.start();
        }
    }

    private void reap() {
        while (true) {
            List<Entry> expired = new ArrayList<>();
            lock.lock();
            try {
                long now = System.nanoTime();
                long next = Long.MAX_VALUE;
                boolean timed = false;
                for (Entry entry : entries) {
                    if (entry.owner == null) {
                        timed = true;
                        if (entry.expiresAt - now <= 0) {
                            expired.add(entry);
                        } else {
                            next = Math.min(next, entry.expiresAt - now);
                        }
                    }
                }
                entries.removeAll(expired);
                if (expired.isEmpty()) {
                    if (!timed) {
                        reaper = null; // nothing to time: a later give-back starts another
                        return;
                    }
                    changed.awaitNanos(next);
                    continue;
                }
            } catch (InterruptedException e) {
                reaper = null;
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            log.debug("Stopping {} idle worker JVM(s) kept longer than their pool's keepIdleWorkers", expired.size());
            stopAll(expired);
        }
    }
}
