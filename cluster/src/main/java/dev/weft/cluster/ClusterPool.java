package dev.weft.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.weft.cluster.internal.CurrentMember;
import dev.weft.cluster.internal.HazelcastPool;
import dev.weft.cluster.internal.HazelcastSetup;
import dev.weft.parallel.Pool;
import dev.weft.parallel.PoolStats;
import dev.weft.parallel.SerializableFunction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Pool} whose workers are the members of a Hazelcast cluster: the same {@code map},
 * {@code imap}, {@code apply} and the rest as {@link Pool#processes(int)}, with chunks sent to the
 * members through Hazelcast's {@link com.hazelcast.core.IExecutorService}. Switching from one
 * machine to many is one line:
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-pool}
 *
 * <p>Across machines, the pool is given the cluster to join:
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-pool-farm}
 *
 * <p>then {@code ClusterPool.member(farm)} makes this JVM a member that works too, and
 * {@code ClusterPool.client(farm)} a client that only submits: the members work.
 *
 * <h2>Where it runs</h2>
 * <ul>
 *   <li>{@link #embedded()} starts one member in this JVM, in a cluster of its own on
 *       {@code 127.0.0.1}: it needs no setup, and never meets another cluster of the host.
 *   <li>{@link #member(ClusterOptions)} starts a member that joins the cluster of the options (or
 *       founds it): chunks run on every data member, this one included.
 *   <li>{@link #client(ClusterOptions)} connects as a Hazelcast client: chunks run on the members
 *       only, which were started elsewhere (for example with {@link ClusterMember}).
 *   <li>{@link #over(HazelcastInstance)} uses an instance you configured yourself, and leaves it
 *       running when the pool ends.
 * </ul>
 * A chunk goes to the member with the most free places (each member runs as many chunks at once as
 * it announced workers, and holds as many again waiting), so every member takes part. {@link
 * #workers()} is the sum over the members known now, and changes as they come and go.
 *
 * <h2>Members that leave</h2>
 * A member that leaves or dies costs no input: the chunks it had not replied for are sent again to
 * the members that remain (a chunk whose reply arrived is never run again), and every input gets
 * exactly one outcome. A chunk that loses its member {@link ClusterOptions#maxAttempts()} times
 * fails with a {@link MemberLostException}. With no member left, chunks wait for one to join.
 *
 * <h2>What travels</h2>
 * The function and the inputs are Java-serialized at the call (one that does not serialize fails
 * there, with an {@link IllegalArgumentException} naming its class), sent to a member, run there,
 * and the results and exceptions come back serialized. Every member needs the classes of the
 * function, inputs and results on its class path, except a function's classes that exist only in
 * the caller's JVM (typed into jshell, loaded by a plugin's class loader), which travel with the
 * function as they do to a child JVM: a member that misses one fails the chunk with a
 * {@link ClassNotOnMemberException} naming the class and the member. A lambda or method reference
 * that captures nothing holds no state: a member reads it once, keeps it, and later chunks carry
 * only its key (a member that has forgotten it says so, and gets it again); a function with state
 * travels with every chunk, and each chunk runs its own copy. Open-source Hazelcast has no
 * authentication and no TLS: whoever reaches a member's port can run code on it, so a cluster must
 * stay on a private network (see the package documentation).
 *
 * <h2>Context and deadlines</h2>
 * The caller's context travels with each chunk, as to a process pool's child JVMs (see
 * {@link Pool}'s "Context, deadlines and scopes"): the member installs the MDC, the serializable
 * values of the registered thread-locals and the deadline around the chunk and removes them after
 * it, so the member's log lines carry the caller's request id. A chunk still running when its
 * deadline passes is cancelled on its member (its thread there interrupted) and its inputs fail
 * with a {@link java.util.concurrent.TimeoutException}; one that reaches its member after the
 * deadline fails so without running. The deadline is a wall-clock instant: the members' clocks
 * are assumed roughly in sync with the caller's. {@code applyAsync}, {@code mapAsync} and
 * {@code imap} called inside a {@link dev.weft.core.TaskScope} are cancelled on their members when
 * it closes.
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-context}
 *
 * <h2>Seeing it run</h2>
 * As a process pool, a cluster pool records a {@code dev.weft.PoolChunk} JFR event per chunk
 * (backend {@code cluster}, worker the member's {@code host:port}, outcome {@code answered},
 * {@code lost}, {@code cancelled} or {@code failed}, the bytes sent and received) and a
 * {@code dev.weft.WorkerDied} when a member leaves the cluster (a member has no pid nor exit code:
 * both are -1, and {@code running} names the member and the chunks it held). {@link #stats()}
 * counts a chunk as running, its worker busy, from the moment it is sent to a member.
 *
 * <p>Compared with Python: {@code multiprocessing.Pool} stops at one machine, and
 * {@code multiprocessing.managers} shares objects, not work; the usual Python answers (Dask,
 * Ray) are separate frameworks with their own API. Compared with {@code java.util.concurrent}: it
 * is a distributed {@link java.util.concurrent.ExecutorService#invokeAll} that takes a function and
 * its inputs, chunks them, keeps input order and survives the loss of a member.
 *
 * @since 0.1
 */
public final class ClusterPool implements Pool {
    private final HazelcastPool pool;

    private ClusterPool(HazelcastPool pool) {
        this.pool = pool;
    }

    /**
     * Starts one member in this JVM, in a new cluster of its own, and returns a pool over it. The
     * member is alone for good: a generated name, bound to {@code 127.0.0.1} on a port the system
     * picks, and looking for no other member, so two embedded pools, or an embedded pool and
     * another cluster on the same host, never meet. It runs as many chunks at once as this machine
     * has processors.
     *
     * @return a new pool; {@link #close()} shuts its member down
     */
    public static ClusterPool embedded() {
        ClusterOptions options = HazelcastSetup.embeddedOptions();
        return owning(HazelcastSetup.startStandalone(options), options);
    }

    /**
     * Starts a member in this JVM that joins the cluster of {@code options} (or founds it, if no
     * member of that name is found at the listed addresses) and returns a pool over the whole
     * cluster; this member runs chunks too.
     *
     * @param options the cluster to join
     * @return a new pool; {@link #close()} shuts its member down
     * @throws NullPointerException if {@code options} is null
     */
    public static ClusterPool member(ClusterOptions options) {
        Objects.requireNonNull(options, "options");
        return owning(HazelcastSetup.startMember(options), options);
    }

    /**
     * Connects to the cluster of {@code options} as a Hazelcast client and returns a pool over its
     * members; nothing runs in this JVM.
     *
     * @param options the cluster to connect to
     * @return a new pool; {@link #close()} disconnects it and leaves the members running
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalStateException if no member is reached within
     *     {@link ClusterOptions#connectTimeout()}
     */
    public static ClusterPool client(ClusterOptions options) {
        Objects.requireNonNull(options, "options");
        return owning(HazelcastSetup.startClient(options), options);
    }

    private static ClusterPool owning(HazelcastInstance instance, ClusterOptions options) {
        try {
            return new ClusterPool(new HazelcastPool(instance, true, options.workersPerMember().orElse(0),
                    options.maxAttempts()));
        } catch (RuntimeException | Error e) {
            instance.getLifecycleService().terminate();
            throw e;
        }
    }

    /**
     * Returns a pool over a member or client that you configured and started yourself. The pool
     * never shuts it down. Each member counts as the workers it announced (members started by weft
     * do), else as many as this machine has processors; chunks run on the executor service named
     * {@code weft-pool}, which you may configure.
     *
     * @param instance a running member or client
     * @return a new pool
     * @throws NullPointerException if {@code instance} is null
     * @throws IllegalArgumentException if {@code instance} is not running
     */
    public static ClusterPool over(HazelcastInstance instance) {
        return over(instance, ClusterOptions.builder().build());
    }

    /**
     * As {@link #over(HazelcastInstance)}, taking {@link ClusterOptions#workersPerMember()} and
     * {@link ClusterOptions#maxAttempts()} from {@code options} (their other settings concern
     * starting an instance, and are ignored).
     *
     * @param instance a running member or client
     * @param options how many workers each member counts as, and how often a chunk may be resent
     * @return a new pool
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code instance} is not running
     */
    public static ClusterPool over(HazelcastInstance instance, ClusterOptions options) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
        if (!instance.getLifecycleService().isRunning()) {
            throw new IllegalArgumentException("the Hazelcast instance " + instance.getName() + " is not running");
        }
        return new ClusterPool(new HazelcastPool(instance, false, options.workersPerMember().orElse(0),
                options.maxAttempts()));
    }

    /**
     * Tells a function which member runs it, as Python's
     * {@code multiprocessing.current_process()} tells a worker its name.
     *
     * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=current-member}
     *
     * @return the member whose chunk the calling thread is running, or empty outside a chunk
     */
    public static Optional<Member> currentMember() {
        return CurrentMember.get();
    }

    /** {@return the Hazelcast member or client this pool sends its chunks through} */
    public HazelcastInstance instance() {
        return pool.instance();
    }

    /**
     * {@return the data members that take chunks now, in the order they were seen: not lite members,
     * nor members seen leaving}
     */
    public List<Member> members() {
        return pool.members();
    }

    /** {@return the workers of the members known now: what they run at once, summed; 0 with no member} */
    @Override
    public int workers() {
        return pool.workers();
    }

    @Override
    public boolean isIdle() {
        return pool.isIdle();
    }

    @Override
    public PoolStats stats() {
        return pool.stats();
    }

    @Override
    public <T, R> Job<T, R> job(SerializableFunction<? super T, ? extends R> fn) {
        return pool.job(fn);
    }

    /**
     * {@inheritDoc} The member or client the pool started is then shut down (gracefully); one
     * given to {@link #over(HazelcastInstance)} is left running.
     */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * {@inheritDoc} Chunks running on members are cancelled (their threads interrupted); the member
     * or client the pool started is terminated at once.
     */
    @Override
    public void terminate() {
        pool.terminate();
    }

    @Override
    public String toString() {
        return pool.toString();
    }
}
