package dev.weft.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.internal.registry.MiniJson;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** {@link Scopes}: the live tree of a known nested structure, as text, as JSON, and through the MBean. */
class ScopesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * A scope {@code outer-<tag>} with a fork {@code a-<tag>} that opened {@code inner-<tag>} (fork
     * {@code leaf-<tag>}) and a fork {@code b-<tag>}; every fork waits until it is closed.
     */
    static final class Nested implements AutoCloseable {
        final CountDownLatch started = new CountDownLatch(3);
        final CountDownLatch release = new CountDownLatch(1);
        final TaskScope outer;

        Nested(String tag) throws InterruptedException {
            outer = TaskScope.builder().name("outer-" + tag).open();
            outer.fork("a-" + tag, () -> {
                try (TaskScope inner = TaskScope.builder().name("inner-" + tag).open()) {
                    inner.fork("leaf-" + tag, this::hold);
                    started.countDown();
                    inner.join();
                }
                return 0;
            });
            outer.fork("b-" + tag, this::hold);
            assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "every fork started");
        }

        private int hold() throws InterruptedException {
            started.countDown();
            release.await();
            return 1;
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            outer.join();
            outer.close();
        }
    }

    private static int lineOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + start + " in\n" + String.join("\n", lines));
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    @Test
    void theTextTreeNestsTheInnerScopeUnderTheForkThatOpenedIt() throws InterruptedException {
        try (Nested nested = new Nested("text")) {
            // the inner scope's fork may still be between its start and its first wait: wait for the frame
            await().atMost(PATIENCE).until(() -> Scopes.dump().contains("CountDownLatch.await"));
            List<String> lines = Scopes.dump().lines().toList();
            int outer = lineOf(lines, "scope \"outer-text\" [TaskScope]");
            int a = lineOf(lines, "fork \"a-text\"");
            int inner = lineOf(lines, "scope \"inner-text\"");
            int leaf = lineOf(lines, "fork \"leaf-text\"");
            int b = lineOf(lines, "fork \"b-text\"");
            // the forks a and b may be listed in either order (the dump lists forks by start time,
            // and the two start at once), but b is never inside a's subtree
            assertTrue(outer < a && a < inner && inner < leaf, String.join("\n", lines));
            assertTrue(outer < b && (b < a || b > leaf), String.join("\n", lines));
            assertTrue(indent(lines.get(outer)) < indent(lines.get(a)));
            assertTrue(indent(lines.get(a)) < indent(lines.get(inner)));
            assertTrue(indent(lines.get(inner)) < indent(lines.get(leaf)));
            assertEquals(indent(lines.get(a)), indent(lines.get(b)));
            assertTrue(lines.get(outer).contains("2 running of 2 forks"), lines.get(outer));
            assertTrue(lines.get(leaf).contains("thread \"leaf-text\""), lines.get(leaf));
            assertTrue(lines.get(leaf + 1).stripLeading().startsWith("at "), "its top frames follow");
            assertTrue(Scopes.openScopes() >= 2);
        }
        assertFalse(Scopes.dump().contains("outer-text"), "a closed scope leaves the tree");
        assertFalse(Scopes.dump().contains("inner-text"));
    }

    @Test
    @SuppressWarnings("unchecked") // the shapes the parser returns for JSON objects and arrays
    void theJsonTreeParsesBackToTheSameStructure() throws InterruptedException {
        try (Nested nested = new Nested("json")) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Scopes.dumpJson());
            Map<String, Object> outer = ((List<Map<String, Object>>) root.get("scopes")).stream()
                    .filter(s -> s.get("name").equals("outer-json")).findFirst().orElseThrow();
            assertEquals("TaskScope", outer.get("kind"));
            assertEquals(2L, outer.get("forksStarted"));
            List<Map<String, Object>> forks = (List<Map<String, Object>>) outer.get("forks");
            assertEquals(List.of("a-json", "b-json"), forks.stream().map(f -> f.get("name")).sorted().toList());
            Map<String, Object> a = forks.stream().filter(f -> f.get("name").equals("a-json")).findFirst().orElseThrow();
            List<Map<String, Object>> opened = (List<Map<String, Object>>) a.get("scopes");
            assertEquals(1, opened.size());
            assertEquals("inner-json", opened.get(0).get("name"));
            Map<String, Object> leaf = ((List<Map<String, Object>>) opened.get(0).get("forks")).get(0);
            assertEquals("leaf-json", leaf.get("name"));
            assertEquals("leaf-json", leaf.get("thread"));
            assertTrue(((Long) leaf.get("ageMillis")) >= 0);
            assertFalse(((List<Object>) leaf.get("frames")).isEmpty());
            assertTrue(root.get("pools") instanceof List<?>);
        }
    }

    @Test
    void namesThatNeedEscapingStayJson() throws InterruptedException {
        String name = "we\"ird\\name\n\t\u0001";
        try (TaskScope scope = TaskScope.builder().name(name).open()) {
            assertTrue(MiniJson.parse(Scopes.dumpJson()).toString().contains(name));
            assertTrue(Scopes.dump().contains(name));
            scope.join();
        }
    }

    @Test
    void aScopeDroppedWithoutCloseIsNotKeptAlive() throws InterruptedException {
        assertCollectedAfter("dropped-scope", () -> TaskScope.builder().name("dropped-scope").open());
    }

    /** Runs {@code opener}, which drops a scope called {@code name}; then the dump must lose it. */
    private static void assertCollectedAfter(String name, Runnable opener) throws InterruptedException {
        Thread thread = new Thread(opener, "opener");
        thread.start();
        thread.join(PATIENCE.toMillis());
        assertFalse(thread.isAlive());
        await().atMost(PATIENCE).until(() -> {
            System.gc();
            return !Scopes.dump().contains(name);
        });
    }

    @Test
    void aScopeDroppedWithoutCloseAfterItsForksEndedIsNotKeptAlive() throws InterruptedException {
        assertCollectedAfter("dropped-after-forks", () -> {
            TaskScope scope = TaskScope.builder().name("dropped-after-forks").open();
            List<Task<Integer>> forks = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                forks.add(scope.fork(() -> 1));
            }
            for (Task<Integer> fork : forks) {
                try {
                    fork.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Test
    void theMBeanServesTheSameTree() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.weft:type=Scopes");
        try (Nested nested = new Nested("mbean")) {
            await().atMost(PATIENCE).until(() -> server.isRegistered(name)); // by the first scope, in the background
            String text = (String) server.invoke(name, "dump", new Object[0], new String[0]);
            assertTrue(text.contains("scope \"outer-mbean\""), text);
            String json = (String) server.invoke(name, "dumpJson", new Object[0], new String[0]);
            assertTrue(MiniJson.parse(json).toString().contains("inner-mbean"), json);
        }
    }

    @Test
    void countsOpenScopesAndForks() throws InterruptedException {
        long forks = Scopes.forksStarted();
        try (TaskScope scope = TaskScope.open()) {
            assertTrue(Scopes.openScopes() >= 1);
            scope.fork(() -> 1);
            scope.fork(() -> 2);
            scope.join();
        }
        assertTrue(Scopes.forksStarted() >= forks + 2);
    }

    @Test
    void everyForkOfAClosedScopeIsCountedAlsoPastABatch() throws InterruptedException {
        int made = 64 + 64 + 7; // two whole batches and a rest, counted at close
        long forks = Scopes.forksStarted();
        try (TaskScope scope = TaskScope.open()) {
            for (int i = 0; i < made; i++) {
                scope.fork(() -> 1);
            }
            scope.join();
        }
        assertTrue(Scopes.forksStarted() >= forks + made, "forks of a closed scope went uncounted");
    }
}
