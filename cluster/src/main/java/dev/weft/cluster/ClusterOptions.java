package dev.weft.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link ClusterPool} or a {@link ClusterMember} finds its cluster: the cluster's name, the
 * explicit list of member addresses, the address a member binds to, and how many tasks each member
 * runs at once. The defaults are safe on a laptop: a fresh cluster name, members looked for on
 * {@code 127.0.0.1} only, multicast and cloud discovery off.
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-options}
 *
 * <p>On the first machine, {@code ClusterPool.member(farm)} then makes this JVM one of the members.
 *
 * <p>Like {@link dev.weft.parallel.ProcessPoolOptions}, options are immutable and made by a builder
 * whose settings may each be given once. Python's {@code multiprocessing.managers.BaseManager}
 * takes an address and an {@code authkey} instead; open-source Hazelcast has no authentication,
 * which is why a cluster must stay on a private network (see the package documentation).
 *
 * @since 0.1
 */
public final class ClusterOptions {

    /** The first port a member tries, as Hazelcast's default; the next free one is taken. */
    public static final int DEFAULT_PORT = 5701;

    /** The address a member binds to, and where members are looked for, unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    private final String clusterName;
    private final List<String> members;
    private final String bindAddress;
    private final int port;
    private final Integer workersPerMember;
    private final int maxAttempts;
    private final Duration connectTimeout;
    private final Map<String, String> properties;

    private ClusterOptions(Builder builder) {
        this.clusterName = builder.clusterName != null ? builder.clusterName
                : "weft-" + UUID.randomUUID().toString().substring(0, 8);
        this.bindAddress = builder.bindAddress != null ? builder.bindAddress : LOOPBACK;
        this.members = builder.members != null ? builder.members : List.of(this.bindAddress);
        this.port = builder.port != null ? builder.port : DEFAULT_PORT;
        this.workersPerMember = builder.workersPerMember;
        this.maxAttempts = builder.maxAttempts != null ? builder.maxAttempts : 3;
        this.connectTimeout = builder.connectTimeout != null ? builder.connectTimeout : Duration.ofSeconds(30);
        this.properties = Map.copyOf(builder.properties);
    }

    /** {@return a builder with every setting at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the name of the cluster; members and clients of other names are refused} */
    public String clusterName() {
        return clusterName;
    }

    /** {@return the addresses ({@code host} or {@code host:port}) where members are looked for} */
    public List<String> members() {
        return members;
    }

    /** {@return the address a member started with these options binds to and announces} */
    public String bindAddress() {
        return bindAddress;
    }

    /** {@return the first port a member started with these options tries} */
    public int port() {
        return port;
    }

    /**
     * {@return how many tasks each member runs at once, when set; unset, a member started by weft
     * runs as many as it has processors and announces it, and a pool uses what each member
     * announces}
     */
    public java.util.OptionalInt workersPerMember() {
        return workersPerMember == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(workersPerMember);
    }

