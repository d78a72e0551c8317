package dev.weft.benchmarks.cluster;

import dev.weft.cluster.ClusterMember;
import dev.weft.cluster.ClusterOptions;
import dev.weft.cluster.ClusterPool;
import dev.weft.parallel.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cluster pool over {@code members} Hazelcast members in this JVM, each running
 * {@code workersPerMember} chunks at once: {@code members - 1} {@link ClusterMember}s and the
 * pool's own member.
 */
final class LocalCluster implements RunningBackend {
    private final Pool pool;
    private final List<ClusterMember> otherMembers;

    private LocalCluster(Pool pool, List<ClusterMember> otherMembers) {
        this.pool = pool;
        this.otherMembers = otherMembers;
    }

    /**
     * Starts the members and the pool.
     *
     * @param members how many members, at least 1
     * @param workersPerMember how many chunks each runs at once
     * @return the running cluster
     */
    static LocalCluster start(int members, int workersPerMember) {
        ClusterOptions options = ClusterOptions.builder()
                .clusterName("weft-bench-" + UUID.randomUUID().toString().substring(0, 8))
                .workersPerMember(workersPerMember)
                .property("hazelcast.wait.seconds.before.join", "0")
                .build();
        List<ClusterMember> others = new ArrayList<>();
        try {
            for (int i = 1; i < members; i++) {
                others.add(ClusterMember.start(options));
            }
            return new LocalCluster(ClusterPool.member(options), others);
        } catch (RuntimeException | Error e) {
            others.forEach(ClusterMember::close);
            throw e;
        }
    }

    @Override
    public Pool pool() {
        return pool;
    }

    /** Closes the pool (its member leaves) and shuts the other members down. */
    @Override
    public void close() {
        pool.close();
        otherMembers.forEach(ClusterMember::close);
    }
}
