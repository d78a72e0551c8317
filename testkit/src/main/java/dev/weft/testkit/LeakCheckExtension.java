package dev.weft.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that fails a test which leaves something running: a thread started by weft
 * (every thread of {@code dev.weft.core.ThreadKind.liveThreads()}, virtual or platform, and any
 * thread whose name starts with {@code weft-}) or a child process of the test JVM (a worker JVM of
 * a process pool). It reads {@code liveThreads()} reflectively, so that core's own tests can use
 * it without a dependency cycle.
 *
 * <p>It is registered for every test class of every weft module through JUnit's extension
 * auto-detection ({@code META-INF/services}), so no test has to remember it:
 *
 * {@snippet lang=xml :
 * <dependency>
 *   <groupId>dev.weft</groupId>
 *   <artifactId>weft-testkit</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }
 *
 * <p>What was running before the test started is not held against it. A thread or process that
 * ends within the grace period ({@code weft.leakcheck.graceMillis}, default 10 s) after the test
 * is not a leak: shutdown takes a moment. A class annotated {@link AllowLeaks} is skipped.
 *
 * @since 0.1
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final String GRACE_KEY = "weft.leakcheck.graceMillis";
    private static final long DEFAULT_GRACE_MILLIS = 10_000;

    private record Snapshot(Set<Thread> threads, Set<Long> processes) {
        static Snapshot take() {
            Set<Thread> threads = new java.util.HashSet<>(weftThreads());
            Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("weft-"))
                    .forEach(threads::add);
            Set<Long> processes = ProcessHandle.current().descendants()
                    .filter(ProcessHandle::isAlive)
                    .map(ProcessHandle::pid)
                    .collect(Collectors.toSet());
            return new Snapshot(threads, processes);
        }

        @SuppressWarnings("unchecked")
        private static Set<Thread> weftThreads() {
            try {
                Class<?> kind = Class.forName("dev.weft.core.ThreadKind");
                return (Set<Thread>) kind.getMethod("liveThreads").invoke(null);
            } catch (ClassNotFoundException notOnClassPath) {
                return Set.of();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read ThreadKind.liveThreads()", e);
            }
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
