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
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
 * <p>Hazelcast calls back on its own threads; chunks are reported on the {@code delivery} executor,
 * so that user code (progress listeners, dependent stages) never runs on a Hazelcast thread.
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
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ClusterChunk> queue = new ArrayDeque<>();
    private final SlotPolicy<UUID, Member, ClusterChunk> slots = new SlotPolicy<>();
    private UUID membershipRegistration;
    private UUID lifecycleRegistration;
    private boolean stopped;

    Dispatcher(HazelcastInstance instance, String executorName, ToIntFunction<Member> capacity, int maxAttempts,
            Executor delivery) {
        this.instance = instance;
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
        lock.lock();
        try {
            List<ClusterChunk> held = slots.remove(member.getUuid());
            if (held == null) {
                return;
            }
            for (ClusterChunk chunk : held) {
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
        List<Assignment> assignments = new ArrayList<>();
        List<ClusterChunk> dropped = new ArrayList<>();
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
                    dropped.add(chunk);
                    continue;
                }
                Member target = slots.assign(chunk);
                if (target == null) {
                    break;
                }
                queue.poll();
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
        Future<byte[]> future;
        try {
            future = executor.submitToMember(assignment.chunk().task(), assignment.member());
        } catch (RuntimeException e) {
            ended(assignment, null, e);
            return;
        }
        if (!(future instanceof CompletionStage<?> stage)) {
            future.cancel(true);
            ended(assignment, null, new IllegalStateException("Hazelcast returned a " + future.getClass().getName()
                    + ", not a CompletionStage: this Hazelcast version is not supported"));
            return;
        }
        lock.lock();
        try {
            if (assignment.chunk().isRunning(assignment.attempt())) {
                assignment.chunk().running(future);
            }
        } finally {
            lock.unlock();
        }
        if (stoppedNow() || assignment.chunk().isReported()) { // reported: stopped (deadline, scope) as it was sent
            future.cancel(true);
        }
        // Anything but bytes is no reply: the chunk's inputs fail saying so, and nothing waits for them.
        stage.whenComplete((reply, error) -> ended(assignment, reply instanceof byte[] bytes ? bytes : null, error));
    }

    private boolean stoppedNow() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Handles the end of an attempt: a reply, a lost member, a cancellation or another failure. */
    private void ended(Assignment assignment, byte[] reply, Throwable error) {
        ClusterChunk chunk = assignment.chunk();
        Throwable cause = unwrap(error);
        if (cause != null && isMemberLoss(cause)) {
            List<ClusterChunk> failed = new ArrayList<>(1);
            lock.lock();
            try {
                if (!chunk.isRunning(assignment.attempt())) {
                    return; // already handled when the member was seen to leave
                }
                // A member that is shutting down stays in the member list for a while; it must
                // not take the chunk again (and again), using up its attempts.
                slots.leaving(chunk.runningOn().getUuid());
                freePlace(chunk);
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
            deliver(() -> chunk.reportReply(reply, 0));
        } else if (cause instanceof CancellationException) {
            deliver(chunk::cancel);
        } else {
            deliver(() -> chunk.fail(cause));
        }
        pump();
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
