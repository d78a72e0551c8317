package dev.weft.sync.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.sync.Barrier;
import dev.weft.sync.BoundedSemaphore;
import dev.weft.sync.BrokenBarrierError;
import dev.weft.sync.Channel;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Condition;
import dev.weft.sync.Event;
import dev.weft.sync.Guard;
import dev.weft.sync.JoinableQueue;
import dev.weft.sync.Lock;
import dev.weft.sync.Locks;
import dev.weft.sync.QueueShutDownException;
import dev.weft.sync.RLock;
import dev.weft.sync.Select;
import dev.weft.sync.Semaphore;
import dev.weft.sync.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The examples of weft-sync's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.sync.snippets.SyncSnippets region=...}} tag, and the test around
 * it runs the example and checks what the javadoc says of it.
 */
class SyncSnippets {

    private volatile boolean ready;

    @Test
    void syncPackage() throws InterruptedException {
        // @start region="sync-package"
        Lock lock = new Lock();
        List<Integer> squares = new ArrayList<>();      // guarded by lock
        JoinableQueue<Integer> queue = JoinableQueue.fifo(10);
        try (var scope = TaskScope.open()) {
            scope.fork(() -> {
                while (true) {
                    int n = queue.get();
                    try (Guard g = lock.hold()) { squares.add(n * n); }
                    queue.taskDone();
                }
            });
            for (int i = 0; i < 100; i++) queue.put(i);  // waits while 10 are queued
            queue.join();          // all 100 processed
            queue.shutdown();      // the worker's get() throws QueueShutDownException and it ends
        }
        // @end
        try (Guard g = lock.hold()) {
            assertEquals(IntStream.range(0, 100).map(i -> i * i).boxed().toList(), squares);
        }
    }

    @Test
    void semaphore() throws InterruptedException {
        List<String> downloaded = new CopyOnWriteArrayList<>();
        String url = "https://example.org/a";
        // @start region="semaphore"
        Semaphore slots = new Semaphore(3);      // at most 3 downloads at once
        try (Guard g = slots.hold()) {           // with slots:
            downloaded.add(url);
        }
        // @end
        assertEquals(List.of(url), downloaded);
        assertEquals(3, slots.value());
    }

    @Test
    void locksOrdered() throws InterruptedException {
        List<String> done = new ArrayList<>();
        // @start region="locks-ordered"
        RLock accounts = Locks.ordered("accounts");
        RLock audit = Locks.ordered("audit");
        try (Guard a = accounts.hold(); Guard b = audit.hold()) {   // records accounts -> audit
            done.add("transfer");
        }
        try (Guard b = audit.hold(); Guard a = accounts.hold()) {   // throws PotentialDeadlockException
            done.add("never");
        } catch (IllegalStateException potentialDeadlock) {
            done.add("refused: " + potentialDeadlock.getClass().getSimpleName());
        }
        // @end
        assertEquals(List.of("transfer", "refused: PotentialDeadlockException"), done);
        assertFalse(audit.isHeldByCurrentThread());
        assertFalse(accounts.isHeldByCurrentThread());
    }

    @Test
    void locksRanked() throws InterruptedException {
        List<String> done = new ArrayList<>();
        // @start region="locks-ranked"
        enum Rank { ACCOUNTS, AUDIT }
        RLock accounts = Locks.ranked(Rank.ACCOUNTS);
        RLock audit = Locks.ranked(Rank.AUDIT);
        try (Guard b = audit.hold(); Guard a = accounts.hold()) {   // throws: AUDIT before ACCOUNTS
            done.add("never");
        } catch (IllegalStateException outOfOrder) {
            done.add("refused");
        }
        // @end
        assertEquals(List.of("refused"), done);
        assertFalse(audit.isHeldByCurrentThread());
    }

    @Test
    void rlock() throws InterruptedException {
        int held;
        // @start region="rlock"
        RLock lock = new RLock();
        try (Guard outer = lock.hold()) {
            try (Guard inner = lock.hold()) {     // same thread: does not block
                held = lock.holdCount();          // 2
            }
        }
        // @end
        assertEquals(2, held);
        assertEquals(0, lock.holdCount());
    }

    @Test
    void rlockJdk() throws InterruptedException {
        List<String> ran = new ArrayList<>();
        // @start region="rlock-jdk"
        java.util.concurrent.locks.Lock l = new RLock();
        if (l.tryLock(1, TimeUnit.SECONDS)) {
            try {
                ran.add("under the lock");
            } finally {
                l.unlock();
            }
        }
        // @end
        assertEquals(List.of("under the lock"), ran);
        assertEquals(0, ((RLock) l).holdCount());
    }

    @Test
    void timer() throws InterruptedException {
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> work = new ArrayList<>();
        boolean stopped;
        // @start region="timer"
        Timer reminder = new Timer(Duration.ofSeconds(30), () -> log.add("still working..."));
        reminder.start();
        work.add("done");
        stopped = reminder.cancel();      // false if too late: then the reminder already ran
        reminder.join();
        // @end
        assertTrue(stopped);
        assertEquals(List.of(), log);
        assertFalse(reminder.isAlive());
    }

