package dev.weft.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.weft.cluster.internal.HazelcastSetup;
import dev.weft.cluster.internal.MemberCommandLine;
import dev.weft.core.ThreadKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker node of a weft cluster: a Hazelcast member configured as {@link ClusterPool} expects
 * (safe network defaults, an executor sized to its workers, its workers announced to the pools),
 * that runs chunks for the pools of its cluster. Start it in a JVM, or from the command line on
 * each machine; the application's classes must be on its class path.
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-member}
 *
 * <p>Python's nearest counterpart is a {@code multiprocessing.managers.BaseManager} server started
 * with {@code serve_forever()}; in Java it is the worker side of an RMI or JPPF grid.
 *
 * @since 0.1
 */
public final class ClusterMember implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterMember.class);

    private final HazelcastInstance instance;
    private final CountDownLatch shutDown = new CountDownLatch(1);

    private ClusterMember(HazelcastInstance instance) {
        this.instance = instance;
        instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                shutDown.countDown();
            }
        });
        if (!instance.getLifecycleService().isRunning()) {
            shutDown.countDown();
        }
    }

    /**
     * Starts a member that joins the cluster of {@code options} (or founds it); it has joined when
     * this returns.
     *
     * @param options the cluster, the address to bind to, the workers
     * @return the running member
     * @throws NullPointerException if {@code options} is null
     */
    public static ClusterMember start(ClusterOptions options) {
        Objects.requireNonNull(options, "options");
        return new ClusterMember(HazelcastSetup.startMember(options));
    }

    /**
     * Runs a member until it is shut down (by a signal, or by its standard input closing when
     * {@code --stop-on-stdin-close} is given). Arguments: {@code --cluster-name NAME} (required),
     * {@code --members HOST[:PORT],...}, {@code --bind IP}, {@code --port N}, {@code --workers N},
     * {@code --property NAME=VALUE} (repeatable), {@code --stop-on-stdin-close}.
     *
     * @param args the arguments
     * @throws InterruptedException if interrupted while running
     * @throws IllegalArgumentException if the arguments are wrong
     */
    public static void main(String[] args) throws InterruptedException {
        MemberCommandLine commandLine = MemberCommandLine.parse(args);
        try (ClusterMember member = start(commandLine.options())) {
            log.info("weft cluster member {} running in cluster '{}'", member.address(),
                    commandLine.options().clusterName());
            if (commandLine.stopOnStdinClose()) {
                ThreadKind.PLATFORM.newThread("weft-cluster-stdin-watch", () -> {
                    drain(System.in);
                    log.info("Standard input closed: member {} shuts down", member.address());
                    member.instance().shutdown();
                }).start();
            }
            member.awaitShutdown();
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // discard: only the end of the stream matters
            }
        } catch (IOException e) {
            log.debug("Standard input failed; treated as closed", e);
        }
    }

    /** {@return the Hazelcast member itself} */
    public HazelcastInstance instance() {
        return instance;
    }

    /** {@return the address other members and clients reach this member at, as {@code host:port}} */
    public String address() {
        Address address = instance.getCluster().getLocalMember().getAddress();
        return address.getHost() + ":" + address.getPort();
    }

    /** {@return true until the member is shut down or terminated} */
    public boolean isRunning() {
        return instance.getLifecycleService().isRunning();
    }

    /**
     * Waits until the member is shut down, by {@link #close()}, {@link #terminate()} or a signal.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public void awaitShutdown() throws InterruptedException {
        shutDown.await();
    }

    /**
     * Leaves the cluster gracefully: the chunks this member runs are lost to their pools, which
     * send them to other members. Does nothing if already shut down.
     */
    @Override
    public void close() {
        instance.shutdown();
    }

    /** Stops the member at once, as if its machine had died; does nothing if already stopped. */
    public void terminate() {
        instance.getLifecycleService().terminate();
    }

    @Override
    public String toString() {
        return "ClusterMember[" + instance.getName() + (isRunning() ? ", " + address() : ", stopped") + "]";
    }
}