    /** {@return how many times a chunk may be started on members that then leave before it fails} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return how long a client keeps trying to reach the cluster before it gives up} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the Hazelcast properties set on top of weft's defaults} */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "ClusterOptions[clusterName=" + clusterName + ", members=" + members + ", bindAddress=" + bindAddress
                + ", port=" + port + ", workersPerMember=" + (workersPerMember == null ? "announced" : workersPerMember)
                + ", maxAttempts=" + maxAttempts + ", connectTimeout=" + connectTimeout + ", properties=" + properties + "]";
    }

    /**
     * Builds {@link ClusterOptions}; each setting may be given once, and {@link #build()} may be
     * called many times.
     *
     * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-options-builder}
     *
     * @since 0.1
     */
    public static final class Builder {
        private String clusterName;
        private List<String> members;
        private String bindAddress;
        private Integer port;
        private Integer workersPerMember;
        private Integer maxAttempts;
        private Duration connectTimeout;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        private static void once(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private static String nonBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.strip();
        }

        /**
         * Sets the cluster's name: members and clients only join a cluster of the same name, so two
         * pools on one network never mix. Default: {@code weft-} and 8 random hex digits, a new
         * cluster for every {@code build()}.
         *
         * @param clusterName the name
         * @return this builder
         * @throws NullPointerException if {@code clusterName} is null
         * @throws IllegalArgumentException if it is blank
         * @throws IllegalStateException if already set
         */
        public Builder clusterName(String clusterName) {
            String name = nonBlank(clusterName, "clusterName");
            once(this.clusterName, "clusterName");
            this.clusterName = name;
            return this;
        }

        /**
         * Sets the addresses where members are looked for (Hazelcast's TCP-IP join; multicast is
         * never used): {@code "10.0.0.5"} tries the first ports from {@link #port(int)},
         * {@code "10.0.0.5:5702"} that port only. Default: the {@linkplain #bindAddress bind
         * address} alone.
         *
         * @param members the addresses, copied
         * @return this builder
         * @throws NullPointerException if {@code members} or one of them is null
         * @throws IllegalArgumentException if it is empty or an address is blank
         * @throws IllegalStateException if already set
         */
        public Builder members(List<String> members) {
            Objects.requireNonNull(members, "members");
            if (members.isEmpty()) {
                throw new IllegalArgumentException("members must not be empty");
            }
            List<String> copy = members.stream().map(m -> nonBlank(m, "member address")).toList();
            once(this.members, "members");
            this.members = copy;
            return this;
        }

        /**
         * Sets the address (an IP of this machine) that a member started with these options binds
         * to and announces to the others; it binds to no other interface. Default:
         * {@value ClusterOptions#LOOPBACK}, so that nothing outside this machine can reach it.
         *
         * @param bindAddress the IP address
         * @return this builder
         * @throws NullPointerException if {@code bindAddress} is null
         * @throws IllegalArgumentException if it is blank
         * @throws IllegalStateException if already set
         */
        public Builder bindAddress(String bindAddress) {
            String address = nonBlank(bindAddress, "bindAddress");
            once(this.bindAddress, "bindAddress");
            this.bindAddress = address;
            return this;
        }

        /**
         * Sets the first port a member tries; if it is taken, the next free one is used. Default:
         * {@value ClusterOptions#DEFAULT_PORT}.
         *
         * @param port the port, 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder port(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 1..65535: " + port);
            }
            once(this.port, "port");
            this.port = port;
            return this;
        }

        /**
         * Sets how many tasks (chunks) each member runs at once. A member started with these
         * options sizes its executor so and announces it; a pool counts every member as that many
         * workers. Default: a member runs as many as it has processors, and a pool counts each
         * member as many as it announced (as many as this machine has processors for members that
         * announce nothing).
         *
         * @param workersPerMember the number, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         * @throws IllegalStateException if already set
         */
        public Builder workersPerMember(int workersPerMember) {
            if (workersPerMember < 1) {
                throw new IllegalArgumentException("workersPerMember must be at least 1: " + workersPerMember);
            }
            once(this.workersPerMember, "workersPerMember");
            this.workersPerMember = workersPerMember;
            return this;
        }

        /**
         * Sets how many times a pool starts a chunk on members that leave before reporting it,
         * before the chunk fails with a {@link MemberLostException} (a function that kills every
         * member it runs on must not take the whole cluster down). Default: 3.
         *
         * @param maxAttempts the number, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         * @throws IllegalStateException if already set
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            once(this.maxAttempts, "maxAttempts");
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets how long a client pool tries to reach the cluster before
         * {@link ClusterPool#client(ClusterOptions)} fails. Default: 30 seconds.
         *
         * @param connectTimeout the time, positive
         * @return this builder
         * @throws NullPointerException if {@code connectTimeout} is null
         * @throws IllegalArgumentException if zero or negative
         * @throws IllegalStateException if already set
         */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isZero() || connectTimeout.isNegative()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            once(this.connectTimeout, "connectTimeout");
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets a Hazelcast property on the members and clients started with these options, on top
         * of weft's defaults (for example {@code hazelcast.max.no.heartbeat.seconds}, how soon a
         * silent member is declared dead, 60 by default).
         *
         * @param name the property's name
         * @param value its value
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code name} is blank
         * @throws IllegalStateException if that property was already set
         */
        public Builder property(String name, String value) {
            String key = nonBlank(name, "name");
            Objects.requireNonNull(value, "value");
            once(properties.get(key), "property " + key);
            properties.put(key, value);
            return this;
        }

        /** {@return the options as set so far, the rest at their defaults} */
        public ClusterOptions build() {
            return new ClusterOptions(this);
        }
    }
}
