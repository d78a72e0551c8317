package dev.weft.cluster.internal;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.weft.cluster.MemberLostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chunks to the members of a cluster and takes their replies: a queue of chunks waiting for
 * a member, and a {@link SlotPolicy} that says which member takes the next one (at most
 * {@code 2 × its workers} at a time, the member with the most free places first, so every member
 * takes part and a slow member gets less). When a member leaves, the chunks
 * it had not replied for go back to the head of the queue; a reply that arrives anyway still
 * counts, and a chunk reports once. A member that fails a chunk as a leaving member does (it is
 * shutting down, or gone) gets no more work, even before the cluster drops it from its list.
 *
 * <p>Hazelcast calls back on its own threads, which must not send; a chunk's end is handled on the
 * {@code delivery} executor, so that user code (progress listeners, dependent stages) never runs
 * on a Hazelcast thread, or by the caller that waits for that chunk ({@link #help}): it takes the
 * member's reply from its future and reports on its own thread, as a raw
 * {@code IExecutorService.submit(...).get()} would, without the hop through the delivery thread;
 * a reply that arrives before that caller comes to wait is still the caller's if it comes before
 * the delivery thread takes it ({@link Sending}). The end is heard on the member's invocation
 * future ({@link EndSignal}), so that Hazelcast starts no thread for weft's listener. Each chunk
 * is counted running ({@code Pool.stats()}) from its first sending to a member, and recorded in
 * JFR ({@link ClusterObserver}).
 */
final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private record Assignment(ClusterChunk chunk, Member member, int attempt) {
    }

    private final HazelcastInstance instance;
    private final IExecutorService executor;
    private final ToIntFunction<Member> capacity;
    private final int maxAttempts;
    private final Executor delivery;
    private final ClusterObserver observer;
    /** The functions each member was sent the bytes of: their chunks go without the bytes. */
    private final ConcurrentHashMap<UUID, Set<String>> functionsKnown = new ConcurrentHashMap<>();
    private final FunctionShipments shipments = new FunctionShipments();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ClusterChunk> queue = new ArrayDeque<>();
    private final SlotPolicy<UUID, Member, ClusterChunk> slots = new SlotPolicy<>();
    private UUID membershipRegistration;
    private UUID lifecycleRegistration;
    private boolean stopped;

    Dispatcher(HazelcastInstance instance, String executorName, ToIntFunction<Member> capacity, int maxAttempts,
            Executor delivery, ClusterObserver observer) {
        this.instance = instance;
        this.observer = observer;
        this.executor = instance.getExecutorService(executorName);
        this.capacity = capacity;
        this.maxAttempts = maxAttempts;
        this.delivery = delivery;
    }

    /** Starts following the cluster's members. */
    void start() {
        membershipRegistration = instance.getCluster().addMembershipListener(new InitialMembershipListener() {
            @Override
            public void init(InitialMembershipEvent event) {
                event.getMembers().forEach(Dispatcher.this::memberAdded);
            }

            @Override
            public void memberAdded(MembershipEvent event) {
                Dispatcher.this.memberAdded(event.getMember());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                Dispatcher.this.memberRemoved(event.getMember());
            }
        });
        lifecycleRegistration = instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
                instanceStopping();
            }
        });
    }

    /** {@return the workers of the members known now: the sum of their capacities} */
    int capacity() {
        lock.lock();
        try {
            return slots.workers();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the data members that take work now, in the order they were seen} */
    List<Member> members() {
        lock.lock();
        try {
            return slots.members();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a chunk; it is sent as soon as a member has a free place. Once the dispatcher has
     * stopped (the pool's instance shut down under it), the chunk fails at once: it was counted in,
     * so it must report.
     */
    void submit(ClusterChunk chunk) {
        boolean refused;
        lock.lock();
        try {
            refused = stopped;
            if (!refused) {
                queue.add(chunk);
            }
        } finally {
            lock.unlock();
        }
        if (refused) {
            deliver(() -> chunk.fail(new MemberLostException("the pool's Hazelcast instance has shut down: inputs #"
                    + chunk.firstIndex() + ".." + (chunk.firstIndex() + chunk.size() - 1) + " cannot be sent",
                    List.of(), null)));
            return;
        }
        pump();
    }

    private void memberAdded(Member member) {
        if (member.isLiteMember()) {
            return;
        }
        lock.lock();
        try {
            if (stopped || !slots.add(member.getUuid(), member, capacity.applyAsInt(member))) {
                return;
            }
        } finally {
            lock.unlock();
        }
        log.debug("Member {} joined the pool's cluster", member);
        pump();
    }

    private void memberRemoved(Member member) {
        List<ClusterChunk> failed = new ArrayList<>();
        SlotPolicy.Departure<ClusterChunk> departure;
        functionsKnown.remove(member.getUuid());
        shipments.left(member.getUuid());
        lock.lock();
        try {
            departure = slots.remove(member.getUuid());
            if (departure == null) {
                return;
            }
            // Recorded before any of its chunks can be sent again: each event is its attempt's.
            observer.memberLeft(member, departure);
            for (ClusterChunk chunk : departure.held()) {
                chunk.lose();
                requeueOrFail(chunk, failed);
            }
        } finally {
            lock.unlock();
        }
        log.info("Member {} left the pool's cluster; its unfinished chunks go to the other members", member);
        failLost(failed, null);
        pump();
    }

    /** Puts a lost chunk back at the head of the queue, or into {@code failed} if it ran out of attempts. */
    private void requeueOrFail(ClusterChunk chunk, List<ClusterChunk> failed) {
        if (chunk.isReported()) {
            return;
        }
        if (chunk.attempts() >= maxAttempts || stopped) {
            failed.add(chunk);
        } else {
            queue.addFirst(chunk);
        }
    }

    private void failLost(List<ClusterChunk> chunks, Throwable cause) {
        for (ClusterChunk chunk : chunks) {
            MemberLostException lost = new MemberLostException("inputs #" + chunk.firstIndex() + ".."
                    + (chunk.firstIndex() + chunk.size() - 1) + " were started " + chunk.attempts()
                    + " time(s) on members that left before replying: " + chunk.lostOn(), chunk.lostOn(), cause);
            deliver(() -> chunk.fail(lost));
        }
    }

    /** Sends queued chunks to the members with free places. */
    private void pump() {
        List<Assignment> assignments = List.of();
        List<ClusterChunk> dropped = List.of();
        lock.lock();
        try {
            while (!stopped && !queue.isEmpty()) {
                ClusterChunk chunk = queue.peek();
                if (chunk.isReported()) {
                    queue.poll();
                    continue;
                }
                if (chunk.isAbandoned()) {
                    queue.poll();
                    if (dropped.isEmpty()) {
                        dropped = new ArrayList<>();
                    }
                    dropped.add(chunk);
                    continue;
                }
                Member target = slots.assign(chunk);
                if (target == null) {
                    break;
                }
                queue.poll();
                if (assignments.isEmpty()) {
                    assignments = new ArrayList<>();
                }
                assignments.add(new Assignment(chunk, target, chunk.start(target)));
            }
        } finally {
            lock.unlock();
        }
        for (ClusterChunk chunk : dropped) {
            deliver(chunk::cancel);
        }
        for (Assignment assignment : assignments) {
            send(assignment);
        }
    }

    private void send(Assignment assignment) {
        ChunkTask task = assignment.chunk().task();
        Set<String> known = functionsKnown.get(assignment.member().getUuid());
        send(assignment, known != null && known.contains(task.functionKey()) ? assignment.chunk().keyOnlyTask() : task);
    }

    /**
     * Sends {@code task}, the chunk's task with or without its function's bytes, to the assigned
     * member. Once the bytes are on their way, the member counts as having them: the chunks after
     * go by key (one that overtakes the bytes is answered "missing" and resent with them).
     */
    private void send(Assignment assignment, ChunkTask task) {
        if (task == assignment.chunk().task()) {
            shipments.shipped(assignment.member().getUuid());
            if (task.keepable()) {
                remember(assignment.member().getUuid(), task.functionKey());
            }
        }
        assignment.chunk().started();
        observer.chunkSent(assignment.chunk(), assignment.attempt(), assignment.member(), task.size());
        Future<byte[]> future;
        try {
            future = executor.submitToMember(task, assignment.member());
        } catch (RuntimeException e) {
            ended(assignment, task, null, e, this::deliver);
            return;
        }
        CompletionStage<?> signal = EndSignal.of(future);
        if (signal == null) {
            future.cancel(true);
            ended(assignment, task, null, new IllegalStateException("Hazelcast returned a " + future.getClass().getName()
                    + ", not a CompletionStage: this Hazelcast version is not supported"), this::deliver);
            return;
        }
        Sending sending = new Sending(task, future, signal, this::deliver,
                end -> ended(assignment, task, reply(end.reply()), end.error(), Runnable::run));
        boolean stoppedNow;
        lock.lock();
        try {
            stoppedNow = stopped;
            if (assignment.chunk().isRunning(assignment.attempt())) {
                assignment.chunk().running(sending);
            }
        } finally {
            lock.unlock();
        }
        if (stoppedNow || assignment.chunk().isReported()) { // reported: stopped (deadline, scope) as it was sent
            future.cancel(true);
        }
        // On the thread that completes the future (a Hazelcast thread, which must not send): it
        // usually finds the caller handling the end; else it hands the end to the delivery thread.
        sending.listen();
    }

    /** Anything but bytes is no reply: the chunk's inputs fail saying so, and nothing waits for them. */
    private static byte[] reply(Object reply) {
        return reply instanceof byte[] bytes ? bytes : null;
    }

    /**
     * The caller is about to wait for {@code chunks}: it waits for each one's member itself, in
     * order (or takes a reply that has arrived already), and reports it on its own thread, saving
     * the hop through the delivery thread. It stops helping at a chunk not sent yet (queued), one
     * whose end another thread handles, or when interrupted (the interrupt is kept: the caller's
     * wait then throws it).
     */
    void help(List<ClusterChunk> chunks) {
        for (ClusterChunk chunk : chunks) {
            if (!help(chunk)) {
                return;
            }
        }
    }

    private boolean help(ClusterChunk chunk) {
        while (!chunk.isReported()) {
            Assignment assignment;
            Sending sending;
            lock.lock();
            try {
                sending = chunk.sending();
                assignment = sending == null ? null : new Assignment(chunk, chunk.runningOn(), chunk.attempts());
            } finally {
                lock.unlock();
            }
            if (sending == null || Thread.currentThread().isInterrupted() || !sending.help()) {
                return false;
            }
            Sending.End end = sending.awaitEnd();
            if (end == null) {
                return false; // interrupted: the end went back to the delivery thread, the interrupt is kept
            }
            ended(assignment, sending.task(), reply(end.reply()), end.error(), Runnable::run);
        }
        return true;
    }

    /**
     * Handles the end of an attempt: a reply, a lost member, a cancellation or another failure;
     * or the member's word that it does not have the function ({@link FunctionCache#MISSING}),
     * to which the task goes again to the same member, with the function's bytes. The member
     * still counts as having them: the resend carries them, and a chunk sent by key meanwhile
     * that overtakes it is answered "missing" in turn. (Forgetting the key here made a chunk sent
     * at that moment carry the bytes as well: two shipments for one "missing".)
     */
    private void ended(Assignment assignment, ChunkTask task, byte[] reply, Throwable error, Executor reporter) {
        ClusterChunk chunk = assignment.chunk();
        Throwable cause = unwrap(error);
        if (cause == null && reply != null && reply.length == 0 && task != chunk.task()) {
            shipments.missing(assignment.member().getUuid());
            if (resendable(assignment)) {
                send(assignment, chunk.task());
                return;
            }
        }
        if (cause != null && isMemberLoss(cause)) {
            List<ClusterChunk> failed = new ArrayList<>(1);
            lock.lock();
            try {
                if (!chunk.isRunning(assignment.attempt())) {
                    return; // already handled when the member was seen to leave
                }
                // Recorded before the chunk can be sent again: the event is this attempt's.
                observer.chunkEnded(chunk, assignment.attempt(), "lost", 0);
                // A member that is shutting down stays in the member list for a while; it must
                // not take the chunk again (and again), using up its attempts. Its departure will
                // name this chunk among what it was running.
                slots.lost(chunk.runningOn().getUuid(), chunk);
                chunk.lose();
                requeueOrFail(chunk, failed);
            } finally {
                lock.unlock();
            }
            log.debug("Chunk {} lost member {}: {}", chunk, assignment.member(), cause.toString());
            failLost(failed, cause);
            pump();
            return;
        }
        lock.lock();
        try {
            if (chunk.isRunning(assignment.attempt())) {
                freePlace(chunk);
                chunk.stop();
            }
        } finally {
            lock.unlock();
        }
        if (cause == null) {
            observer.chunkEnded(chunk, assignment.attempt(), "answered", reply == null ? 0 : reply.length);
            reporter.execute(() -> chunk.reportReply(reply, 0));
        } else if (cause instanceof CancellationException) {
            observer.chunkEnded(chunk, assignment.attempt(), "cancelled", 0);
            reporter.execute(chunk::cancel);
        } else {
            observer.chunkEnded(chunk, assignment.attempt(), "failed", 0);
            reporter.execute(() -> chunk.fail(cause));
        }
        pump();
    }

    /** {@return true if the assignment's attempt still runs and should be resent: not reported, not stopped} */
    private boolean resendable(Assignment assignment) {
        lock.lock();
        try {
            return !stopped && assignment.chunk().isRunning(assignment.attempt()) && !assignment.chunk().isReported();
        } finally {
            lock.unlock();
        }
    }

    /** {@code member} was sent the function of {@code key}: later chunks go without it. */
    private void remember(UUID member, String key) {
        Set<String> known = functionsKnown.computeIfAbsent(member, ignored -> ConcurrentHashMap.newKeySet());
        if (known.size() >= FunctionCache.MAX) {
            known.clear(); // the member keeps no more than that: resending beats asking in vain
        }
        known.add(key);
    }

    /**
     * The job of a function with state has ended: the members that were sent its bytes forget
     * them (told without waiting; a member that misses it forgets them when its cache is full).
     */
    void forget(String key) {
        List<UUID> told = new ArrayList<>();
        functionsKnown.forEach((member, known) -> {
            if (known.remove(key)) {
                told.add(member);
            }
        });
        if (told.isEmpty()) {
            return;
        }
        try {
            for (Member member : instance.getCluster().getMembers()) {
                if (!told.contains(member.getUuid())) {
                    continue;
                }
                if (member.localMember()) {
                    new ForgetFunction(key).run(); // here: no need for a message
                } else {
                    executor.executeOnMember(new ForgetFunction(key), member);
                }
            }
        } catch (RuntimeException e) { // the member or our instance has gone: nothing to forget there
            log.debug("Telling members to forget a function failed", e);
        }
    }

    /** {@return how often this pool sent functions to each member} */
    FunctionShipments shipments() {
        return shipments;
    }

    /** Reports on the delivery thread; once it has stopped (the pool has ended), here and now. */
    private void deliver(Runnable report) {
        try {
            delivery.execute(report);
        } catch (RejectedExecutionException e) {
            report.run();
        }
    }

    private void freePlace(ClusterChunk chunk) {
        slots.free(chunk.runningOn().getUuid(), chunk);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isMemberLoss(Throwable error) {
        return error instanceof MemberLeftException
                || error instanceof TargetNotMemberException
                || error instanceof TargetDisconnectedException
                || error instanceof HazelcastInstanceNotActiveException
                || error instanceof RejectedExecutionException;
    }

    /**
     * Cancels {@code chunk} on its member if it runs there, interrupting its thread: it was
     * reported already (its caller's deadline passed, or its scope closed). A chunk being sent is
     * cancelled as soon as it is ({@link #send}); a queued one is skipped.
     */
    void cancelRunning(ClusterChunk chunk) {
        Future<byte[]> future;
        lock.lock();
        try {
            future = chunk.future();
        } finally {
            lock.unlock();
        }
        if (future != null) {
            try {
                future.cancel(true);
            } catch (RuntimeException e) {
                log.debug("Cancelling chunk {} on its member failed", chunk, e);
            }
        }
    }

    /** Our own instance is going away while work is pending: fail what cannot be sent any more. */
    private void instanceStopping() {
        List<ClusterChunk> lost = new ArrayList<>();
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            lost.addAll(queue);
            queue.clear();
            for (ClusterChunk chunk : slots.releaseAll()) {
                chunk.lose();
                lost.add(chunk);
            }
            slots.clear();
        } finally {
            lock.unlock();
        }
        if (!lost.isEmpty()) {
            log.warn("The pool's Hazelcast instance is shutting down under it; {} chunk(s) fail", lost.size());
        }
        failLost(lost, new IllegalStateException("the pool's Hazelcast instance shut down"));
    }

    /**
     * Stops sending; with {@code cancelRunning}, cancels the chunks in flight on the members and
     * reports them, and the queued ones, cancelled. Returns the chunks that were cancelled.
     */
    void stop(boolean cancelRunning) {
        List<ClusterChunk> cancelled = new ArrayList<>();
        List<Future<byte[]>> futures = new ArrayList<>();
        lock.lock();
        try {
            stopped = true;
            cancelled.addAll(queue);
            queue.clear();
            if (cancelRunning) {
                for (ClusterChunk chunk : slots.releaseAll()) {
                    if (chunk.future() != null) {
                        futures.add(chunk.future());
                    }
                    chunk.stop();
                    cancelled.add(chunk);
                }
            }
        } finally {
            lock.unlock();
        }
        deregister();
        for (Future<byte[]> future : futures) {
            try {
                future.cancel(true);
            } catch (RuntimeException e) {
                log.debug("Cancelling a chunk on a member failed", e);
            }
        }
        for (ClusterChunk chunk : cancelled) {
            chunk.cancel();
        }
    }

    private void deregister() {
        try {
            if (membershipRegistration != null) {
                instance.getCluster().removeMembershipListener(membershipRegistration);
            }
            if (lifecycleRegistration != null) {
                instance.getLifecycleService().removeLifecycleListener(lifecycleRegistration);
            }
        } catch (HazelcastInstanceNotActiveException e) {
            log.debug("The instance was already stopped", e);
        }
    }
}
