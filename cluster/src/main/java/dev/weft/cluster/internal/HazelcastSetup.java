package dev.weft.cluster.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.weft.cluster.ClusterOptions;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns {@link ClusterOptions} into Hazelcast member and client configurations with weft's safe
 * defaults: TCP-IP join on an explicit member list, multicast and auto-detection off, a member
 * bound to one interface only (loopback unless told otherwise), no phone-home, logging through
 * SLF4J, and the executor that runs chunks sized to the member's workers.
 */
public final class HazelcastSetup {

    /** The name of the executor service that runs chunks on each member. */
    public static final String EXECUTOR_NAME = "weft-pool";

    /** The member attribute in which a member started by weft announces how many chunks it runs at once. */
    public static final String WORKERS_ATTRIBUTE = "weft.workers";

    private static final AtomicLong INSTANCE_COUNTER = new AtomicLong();

    private HazelcastSetup() {
    }

    /** {@return how many chunks {@code member} runs at once, as it announced, else this machine's processors} */
    static int announcedWorkers(Member member) {
        String announced = member.getAttribute(WORKERS_ATTRIBUTE);
        if (announced != null) {
            try {
                return Math.max(1, Integer.parseInt(announced));
            } catch (NumberFormatException e) {
                // a foreign value: fall through to the default
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@return how many chunks a member started with {@code options} runs at once} */
    public static int memberWorkers(ClusterOptions options) {
        return options.workersPerMember().orElse(Runtime.getRuntime().availableProcessors());
    }

    /** {@return the configuration of a member started with {@code options}} */
    public static Config memberConfig(ClusterOptions options) {
        Config config = new Config();
        config.setClusterName(options.clusterName());
        config.setInstanceName("weft.member-" + INSTANCE_COUNTER.incrementAndGet() + "-" + options.clusterName());
        defaults(config);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(options.port()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface(options.bindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(options.members());
        int workers = memberWorkers(options);
        config.addExecutorConfig(new ExecutorConfig(EXECUTOR_NAME).setPoolSize(workers).setStatisticsEnabled(false));
        config.getMemberAttributeConfig().setAttribute(WORKERS_ATTRIBUTE, Integer.toString(workers));
        options.properties().forEach(config::setProperty);
        return config;
    }

    /**
     * {@return the options of {@link dev.weft.cluster.ClusterPool#embedded()}} A name no other
     * cluster has ({@code weft-embedded-} and a random UUID), on {@code 127.0.0.1}, with no wait
     * before the member founds its cluster: it never looks for others.
     */
    public static ClusterOptions embeddedOptions() {
        return ClusterOptions.builder()
                .clusterName("weft-embedded-" + UUID.randomUUID())
                .property("hazelcast.wait.seconds.before.join", "0")
                .build();
    }

    /**
     * {@return the configuration of a standalone member} As {@link #memberConfig}, except that it
     * never meets another cluster on the same host: every join mechanism is off (no multicast, no
     * TCP-IP member list, no auto-detection), so it neither probes Hazelcast's ports nor answers to
     * a member list that names them, and it binds an ephemeral port (the system's choice) instead
     * of 5701 and up, where other clusters of this host look for their members.
     */
    public static Config standaloneConfig(ClusterOptions options) {
        Config config = memberConfig(options);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(0).setPortAutoIncrement(false);
        JoinConfig join = network.getJoin();
        join.getTcpIpConfig().setEnabled(false).clear();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        return config;
    }

    /** {@return a new standalone member started with {@code options}: a cluster of one} */
    public static HazelcastInstance startStandalone(ClusterOptions options) {
        return Hazelcast.newHazelcastInstance(standaloneConfig(options));
    }

    private static void defaults(Config config) {
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getJetConfig().setEnabled(false);
    }

    /** {@return the configuration of a client started with {@code options}} */
    public static ClientConfig clientConfig(ClusterOptions options) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(options.clusterName());
        config.setInstanceName("weft.client-" + INSTANCE_COUNTER.incrementAndGet() + "-" + options.clusterName());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(options.members());
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(options.connectTimeout().toMillis());
        options.properties().forEach(config::setProperty);
        return config;
    }

    /** {@return a new member started with {@code options}; it has joined its cluster when this returns} */
    public static HazelcastInstance startMember(ClusterOptions options) {
        return Hazelcast.newHazelcastInstance(memberConfig(options));
    }

    /**
     * {@return a new client connected to the cluster of {@code options}}
     *
     * @throws IllegalStateException if the cluster cannot be reached within the connect timeout
     */
    public static HazelcastInstance startClient(ClusterOptions options) {
        try {
            return HazelcastClient.newHazelcastClient(clientConfig(options));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot reach cluster '" + options.clusterName() + "' at " + options.members()
                    + " within " + options.connectTimeout() + ": " + e.getMessage(), e);
        }
    }
}
