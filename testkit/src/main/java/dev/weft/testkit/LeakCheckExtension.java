package dev.weft.testkit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that fails a test which leaves something of weft's running after it ended:
 * a thread started by weft (every thread of {@code dev.weft.core.ThreadKind.liveThreads()},
 * virtual or platform, and any thread whose name starts with {@code weft-}), a child process of
 * the test JVM (a worker JVM of a process pool, a {@code JvmProcess}, a cluster member started in
 * a child JVM), or a Hazelcast member or client started by weft ({@code ClusterPool},
 * {@code ClusterMember}: an instance whose name starts with {@code weft.}). It needs none of
 * weft's modules, nor Hazelcast, at compile time: it reads them reflectively when they are on the
 * class path, so that core's own tests can use it without a dependency cycle.
 *
 * {@snippet lang=xml :
 * <dependency>
 *   <groupId>dev.weft</groupId>
 *   <artifactId>weft-testkit</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }
 *
 * <p>Register it on a test class with {@code @ExtendWith(LeakCheckExtension.class)}, or for every
 * test class at once through JUnit's extension auto-detection (the testkit registers the extension
 * in {@code META-INF/services}): put {@code junit.jupiter.extensions.autodetection.enabled=true} in
 * {@code src/test/resources/junit-platform.properties}, or set it as a system property in
 * surefire's configuration, as weft's own modules do. The README's "Testing concurrent code" has a
 * whole test ({@code dev.weft.samples.testing.ProducerConsumerTest}).
 *
 * <p>What was running before the test started is not held against it. A thread, process or
 * member that ends within the grace period ({@code weft.leakcheck.graceMillis}, a JUnit
 * configuration parameter or system property, default 10 s) after the test is not a leak: shutdown
 * takes a moment. The worker JVMs that weft keeps after a pool was closed, for the next pool (and a
 * start-up cache it makes in the background), belong to no test: the check stops them first
 * ({@code ProcessPoolOptions.closeIdleWorkers()}), so a test that closed its pool passes. A class
 * annotated {@link AllowLeaks} is skipped. The check runs after the test's
 * {@code @AfterEach} methods, so what they close is closed in time.
 *
 * @since 0.1
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final String GRACE_KEY = "weft.leakcheck.graceMillis";
    private static final long DEFAULT_GRACE_MILLIS = 10_000;

    /** {@code ThreadKind.liveThreads()}, if weft-core is on the class path. */
    private static final Optional<Method> LIVE_THREADS = find(new ByName("dev.weft.core.ThreadKind", "liveThreads"));
    /** Hazelcast's running members and clients, if Hazelcast is on the class path. */
    private static final List<Method> HAZELCAST_INSTANCES = Stream.of(
                    find(new ByName("com.hazelcast.core.Hazelcast", "getAllHazelcastInstances")),
                    find(new ByName("com.hazelcast.client.HazelcastClient", "getAllHazelcastClients")))
            .flatMap(Optional::stream).toList();
    /**
     * {@code ProcessPoolOptions.closeIdleWorkers()}, if weft-parallel is on the class path: the
     * worker JVMs a closed pool keeps for the next one are stopped after each test, not counted as leaks.
     */
    private static final Optional<Method> CLOSE_IDLE_WORKERS = find(
            new ByName("dev.weft.parallel.ProcessPoolOptions", "closeIdleWorkers"));
    private static final ByName INSTANCE_NAME = new ByName("com.hazelcast.core.HazelcastInstance", "getName");
    /** The start of the name of every Hazelcast instance weft starts ({@code dev.weft.cluster.internal.HazelcastSetup}). */
    private static final String WEFT_INSTANCE_PREFIX = "weft.";

    private static Optional<Method> find(ByName method) {
        return method.in(LeakCheckExtension.class.getClassLoader());
    }

    /**
     * {@return a Hazelcast instance's name, or empty if it is no longer running} A client that
     * shut down after it was listed refuses to say its name
     * ({@code HazelcastClientNotActiveException}): it is gone, not leaked.
     */
    static Optional<String> hazelcastName(Object instance) {
        Optional<Method> getName = INSTANCE_NAME.on(instance);
        try {
            return getName.map(m -> (String) ByName.call(m, instance));
        } catch (RuntimeException notActive) {
            return Optional.empty();
        }
    }

    private record Snapshot(Set<Thread> threads, Set<Long> processes, Map<Object, String> members) {
        static Snapshot take() {
            Set<Thread> threads = new HashSet<>(weftThreads());
            Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("weft-"))
                    .forEach(threads::add);
            Set<Long> processes = ProcessHandle.current().descendants()
                    .filter(ProcessHandle::isAlive)
                    .map(ProcessHandle::pid)
                    .collect(Collectors.toSet());
            return new Snapshot(threads, processes, weftMembers());
        }

        @SuppressWarnings("unchecked") // liveThreads() is declared to return Set<Thread>
        private static Set<Thread> weftThreads() {
            return LIVE_THREADS.map(m -> (Set<Thread>) ByName.call(m, null)).orElse(Set.of());
        }

        /** The running Hazelcast members and clients started by weft, each with its name. */
        private static Map<Object, String> weftMembers() {
            Map<Object, String> members = new IdentityHashMap<>();
            for (Method all : HAZELCAST_INSTANCES) {
                for (Object instance : (Collection<?>) ByName.call(all, null)) {
                    hazelcastName(instance).filter(name -> name.startsWith(WEFT_INSTANCE_PREFIX))
                            .ifPresent(name -> members.put(instance, name));
                }
            }
            return members;
        }

        List<String> leaksSince(Snapshot before) {
            List<String> leaks = new ArrayList<>();
            for (Thread t : threads) {
                if (t.isAlive() && !before.threads.contains(t)) {
                    leaks.add("thread '" + t.getName() + "' (" + (t.isVirtual() ? "virtual" : "platform") + ", " + t.getState() + ")");
                }
            }
            for (Long pid : processes) {
                if (!before.processes.contains(pid)) {
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p ->
                            leaks.add("child process " + pid + " " + p.info().commandLine().orElse("")));
                }
            }
            members.forEach((instance, name) -> {
                if (!before.members.containsKey(instance)) {
                    leaks.add("Hazelcast instance '" + name + "'");
                }
            });
            return leaks;
        }
    }

    /** Creates the extension; JUnit does this through auto-detection. */
    public LeakCheckExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!skipped(context)) {
            context.getStore(NAMESPACE).put(Snapshot.class, Snapshot.take());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        Snapshot before = context.getStore(NAMESPACE).remove(Snapshot.class, Snapshot.class);
        if (before == null) {
            return;
        }
        long deadline = System.nanoTime() + grace(context).toNanos();
        CLOSE_IDLE_WORKERS.ifPresent(m -> ByName.call(m, null));
        List<String> leaks = Snapshot.take().leaksSince(before);
        while (!leaks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling for shutdown to finish, not synchronising a test
            leaks = Snapshot.take().leaksSince(before);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left running after it ended: " + String.join(", ", leaks));
        }
    }

    /** The grace period: JUnit configuration parameter or system property {@value #GRACE_KEY}. */
    private static Duration grace(ExtensionContext context) {
        long millis = context.getConfigurationParameter(GRACE_KEY).map(Long::parseLong)
                .orElseGet(() -> Long.getLong(GRACE_KEY, DEFAULT_GRACE_MILLIS));
        return Duration.ofMillis(millis);
    }

    private static boolean skipped(ExtensionContext context) {
        return context.getTestClass().map(c -> c.isAnnotationPresent(AllowLeaks.class)).orElse(false);
    }
}
