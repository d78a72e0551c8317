package dev.weft.core.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.ScopeTimeoutException;
import dev.weft.core.Scopes;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import dev.weft.core.ThreadKind;
import dev.weft.core.Timeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * The examples of weft-core's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.core.snippets.CoreSnippets region=...}} tag, and the test around
 * it runs the example and checks what the javadoc says of it.
 */
class CoreSnippets {

    private record Page(String user, int order) {}

    private static int slowSquare(int n) throws InterruptedException {
        Thread.sleep(10); // the workload
        return n * n;
    }

    private static String fetchUser(int id) {
        return "user-" + id;
    }

    private static int fetchOrder(int id) {
        return id * 10;
    }

    @Test
    void corePackage() throws InterruptedException {
        // @start region="core-package"
        int sum;
        try (var scope = TaskScope.open()) {
            var a = scope.fork(() -> slowSquare(2));
            var b = scope.fork(() -> slowSquare(3));
            scope.join();
            sum = a.await() + b.await();   // 13
        }
        // @end
        assertEquals(13, sum);
    }

    private static Page page(int id) throws InterruptedException {
        // @start region="task-scope"
        try (var scope = TaskScope.open()) {
            Task<String> user = scope.fork("user", () -> fetchUser(id));
            Task<Integer> order = scope.fork("order", () -> fetchOrder(id));
            scope.join();                      // waits for both; throws if one failed
            return new Page(user.await(), order.await());
        }
        // @end
    }

    @Test
    void taskScope() throws InterruptedException {
        assertEquals(new Page("user-7", 70), page(7));
    }

    @Test
    void scopeBuilder() throws InterruptedException {
        Timeline timeline = Timeline.start();
        List<String> crawled = new CopyOnWriteArrayList<>();
        // @start region="scope-builder"
        try (var scope = TaskScope.builder()
                .name("crawler")
                .threads(ThreadKind.PLATFORM)
                .failFast(false)
                .deadline(Duration.ofSeconds(5))
                .timeline(timeline)
                .open()) {
            scope.fork(() -> crawled.add("/"));
            scope.fork(() -> { throw new IllegalStateException("404"); });   // the others go on
            scope.join();
        }
        // @end
        assertEquals(List.of("/"), crawled);
        assertEquals(2, timeline.spans().size());
        assertTrue(timeline.spans().get(0).name().startsWith("crawler"), timeline.spans().toString());
    }

