package dev.weft.async.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.async.Async;
import dev.weft.async.DoneAndPending;
import dev.weft.async.Futures;
import dev.weft.async.RaceFailedException;
import dev.weft.async.ReturnWhen;
import dev.weft.async.TaskGroup;
import dev.weft.async.TaskGroupException;
import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The examples of weft-async's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.async.snippets.AsyncSnippets region=...}} tag, and the test
 * around it runs the example and checks what the javadoc says of it.
 */
class AsyncSnippets {

    /** What the examples log, as an SLF4J logger would be called. */
    private static final class Log {
        final List<String> lines = new CopyOnWriteArrayList<>();

        void warn(String message, Object... args) {
            StringBuilder line = new StringBuilder(message);
            for (Object arg : args) {
                line.append(' ').append(arg instanceof Throwable t ? t.getMessage() : arg);
            }
            lines.add(line.toString());
        }
    }

    private record User(int id) {}

    private record Order(int id) {}

    private record Page(User user, Order order) {}

    private final Log log = new Log();

    /** Released when three fetches wait at once: proof that they overlap. */
    private final CyclicBarrier three = new CyclicBarrier(3);

    private final CountDownLatch never = new CountDownLatch(1);

    private final AtomicInteger running = new AtomicInteger();

    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /**
     * A fetch: a path ("/...") gives its page at once (after a little work), "slow..." never
     * ends (until cancelled), "down..." fails, and any other name is a wiki article, which waits
     * until three are being fetched at once.
     */
    private String fetch(String what) throws Exception {
        if (what.startsWith("/")) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);   // the workload
            } finally {
                running.decrementAndGet();
            }
            return "page " + what;
        }
        if (what.startsWith("slow")) {
            never.await();
        }
        if (what.startsWith("down")) {
            throw new IllegalStateException(what + " is down");
        }
        three.await(30, TimeUnit.SECONDS);
        return "summary of " + what;
    }

    private String wiki(String article) throws Exception {
        return fetch(article);
    }

    @Test
    void asyncPackage() throws Exception {
        // @start region="async-package"
        List<String> summaries = Async.run(() -> Async.gather(
                () -> wiki("Coroutine"),
                () -> wiki("Threading"),
                () -> wiki("Programmation_concurrente")));   // about one fetch's time, not three
        // @end
        assertEquals(List.of("summary of Coroutine", "summary of Threading", "summary of Programmation_concurrente"),
                summaries);
    }

    @Test
    void async() throws Exception {
        // @start region="async"
        List<String> pages = Async.gather(
                () -> fetch("Coroutine"),
                () -> fetch("Threading"),
                () -> fetch("Programmation_concurrente"));   // the three fetches overlap
        // @end
        assertEquals(List.of("summary of Coroutine", "summary of Threading", "summary of Programmation_concurrente"),
                pages);
    }

    private int compute() {
        return 42;
    }

    private String watchForever() {
        log.warn("watching");
        try {
            never.await();
        } catch (InterruptedException cancelled) {
            log.warn("watch cancelled");
        }
        return "watched";
    }

    @Test
    void run() throws InterruptedException {
        // @start region="run"
        int answer = Async.run(() -> {
            Task<Integer> t = Async.ensureFuture(() -> compute());
            Async.ensureFuture(() -> watchForever());      // cancelled when main returns
            return t.await();
        });
        // @end
        assertEquals(42, answer);
        // Cancelled when main returned, and ended before run did; it may have been cancelled
        // before its first line ran.
        assertTrue(log.lines.isEmpty() || log.lines.equals(List.of("watching", "watch cancelled")), log.lines.toString());
    }

    private int size(String s) {
        return s.length();
    }

    @Test
    void gather() throws InterruptedException {
        String a = "a";
        String b = "bb";
        String c = "ccc";
        // @start region="gather"
        List<Integer> sizes = Async.gather(() -> size(a), () -> size(b), () -> size(c));
        // @end
        assertEquals(List.of(1, 2, 3), sizes);
    }

    @Test
    void gatherBounded() throws InterruptedException {
        List<String> urls = List.of("/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9", "/10");
        // @start region="gather-bounded"
        List<String> pages = Async.gather(4, urls.stream().map(u -> (Callable<String>) () -> fetch(u)).toList());
        // @end
        assertEquals(urls.stream().map(u -> "page " + u).toList(), pages);
        assertTrue(mostAtOnce.get() <= 4, "at most 4 at once, saw " + mostAtOnce.get());
    }

    @Test
    void gatherOutcomes() throws InterruptedException {
        String a = "/ok";
        String b = "down/b";
        // @start region="gather-outcomes"
        for (Outcome<String> o : Async.gatherOutcomes(() -> fetch(a), () -> fetch(b))) {
            if (o instanceof Outcome.Failure<String> f) log.warn("failed", f.error());
        }
        // @end
        assertEquals(List.of("failed down/b is down"), log.lines);
    }

    private String slowName() throws InterruptedException {
        Thread.sleep(10);   // the workload
        return "Donna";
    }

    private int calculate(int n) {
        return n * 2;
    }

    @Test
    void ensureFuture() throws InterruptedException {
        Object result =
        // @start region="ensure-future"
        Async.run(() -> {
            Task<String> name = Async.ensureFuture(() -> slowName());
            Task<Integer> calc = Async.ensureFuture(() -> calculate(5));
            return name.await() + calc.await();
        });
        // @end
        assertEquals("Donna10", result);
    }

    @Test
    void createTask() throws InterruptedException {
        try (var scope = TaskScope.open()) {
            // @start region="create-task"
            Task<String> page = Async.createTask("fetch-home", () -> fetch("/"));
            // @end
            assertEquals("fetch-home", page.name());
            assertEquals("page /", page.await());
        }
    }

    @Test
    void sleep() throws InterruptedException {
        long before = System.nanoTime();
        // @start region="sleep"
        Async.sleep(Duration.ofMillis(200));
        // @end
        assertTrue(System.nanoTime() - before >= Duration.ofMillis(200).toNanos());
    }

    @Test
    void waitFor() throws InterruptedException {
        String url = "slow/page";
        String outcome = "not yet";
        // @start region="wait-for"
        try {
            String body = Async.waitFor(() -> fetch(url), Duration.ofMillis(200));
        } catch (TimeoutException e) {
            outcome = "timed out";    // the fetch was interrupted and has ended
        }
        // @end
        assertEquals("timed out", outcome);
    }

    private final List<String> shown = new CopyOnWriteArrayList<>();

    private final CountDownLatch firstShown = new CountDownLatch(1);

    private void show(String page) {
        shown.add(page);
        firstShown.countDown();
    }

    @Test
    void asCompleted() throws InterruptedException {
        try (var scope = TaskScope.open()) {
            List<Task<String>> tasks = List.of(
                    scope.fork(() -> {
                        assertTrue(firstShown.await(30, TimeUnit.SECONDS), "the fast one was not shown");
                        return "slow";
                    }),
                    scope.fork(() -> "fast"));
            // @start region="as-completed"
            for (Task<String> done : Async.asCompleted(tasks)) {
                show(done.await());          // the fastest first
            }
            // @end
        }
        assertEquals(List.of("fast", "slow"), shown);
    }

    @Test
    void completionOrder() throws InterruptedException {
        List<String> firsts = new ArrayList<>();
        try (var scope = TaskScope.open()) {
            List<Task<String>> downloads = List.of(scope.fork(() -> fetch("/a")), scope.fork(() -> fetch("/b")));
            // @start region="completion-order"
            for (Task<String> task : Async.asCompleted(downloads)) {   // blocks until the next one ends
                String first = task.await();                            // already done: returns at once
                firsts.add(first);
            }
            // @end
        }
        assertEquals(Set.of("page /a", "page /b"), Set.copyOf(firsts));
    }

    @Test
    void race() throws InterruptedException {
        String mirrorA = "/mirror-a";
        String mirrorB = "slow-mirror-b";
        // @start region="race"
        String fastest = Async.race(() -> fetch(mirrorA), () -> fetch(mirrorB));
        // @end
        assertEquals("page /mirror-a", fastest);
    }

    @Test
    void awaitTasks() throws InterruptedException {
        try (var scope = TaskScope.open()) {
            List<Task<String>> tasks = List.of(scope.fork(() -> fetch("/fast")), scope.fork(() -> fetch("slow")));
            // @start region="await-tasks"
            DoneAndPending<String> r = Async.awaitTasks(tasks, ReturnWhen.FIRST_COMPLETED);
            // @end
            assertEquals(Set.of(tasks.get(0)), r.done());
            assertEquals(Set.of(tasks.get(1)), r.pending());
            r.pending().forEach(Task::cancel);
        }
    }

    @Test
    void taskGroup() throws InterruptedException {
        // @start region="task-group"
        int sum = TaskGroup.run(group -> {
            Task<Integer> t1 = group.createTask("foo1", () -> Async.sleep(Duration.ofMillis(100), 42));
            Task<Integer> t2 = group.createTask("foo2", () -> Async.sleep(Duration.ofMillis(200), 11));
            return t1.await() + t2.await();
        });                                  // if the body throws, both are cancelled at once
        // @end
        assertEquals(53, sum);
    }

    private User fetchUser(int id) {
        return new User(id);
    }

    private Order fetchOrder(int id) {
        return new Order(id * 10);
    }

    @Test
    void taskGroupRun() throws InterruptedException {
        int id = 7;
        // @start region="task-group-run"
        Page page = TaskGroup.run("page", group -> {
            Task<User> user = group.createTask("user", () -> fetchUser(id));
            Task<Order> order = group.createTask("order", () -> fetchOrder(id));
            return new Page(user.await(), order.await());
        });
        // @end
        assertEquals(new Page(new User(7), new Order(70)), page);
    }

    @Test
    void doneAndPending() throws InterruptedException {
        List<String> pages = new ArrayList<>();
        try (var scope = TaskScope.builder().failFast(false).open()) {
            List<Task<String>> tasks = List.of(scope.fork(() -> fetch("down")), scope.fork(() -> fetch("slow")));
            // @start region="done-and-pending"
            var result = Async.awaitTasks(tasks, ReturnWhen.FIRST_EXCEPTION, Duration.ofSeconds(5));
            for (Task<String> t : result.done()) {
                if (t.state() == Task.State.SUCCESS) pages.add(t.resultNow());
            }
            result.pending().forEach(Task::cancel);     // awaitTasks never cancels anything itself
            // @end
            assertEquals(Set.of(tasks.get(0)), result.done());
            assertEquals(List.of(), pages);
            assertTrue(tasks.get(1).isCancelled());
        }
    }

    @Test
    void returnWhen() throws InterruptedException {
        try (var scope = TaskScope.open()) {
            List<Task<String>> tasks = List.of(scope.fork(() -> fetch("/first")), scope.fork(() -> fetch("slow")));
            // @start region="return-when"
            DoneAndPending<String> r = Async.awaitTasks(tasks, ReturnWhen.FIRST_COMPLETED);
            r.pending().forEach(Task::cancel);
            // @end
            assertEquals(1, r.done().size());
            assertEquals("page /first", r.done().iterator().next().resultNow());
            assertTrue(tasks.get(1).isCancelled());
        }
    }

    private static final class Client {
        CompletableFuture<String> get(String path) {
            return CompletableFuture.completedFuture("page " + path);
        }
    }

    private final List<Object> rendered = new ArrayList<>();

    private void render(List<String> pages) {
        rendered.add(pages);
    }

    private void report(List<Outcome<Integer>> outcomes) {
        rendered.add(outcomes);
    }

    @Test
    void futures() {
        Client client = new Client();
        String a = "/a";
        String b = "/b";
        // @start region="futures"
        CompletableFuture<List<String>> all = Futures.gather(List.of(client.get(a), client.get(b)));
        all.thenAccept(pages -> render(pages));
        // @end
        assertEquals(List.of(List.of("page /a", "page /b")), rendered);
    }

    private CompletableFuture<Integer> sizeAsync(String s) {
        return CompletableFuture.supplyAsync(s::length);
    }

    @Test
    void futuresGather() {
        String a = "four";
        String b = "seven";
        // @start region="futures-gather"
        List<Integer> sizes = Futures.gather(List.of(sizeAsync(a), sizeAsync(b))).join();
        // @end
        assertEquals(List.of(4, 5), sizes);
    }

    @Test
    void futuresGatherOutcomes() {
        CompletableFuture<Integer> f1 = CompletableFuture.completedFuture(1);
        CompletableFuture<Integer> f2 = CompletableFuture.failedFuture(new IllegalStateException("two"));
        // @start region="futures-gather-outcomes"
        Futures.gatherOutcomes(List.of(f1, f2)).thenAccept(outcomes -> report(outcomes));
        // @end
        assertEquals(1, rendered.size());
        List<?> outcomes = (List<?>) rendered.get(0);
        assertEquals(Outcome.success(1), outcomes.get(0));
        assertInstanceOf(Outcome.Failure.class, outcomes.get(1));
    }

    @Test
    void taskGroupException() {
        // @start region="task-group-exception"
        try (var group = TaskGroup.open()) {
            group.createTask("b", () -> fetch("/b"));
            group.createTask("a", () -> fetch("down-a"));   // a failure shuts the group: no createTask after it
        } catch (TaskGroupException e) {
            for (Throwable failure : e.exceptions()) { log.warn("failed", failure); }
        }
        // @end
        assertEquals(List.of("failed down-a is down"), log.lines);
    }

    private String fastestMirror(String mirrorA, String mirrorB) throws InterruptedException {
        // @start region="race-failed"
        try {
            return Async.race(() -> fetch(mirrorA), () -> fetch(mirrorB));
        } catch (RaceFailedException e) {
            log.warn("{}: every mirror failed", e.raceName());
            for (Throwable failure : e.exceptions()) { log.warn("a mirror failed", failure); }
            throw e;
        }
        // @end
    }

    @Test
    void raceFailed() {
        RaceFailedException e = assertThrows(RaceFailedException.class, () -> fastestMirror("down-a", "down-b"));
        assertEquals(2, e.exceptions().size());
        assertEquals(3, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).startsWith("{}: every mirror failed "), log.lines.toString());
        assertEquals(Set.of("a mirror failed down-a is down", "a mirror failed down-b is down"),
                Set.copyOf(log.lines.subList(1, 3)));
    }

    @Test
    void timeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        // @start region="timeout"
        try {
            Async.timeout(Duration.ofMillis(100), () -> {
                never.await(30, TimeUnit.SECONDS);   // interrupted when the deadline passes
                return "too late";
            });
        } catch (TimeoutException e) {
            // asyncio: except TimeoutError
        }
        String quick = Async.timeout(Duration.ofSeconds(30), () -> "in time");
        // @end
        assertEquals("in time", quick);
        assertThrows(TimeoutException.class, () -> Async.timeout(Duration.ofMillis(100), () -> never.await(30, TimeUnit.SECONDS)));
    }

    @Test
    void moveOnAfter() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        // @start region="move-on-after"
        Optional<String> slow = Async.moveOnAfter(Duration.ofMillis(100), () -> {
            never.await(30, TimeUnit.SECONDS);
            return "too late";
        });                                                   // empty
        Optional<String> fast = Async.moveOnAfter(Duration.ofSeconds(30), () -> "done");  // "done"
        // @end
        assertTrue(slow.isEmpty());
        assertEquals(Optional.of("done"), fast);
    }

    @Test
    void shield() throws Exception {
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        // @start region="shield"
        Async.run(() -> {
            Task<String> request = Async.createTask("request", () -> Async.shield(() -> {
                saving.countDown();
                release.await(30, TimeUnit.SECONDS);   // a cancel does not interrupt this
                log.add("saved");
                return "saved";
            }));
            saving.await(30, TimeUnit.SECONDS);
            request.cancel();        // held back until the shielded body ends
            release.countDown();
            return null;
        });                          // run waits for the body: "saved" was logged
        // @end
        assertEquals(List.of("saved"), log);
    }
}
