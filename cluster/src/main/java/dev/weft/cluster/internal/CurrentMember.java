package dev.weft.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.Optional;

/**
 * Which cluster member the current thread is running a chunk for: set by {@link ChunkTask} around
 * each run, read by {@code ClusterPool.currentMember()} from inside a function.
 */
public final class CurrentMember {
    private static final ThreadLocal<HazelcastInstance> RUNNING_ON = new ThreadLocal<>();

    private CurrentMember() {
    }

    /** {@return the member whose chunk the current thread is running, if any} */
    public static Optional<Member> get() {
        HazelcastInstance instance = RUNNING_ON.get();
        return instance == null ? Optional.empty() : Optional.of(instance.getCluster().getLocalMember());
    }

    /** {@return the instance whose chunk the current thread is running, or null} */
    static HazelcastInstance instance() {
        return RUNNING_ON.get();
    }

    static void set(HazelcastInstance instance) {
        RUNNING_ON.set(instance);
    }

    static void clear() {
        RUNNING_ON.remove();
    }
}