    @Test
    void onFirstFailure() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        String how = "waited";
        // @start region="on-first-failure"
        Thread owner = Thread.currentThread();
        try (var scope = TaskScope.builder().onFirstFailure(failure -> owner.interrupt()).open()) {
            scope.fork(() -> { throw new IllegalStateException("boom"); });
            never.await(30, TimeUnit.SECONDS);   // the owner's own wait: interrupted by the failure
        } catch (InterruptedException e) {
            how = "stopped by the first failure";  // and the scope is closed: its forks have ended
        }
        // @end
        assertEquals("stopped by the first failure", how);
        assertEquals(1, never.getCount());
    }

    @Test
    void timeline() throws InterruptedException {
        // @start region="timeline"
        Timeline timeline = Timeline.start();
        try (var scope = TaskScope.builder().timeline(timeline).open()) {
            scope.fork("one", () -> slowSquare(1));
            scope.fork("two", () -> slowSquare(2));
            scope.join();
        }
        String chart = timeline.renderAscii(60);   // one row a fork, then the time scale
        // @end
        String[] rows = chart.split("\n");
        assertEquals(3, rows.length, chart);
        assertTrue(chart.contains("one") && chart.contains("two"), chart);
    }

    @Test
    void timelineSpan() {
        Timeline timeline = Timeline.start();
        List<String> downloaded = new ArrayList<>();
        Runnable download = () -> downloaded.add("file");
        // @start region="timeline-span"
        try (var span = timeline.span("download")) {
            download.run();
        }
        // @end
        assertEquals(List.of("file"), downloaded);
        assertEquals("download", timeline.spans().get(0).name());
    }

    private static String describe(Task<Integer> task) {
        // @start region="outcome"
        String text = switch (task.outcome()) {
            case Outcome.Success<Integer> s -> "got " + s.value();
            case Outcome.Failure<Integer> f -> "failed: " + f.error();
            case Outcome.Cancelled<Integer> c -> "cancelled";
        };
        // @end
        return text;
    }

    @Test
    void outcome() throws InterruptedException {
        try (var scope = TaskScope.builder().failFast(false).open()) {
            Task<Integer> ok = scope.fork(() -> 42);
            Task<Integer> bad = scope.fork(() -> { throw new IllegalStateException("no"); });
            scope.join();
            assertEquals("got 42", describe(ok));
            assertEquals("failed: java.lang.IllegalStateException: no", describe(bad));
        }
        Task<Integer> cancelled = Task.of("never", new CompletableFuture<>());
        cancelled.cancel();
        assertEquals("cancelled", describe(cancelled));
    }

    @Test
    void task() throws InterruptedException {
        String url = "/index.html";
        List<String> log = new CopyOnWriteArrayList<>();
        // @start region="task"
        String body;
        try (var scope = TaskScope.open()) {
            Task<String> page = scope.fork("fetch", () -> "<html>" + url);
            page.onDone(t -> log.add(t.name() + " ended: " + t.outcome()));
            body = page.await();
        }
        // @end
        assertEquals("<html>/index.html", body);
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("fetch ended: "), log.toString());
    }

    @Test
    void taskFuture() throws Exception {
        List<String> loaded = new CopyOnWriteArrayList<>();
        String a = "a";
        String b = "b";
        try (var scope = TaskScope.open()) {
            // @start region="task-future"
            List<Future<?>> pending = List.of(scope.fork(() -> loaded.add(a)), scope.fork(() -> loaded.add(b)));
            for (Future<?> f : pending) {
                f.get(30, TimeUnit.SECONDS);      // ExecutionException if a load threw
            }
            // @end
        }
        assertEquals(List.of("a", "b"), loaded.stream().sorted().toList());
        try (var scope = TaskScope.builder().failFast(false).open()) {
            Future<?> failing = scope.fork(() -> { throw new IllegalStateException("load"); });
            ExecutionException e = assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    @Test
    void taskOf() throws InterruptedException {
        // @start region="task-of"
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        Task<byte[]> task = Task.of("rpc", reply);
        // @end
        byte[] bytes = {1, 2};
        reply.complete(bytes);
        assertSame(bytes, task.await());
        assertEquals("rpc", task.name());
    }

    @Test
    void taskFailed() throws InterruptedException {
        List<String> log = new ArrayList<>();
        try (var scope = TaskScope.builder().failFast(false).open()) {
            Task<Integer> task = scope.fork("parse", () -> Integer.parseInt("x"));
            scope.join();
            // @start region="task-failed"
            try {
                task.await();
            } catch (TaskFailedException e) {
                log.add(e.taskName() + " failed: " + e.getCause());
            }
            // @end
        }
        assertEquals(List.of("parse failed: java.lang.NumberFormatException: For input string: \"x\""), log);
    }

    private static String slowCall(CountDownLatch never) throws InterruptedException {
        never.await();   // ends when the deadline cancels (interrupts) it
        return "late";
    }

    @Test
    void scopeTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        assertThrows(ScopeTimeoutException.class, () -> {
            // @start region="scope-timeout"
            try (var scope = TaskScope.builder().deadline(Duration.ofSeconds(1)).open()) {
                scope.fork(() -> slowCall(never));
                scope.join();          // throws ScopeTimeoutException after one second
            }
            // @end
        });
    }

    @Test
    void threadKind() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        Runnable work = () -> ran.add(Thread.currentThread().getName());
        // @start region="thread-kind"
        ThreadFactory factory = ThreadKind.VIRTUAL.factory("download");  // download-1, download-2, ...
        Thread t = ThreadKind.PLATFORM.newThread("worker", () -> work.run());
        // @end
        Thread first = factory.newThread(() -> { });
        assertTrue(first.isVirtual());
        assertEquals("download-1", first.getName());
        t.start();
        t.join(30_000);
        assertEquals(List.of("worker"), ran);
    }

    @Test
    void currentDeadline() throws InterruptedException {
        // @start region="current-deadline"
        Optional<Instant> seen;
        try (var outer = TaskScope.builder().deadline(Duration.ofSeconds(30)).open();
             var inner = TaskScope.builder().deadline(Duration.ofMinutes(10)).open()) {
            // the inner scope runs under the earlier deadline: the outer one, 30 s from now
            var task = inner.fork(TaskScope::currentDeadline);
            inner.join();
            seen = task.await();
        }
        Optional<Instant> outside = TaskScope.currentDeadline();   // empty: outside every scope
        // @end
        assertTrue(seen.isPresent());
        assertTrue(seen.get().isBefore(Instant.now().plus(Duration.ofMinutes(1))), "the outer deadline: " + seen);
        assertTrue(outside.isEmpty());
    }

    @Test
    void inheritContext() throws InterruptedException {
        // @start region="inherit-context"
        MDC.put("requestId", "r-42");
        try (var scope = TaskScope.open();
             var clean = TaskScope.builder().inheritContext(false).open()) {
            var logged = scope.fork(() -> MDC.get("requestId"));        // "r-42"
            var fresh = clean.fork(() -> MDC.get("requestId"));         // null
            scope.join();
            clean.join();
            assertEquals("r-42", logged.await());
            assertEquals(null, fresh.await());
        } finally {
            MDC.remove("requestId");
        }
        // @end
    }

    @Test
    void scopesDump() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String tree;
        // @start region="scopes-dump"
        try (var scope = TaskScope.builder().name("orders").open()) {
            scope.fork("fetch", () -> {
                started.countDown();
                release.await();               // stuck here: the dump shows this frame
                return 1;
            });
            started.await(30, TimeUnit.SECONDS);
            tree = Scopes.dump();
            // scope "orders" [TaskScope] open 0.002 s, thread "main", 1 running of 1 forks
            //   fork "fetch" WAITING 0.001 s, thread "fetch"
            //       at java.base/java.util.concurrent.CountDownLatch.await(CountDownLatch.java:230)
            //       at com.example.Orders.lambda$load$0(Orders.java:12)
            release.countDown();
            scope.join();
        }
        // @end
        assertTrue(tree.contains("scope \"orders\" [TaskScope]"), tree);
        assertTrue(tree.contains("fork \"fetch\""), tree);
        assertFalse(Scopes.dump().contains("\"orders\""), "closed: gone from the tree");
    }

    @Test
    void dumpCommand() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var scope = TaskScope.builder().name("seen-from-outside").open()) {
            scope.fork(() -> {
                started.countDown();
                release.await();
                return 0;
            });
            assertTrue(started.await(30, TimeUnit.SECONDS));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String weftCoreJar = System.getProperty("java.class.path");
            long pid = ProcessHandle.current().pid();
            // @start region="dump-command"
            // From a shell: java -cp weft-core.jar dev.weft.core.Dump <pid>   (add --json for JSON)
            Process dump = new ProcessBuilder(java, "-cp", weftCoreJar, "dev.weft.core.Dump", Long.toString(pid))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String tree = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // @end
            assertTrue(dump.waitFor(30, TimeUnit.SECONDS), "the command ends");
            assertEquals(0, dump.exitValue());
            assertTrue(tree.contains("scope \"seen-from-outside\""), tree);
            release.countDown();
            scope.join();
        }
    }

    @Test
    void timelineFromRecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        Path svg = dir.resolve("run.svg");
        // @start region="timeline-from-recording"
        try (var recording = new Recording()) {
            recording.enable("dev.weft.Scope");
            recording.enable("dev.weft.Fork").withThreshold(Duration.ZERO);   // every fork, even short ones
            recording.start();
            try (var scope = TaskScope.builder().name("work").open()) {
                scope.fork("a", () -> slowSquare(2));
                scope.fork("b", () -> slowSquare(3));
                scope.join();
            }
            recording.dump(file);   // or: jcmd <pid> JFR.dump filename=run.jfr
        }
        Timeline timeline = Timeline.fromRecording(file);
        System.out.print(timeline.renderAscii(40));
        timeline.writeSvg(svg);
        // @end
        assertTrue(timeline.spans().stream().map(Timeline.Span::name).toList().containsAll(List.of("scope work", "a", "b")));
        assertTrue(Files.isRegularFile(svg));
    }
}
