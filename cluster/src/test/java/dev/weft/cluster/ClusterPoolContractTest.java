package dev.weft.cluster;

import dev.weft.parallel.Pool;
import dev.weft.parallel.contract.PoolContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link Pool} contract (parallel's {@link PoolContractTest}, unchanged) on a {@link
 * ClusterPool}. One member, started once for the class, serves a fresh pool per test through
 * {@link ClusterPool#over(com.hazelcast.core.HazelcastInstance, ClusterOptions)}, counted as the
 * workers the suite asks for: starting a member per test would cost seconds each.
 */
class ClusterPoolContractTest extends PoolContractTest {
    private static ClusterMember member;

    @BeforeAll
    static void startMember() {
        // More executor threads than any pool counts, so that the chunks a terminated test left
        // running (interrupted, ending) never delay the next test.
        member = ClusterMember.start(TestClusters.options().workersPerMember(8).build());
    }

    @AfterAll
    static void stopMember() {
        member.close();
        TestClusters.assertNoHazelcastThreadLeft();
    }

    @Override
    protected Pool newPool(int workers) {
        return ClusterPool.over(member.instance(), ClusterOptions.builder().workersPerMember(workers).build());
    }
}