    @Test
    void brokenBarrier() throws InterruptedException {
        Barrier barrier = new Barrier(2);
        String round = "this round";
        // @start region="broken-barrier"
        try {
            barrier.await(Duration.ofMillis(100));
        } catch (BrokenBarrierError e) {
            round = "given up";   // some party timed out, aborted or reset: give up this round
        }
        // @end
        assertEquals("given up", round);
        assertTrue(barrier.isBroken());
    }

    @Test
    void guard() throws InterruptedException {
        int counter = 0;
        // @start region="guard"
        Lock lock = new Lock();
        try (Guard g = lock.hold()) {     // Python: with lock:
            counter++;
        }                                 // released here, even if the block throws
        // @end
        assertEquals(1, counter);
        assertFalse(lock.isLocked());
    }

    @Test
    void lock() throws InterruptedException {
        int balance = 100;
        int amount = 20;
        List<String> log = new ArrayList<>();
        // @start region="lock"
        Lock lock = new Lock();
        try (Guard g = lock.hold()) {          // with lock:
            balance += amount;
        }
        if (lock.acquire(Duration.ofMillis(50))) {   // lock.acquire(timeout=0.05)
            try {
                log.add("balance " + balance);
            } finally {
                lock.release();
            }
        }
        // @end
        assertEquals(List.of("balance 120"), log);
        assertFalse(lock.isLocked());
    }

    @Test
    void lockJdk() {
        List<String> log = new ArrayList<>();
        // @start region="lock-jdk"
        java.util.concurrent.locks.Lock l = new Lock();
        l.lock();
        try {
            log.add("under the lock");
        } finally {
            l.unlock();
        }
        // @end
        assertEquals(List.of("under the lock"), log);
        assertFalse(((Lock) l).isLocked());
    }

    @Test
    void joinableQueue() throws InterruptedException {
        List<String> seeds = List.of("/a", "/b", "/c", "/d", "/e", "/f");
        List<String> fetched = new CopyOnWriteArrayList<>();
        try (var scope = TaskScope.open()) {
            // @start region="joinable-queue"
            JoinableQueue<String> urls = JoinableQueue.fifo(100);   // queue.Queue(maxsize=100)
            for (int i = 0; i < 4; i++) {
                scope.fork(() -> {
                    while (true) {
                        String url = urls.get();                      // QueueShutDownException ends the loop
                        try { fetched.add(url); } finally { urls.taskDone(); }
                    }
                });
            }
            for (String url : seeds) {
                urls.put(url);                                      // waits while 100 are queued
            }
            urls.join();                                            // every url was fetched
            urls.shutdown();                                        // the workers leave
            // @end
            assertEquals(seeds, fetched.stream().sorted().toList());
        }
    }

    @Test
    void barrier() throws InterruptedException {
        List<String> log = new CopyOnWriteArrayList<>();
        List<Task<Integer>> parties = new ArrayList<>();
        // @start region="barrier"
        Barrier round = new Barrier(3, () -> log.add("all three ready"), Duration.ofSeconds(30));
        try (var scope = TaskScope.open()) {
            for (int i = 0; i < 3; i++) {
                parties.add(scope.fork(() -> {
                    int index = round.await();     // 0 for the first to arrive, 2 for the last
                    if (index == 0) {
                        log.add("report");         // exactly one thread does this
                    }
                    return index;
                }));
            }
            scope.join();
        }
        // @end
        assertEquals(List.of(0, 1, 2), parties.stream().map(Task::resultNow).sorted().toList());
        assertEquals("all three ready", log.get(0));
        assertEquals(List.of("all three ready", "report"), log.stream().sorted().toList());
    }

