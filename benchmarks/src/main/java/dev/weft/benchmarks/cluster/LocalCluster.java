package dev.weft.benchmarks.cluster;

import dev.weft.parallel.Pool;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cluster pool over {@code members} Hazelcast members in this JVM, each running
 * {@code workersPerMember} chunks at once: {@code members - 1} {@code ClusterMember}s and the
 * pool's own member.
 *
 * <p>It reaches weft-cluster reflectively because {@code benchmarks/pom.xml} does not depend on
 * {@code weft-cluster} yet (that file has another owner): the benchmarks compile without it and
 * this class says so at run time. With the dependency, {@link #start} is these direct calls:
 *
 * <pre>{@code
 * ClusterOptions options = ClusterOptions.builder().clusterName(name)
 *         .workersPerMember(workersPerMember).property("hazelcast.wait.seconds.before.join", "0").build();
 * ClusterMember other = ClusterMember.start(options);
 * Pool pool = ClusterPool.member(options);
 * }</pre>
 */
final class LocalCluster implements RunningBackend {
    private final Pool pool;
    private final List<AutoCloseable> otherMembers;

    private LocalCluster(Pool pool, List<AutoCloseable> otherMembers) {
        this.pool = pool;
        this.otherMembers = otherMembers;
    }

    /**
     * Starts the members and the pool.
     *
     * @param members how many members, at least 1
     * @param workersPerMember how many chunks each runs at once
     * @return the running cluster
     * @throws IllegalStateException if weft-cluster is not on the class path
     */
    static LocalCluster start(int members, int workersPerMember) {
        try {
            Class<?> optionsClass = Class.forName("dev.weft.cluster.ClusterOptions");
            Object builder = optionsClass.getMethod("builder").invoke(null);
            Class<?> builderClass = builder.getClass();
            builderClass.getMethod("clusterName", String.class)
                    .invoke(builder, "weft-bench-" + UUID.randomUUID().toString().substring(0, 8));
            builderClass.getMethod("workersPerMember", int.class).invoke(builder, workersPerMember);
            builderClass.getMethod("property", String.class, String.class)
                    .invoke(builder, "hazelcast.wait.seconds.before.join", "0");
            Object options = builderClass.getMethod("build").invoke(builder);
            Method startMember = Class.forName("dev.weft.cluster.ClusterMember").getMethod("start", optionsClass);
            List<AutoCloseable> others = new ArrayList<>();
            for (int i = 1; i < members; i++) {
                others.add((AutoCloseable) startMember.invoke(null, options));
            }
            Pool pool = (Pool) Class.forName("dev.weft.cluster.ClusterPool").getMethod("member", optionsClass)
                    .invoke(null, options);
            return new LocalCluster(pool, others);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("weft-cluster is not on the class path: add dev.weft:weft-cluster to"
                    + " benchmarks/pom.xml, or run with it on -cp", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("starting the cluster failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("weft-cluster's API is not what this benchmark expects", e);
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
        for (AutoCloseable member : otherMembers) {
            try {
                member.close();
            } catch (Exception e) {
                throw new IllegalStateException("a member failed to shut down", e);
            }
        }
    }
}
