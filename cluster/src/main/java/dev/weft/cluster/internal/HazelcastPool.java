package dev.weft.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.weft.core.internal.ForkContext;
import dev.weft.parallel.Pool;
import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.internal.AbstractPool;
import dev.weft.parallel.internal.ChunkCodec;
import dev.weft.parallel.internal.ChunkSink;
import dev.weft.parallel.internal.WorkerThreads;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Pool} over a Hazelcast instance that {@code ClusterPool} wraps: parallel's
 * {@link AbstractPool} (the primitive {@code job}, chunking, the open/closing/closed/terminated
 * lifetime) with chunks that travel through a {@link Dispatcher} to the cluster's data members.
 * {@link #workers()} is the sum of what those members run at once, and changes as they come and
 * go.
 *
 * <pre>{@code
 * HazelcastPool pool = new HazelcastPool(HazelcastSetup.startMember(options), true, 0, 3);
 * }</pre>
 */
public final class HazelcastPool extends AbstractPool<PreparedFunction, ClusterChunk> {
    private static final AtomicLong POOL_COUNTER = new AtomicLong();
    private static final String DESTINATION = "the cluster";

    private final HazelcastInstance instance;
    private final boolean owned;
    /** What the delivery thread is marked with ({@link WorkerThreads}); chunks' threads carry the instance. */
    private final Object deliveryMark;
    private final ExecutorService delivery;
    private final Dispatcher dispatcher;

    /**
     * Creates a pool over {@code instance}.
     *
     * @param instance a running member or client
     * @param owned whether the pool shuts the instance down when it ends
     * @param workersPerMember how many workers each member counts as; 0 to use what each member
     *     announces (its {@value HazelcastSetup#WORKERS_ATTRIBUTE} attribute)
     * @param maxAttempts how many times a chunk may lose its member
     */
    public HazelcastPool(HazelcastInstance instance, boolean owned, int workersPerMember, int maxAttempts) {
        this(Objects.requireNonNull(instance, "instance"), owned, new Object(), workersPerMember, maxAttempts);
    }

    private HazelcastPool(HazelcastInstance instance, boolean owned, Object deliveryMark, int workersPerMember,
            int maxAttempts) {
        this(instance, owned, deliveryMark, Executors.newSingleThreadExecutor(delivering(deliveryMark,
                "weft-cluster-pool-" + POOL_COUNTER.incrementAndGet())), workersPerMember, maxAttempts);
    }

    private HazelcastPool(HazelcastInstance instance, boolean owned, Object deliveryMark, ExecutorService delivery,
            int workersPerMember, int maxAttempts) {
        this(instance, owned, deliveryMark, delivery, new Dispatcher(instance, HazelcastSetup.EXECUTOR_NAME,
                member -> workersPerMember > 0 ? workersPerMember : HazelcastSetup.announcedWorkers(member),
                maxAttempts, delivery, new ClusterObserver("weft-cluster-pool-" + POOL_COUNTER.get())));
    }

    private HazelcastPool(HazelcastInstance instance, boolean owned, Object deliveryMark, ExecutorService delivery,
            Dispatcher dispatcher) {
        super(dispatcher::capacity);
        this.instance = instance;
        this.owned = owned;
        this.deliveryMark = deliveryMark;
        this.delivery = delivery;
        this.dispatcher = dispatcher;
        dispatcher.start();
    }

    /** The delivery thread: it reports chunks (and runs what follows), so it counts as the pool's worker. */
    private static ThreadFactory delivering(Object mark, String name) {
        return task -> WorkerThreads.newThread(mark, name, task);
    }

    /** {@return the Hazelcast instance the pool sends its chunks through} */
    public HazelcastInstance instance() {
        return instance;
    }

    /** {@return the data members known now, which run the chunks} */
    public List<Member> members() {
        return dispatcher.members();
    }

    // ---------------------------------------------------------------- backend

    @Override
    protected PreparedFunction prepare(SerializableFunction<?, ?> fn) {
        return PreparedFunction.of(fn, DESTINATION);
    }

    @Override
    protected ClusterChunk chunk(PreparedFunction fn, long firstIndex, List<Object> args, ChunkSink sink, ForkContext context) {
        return new ClusterChunk(fn, firstIndex, ChunkCodec.inputs(args, firstIndex, DESTINATION, context), args.size(),
                sink);
    }

    /** The job has ended: the members forget its function if it has state (one without is kept for the next jobs). */
    @Override
    protected void release(PreparedFunction fn) {
        if (!fn.shared()) {
            dispatcher.forget(fn.key());
        }
    }

    /** {@return how often this pool sent functions to each member: for tests} */
    FunctionShipments shipments() {
        return dispatcher.shipments();
    }

    /** Cancels {@code chunk} on the member that runs it, if one does (interrupting its thread there). */
    @Override
    protected void halt(ClusterChunk chunk) {
        dispatcher.cancelRunning(chunk);
    }

    @Override
    protected void dispatch(ClusterChunk chunk) {
        dispatcher.submit(chunk);
    }

    /** The caller waits for its chunks' members itself, and reports their replies on its own thread. */
    @Override
    protected boolean helpsCaller() {
        return true;
    }

    /**
     * {@return true} The caller waits for each chunk's member in turn: an {@code imapUnordered}
     * caller helped so would wait for a slow first chunk while a later one's result had arrived.
     */
    @Override
    protected boolean helpWaitsInTurn() {
        return true;
    }

    /**
     * While the caller reports its chunks (and runs the progress listeners and stages that follow),
     * it counts as the pool's delivery thread: a {@code close()} from there is refused, as on the
     * delivery thread.
     */
    @Override
    protected void helpWith(List<ClusterChunk> chunks) {
        Object before = WorkerThreads.enter(deliveryMark);
        try {
            dispatcher.help(chunks);
        } finally {
            WorkerThreads.leave(before);
        }
    }

    @Override
    protected void checkUsable() {
        if (!instance.getLifecycleService().isRunning()) {
            throw new IllegalStateException("the pool's Hazelcast instance is not running");
        }
    }

    @Override
    protected boolean isOwnWorker() {
        return WorkerThreads.isWorkerOf(instance) || WorkerThreads.isWorkerOf(deliveryMark);
    }

    @Override
    protected void stopWorkers() {
        dispatcher.stop(false);
        if (owned) {
            instance.shutdown();
        }
        stopDelivery();
    }

    @Override
    protected void killWorkers() {
        dispatcher.stop(true);
        if (owned) {
            instance.getLifecycleService().terminate();
        }
        stopDelivery();
    }

    private void stopDelivery() {
        delivery.shutdown();
        awaitTerminated(delivery);
    }

    @Override
    protected String describe() {
        return "ClusterPool[" + instance.getName() + ", ";
    }
}