    @Test
    void boundedSemaphore() {
        List<String> queries = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            // @start region="bounded-semaphore"
            BoundedSemaphore pool = new BoundedSemaphore(2);   // two connections
            try (Guard g = pool.hold()) {
                queries.add("select 1");
            }
            pool.release();                                    // IllegalStateException: released too many times
            // @end
        });
        assertEquals(List.of("select 1"), queries);
        assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
    }

    @Test
    void event() throws InterruptedException {
        List<String> config = new CopyOnWriteArrayList<>();
        try (var scope = TaskScope.open()) {
            // @start region="event"
            Event ready = new Event();
            Task<String> server = scope.fork(() -> { ready.await(); return "serving " + config; });   // waits for the flag
            config.add("port=8080");
            ready.set();                                             // every waiter goes
            // @end
            assertEquals("serving [port=8080]", server.await());
        }
    }

    @Test
    void condition() throws InterruptedException {
        List<String> items = new ArrayList<>();
        List<String> taken = new CopyOnWriteArrayList<>();
        String x = "item";
        try (var scope = TaskScope.open()) {
            // @start region="condition"
            Condition ready = new Condition();             // threading.Condition(), over its own RLock
            scope.fork(() -> {                             // consumer
                try (Guard g = ready.hold()) {
                    ready.awaitUntil(() -> !items.isEmpty());  // cv.wait_for(lambda: items)
                    return taken.add(items.remove(0));
                }
            });
            try (Guard g = ready.hold()) {                 // producer
                items.add(x);
                ready.signal();                            // Python: cv.notify
            }
            // @end
            scope.join();
        }
        assertEquals(List.of("item"), taken);
        assertEquals(List.of(), items);
    }

    @Test
    void conditionJdk() throws InterruptedException {
        try (var scope = TaskScope.open()) {
            scope.fork(() -> ready = true);   // unsignalled: the timed wait below sees it within a second
            // @start region="condition-jdk"
            java.util.concurrent.locks.Lock lock = new RLock();
            java.util.concurrent.locks.Condition changed = lock.newCondition();
            lock.lock();
            try {
                while (!ready) {
                    changed.await(1, TimeUnit.SECONDS);
                }
            } finally {
                lock.unlock();
            }
            // @end
            assertTrue(ready);
            assertEquals(0, ((RLock) lock).holdCount());
        }
    }

    @Test
    void queueShutDown() throws InterruptedException {
        JoinableQueue<String> jobs = JoinableQueue.fifo();
        for (String j : List.of("a", "b", "c")) {
            jobs.put(j);
        }
        jobs.shutdown();   // what is queued is still handed out, then get() throws
        List<String> handled = new ArrayList<>();
        // @start region="queue-shut-down"
        while (true) {
            String job;
            try {
                job = jobs.get();
            } catch (QueueShutDownException done) {
                break;                   // no poison pill needed
            }
            handled.add(job);
            jobs.taskDone();
        }
        // @end
        assertEquals(List.of("a", "b", "c"), handled);
        jobs.join();   // every job was done: returns at once
    }

    @Test
    void channel() throws InterruptedException {
        List<String> received = new ArrayList<>();
        // @start region="channel"
        Channel<String> lines = Channel.buffered(16);
        try (var scope = TaskScope.open()) {
            scope.fork(() -> {
                for (String s : List.of("a", "b", "c")) {
                    lines.send(s);           // waits while 16 are buffered
                }
                lines.close();               // the consumer's for-each ends after "c"
                return null;
            });
            for (String line : lines) {
                received.add(line.toUpperCase());
            }
        }
        // @end
        assertEquals(List.of("A", "B", "C"), received);
        assertTrue(lines.isClosedForReceive());
    }

    @Test
    void channelClosed() throws InterruptedException {
        Throwable seen = null;
        // @start region="channel-closed"
        Channel<Integer> readings = Channel.unbounded();
        readings.send(1);
        readings.fail(new IOException("sensor lost"));   // the buffered 1 is discarded
        try {
            readings.receive();
        } catch (ChannelClosedException e) {
            seen = e.getCause();                          // the IOException
        }
        // @end
        assertTrue(seen instanceof IOException);
        assertThrows(ChannelClosedException.class, () -> readings.send(2));
    }

    @Test
    void channelProduce() throws InterruptedException {
        int total;
        // @start region="channel-produce"
        try (var scope = TaskScope.open()) {
            Channel<Integer> squares = Channel.produce(scope, 4, out -> {
                for (int i = 1; i <= 5; i++) {
                    out.send(i * i);
                }
            });                                           // closed when the body returns
            total = squares.stream().mapToInt(Integer::intValue).sum();
        }
        // @end
        assertEquals(55, total);
    }

    @Test
    void select() throws InterruptedException {
        Channel<String> orders = Channel.buffered(8);
        Channel<String> alerts = Channel.buffered(8);
        Channel<String> audit = Channel.rendezvous();     // nobody receives: its send never happens
        orders.send("order 1");
        List<String> done = new ArrayList<>();
        // @start region="select"
        for (int i = 0; i < 2; i++) {
            String what = Select.of(
                    orders.onReceive(o -> "handled " + o),
                    alerts.onReceive(a -> "paged for " + a),
                    audit.onSend("round " + i, () -> "audited"),   // sent only if chosen
                    Select.timeout(Duration.ofMillis(100), () -> "idle"));
            done.add(what);
        }
        // @end
        assertEquals(List.of("handled order 1", "idle"), done);
        assertTrue(audit.tryReceive().isEmpty(), "a send clause not chosen sent nothing");
    }

    @Test
    void selectOrClosed() throws InterruptedException {
        Channel<Integer> a = Channel.unbounded();
        Channel<Integer> b = Channel.unbounded();
        for (int i = 0; i < 3; i++) {
            a.send(i);
            b.send(10 + i);
        }
        a.close();
        b.close();
        List<Integer> merged = new ArrayList<>();
        // @start region="select-or-closed"
        Set<Channel<Integer>> open = new HashSet<>(List.of(a, b));
        while (!open.isEmpty()) {                        // fan-in until every source is closed
            var clauses = open.stream().map(Channel::onReceive).toList();
            switch (Select.orClosed(clauses)) {
                case Select.Chosen<Integer> got -> merged.add(got.value());
                case Select.Closed<Integer> closed -> open.remove(closed.channel());
            }
        }
        // @end
        assertEquals(List.of(0, 1, 2, 10, 11, 12), merged.stream().sorted().toList());
    }
}
