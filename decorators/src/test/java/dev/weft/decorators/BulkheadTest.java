package dev.weft.decorators;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.decorators.internal.BulkheadDecorator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Decorators#bulkhead(int)} and {@link Decorators#bulkhead(int, Duration)}. */
class BulkheadTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    /** A supplier that says it entered and then holds its place until {@link #release} opens. */
    private Supplier<String> holding(Decorator bulkhead) {
        return Decorate.supplier("held", () -> {
            entered.countDown();
            awaitOpen(release);
            return "done";
        }, bulkhead);
    }

    private static void awaitOpen(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "latch not opened in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitingInSemaphore(Thread t) {
        return TestThreads.waitingIn(t, "java.util.concurrent.Semaphore", "acquire")
                || t.getState() == Thread.State.TIMED_WAITING && java.util.Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals("java.util.concurrent.Semaphore")
                                && f.getMethodName().equals("tryAcquire"));
    }

    @Test
    void neverMoreThanTheBoundRunAtOnceAmong64Callers() throws Exception {
        int bound = 4;
        int callers = 64 * Integer.getInteger("weft.stress.factor", 1);
        Decorator bulkhead = Decorators.bulkhead(bound);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable body = Decorate.runnable("body", () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            awaitOpen(release);
            running.decrementAndGet();
            done.incrementAndGet();
        }, bulkhead);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().name("caller-" + i).start(body));
        }
        await().atMost(TestThreads.JOIN).until(() -> running.get() == bound
                && threads.stream().filter(BulkheadTest::waitingInSemaphore).count() == callers - bound);
        assertEquals(bound, most.get());
        release.countDown();
        TestThreads.joinAll(threads);
        assertEquals(callers, done.get());
        assertEquals(bound, most.get(), "never more than the bound, also while the waiters went in");
        assertEquals(bound, ((BulkheadDecorator) bulkhead).available(), "every place given back");
    }

    @Test
    void withNoWaitACallOverTheBoundIsRefusedAtOnceAndTheBulkheadStillWorks() throws Exception {
        Decorator bulkhead = Decorators.bulkhead(1, Duration.ZERO);
        Thread holder = Thread.ofPlatform().start(holding(bulkhead)::get);
        awaitOpen(entered);
        Supplier<String> other = Decorate.supplier("other", () -> "ran", bulkhead);
        BulkheadFullException e = assertThrows(BulkheadFullException.class, other::get);
        assertEquals("other: bulkhead full, 1 call(s) running; refused after waiting 0 ns", e.getMessage());
        release.countDown();
        TestThreads.join(holder);
        assertEquals("ran", other.get());
    }

    @Test
    void aNegativeWaitIsNoWait() throws Exception {
        Decorator bulkhead = Decorators.bulkhead(1, Duration.ofSeconds(-5));
        Thread holder = Thread.ofPlatform().start(holding(bulkhead)::get);
        awaitOpen(entered);
        assertThrows(BulkheadFullException.class, Decorate.supplier("other", () -> "ran", bulkhead)::get);
        release.countDown();
        TestThreads.join(holder);
    }

    @Test
    void aCallerWaitsAtMostMaxWaitThenIsRefused() throws Exception {
        Decorator bulkhead = Decorators.bulkhead(1, Duration.ofMillis(50));
        Thread holder = Thread.ofPlatform().start(holding(bulkhead)::get);
        awaitOpen(entered);
        assertThrows(BulkheadFullException.class, Decorate.supplier("other", () -> "ran", bulkhead)::get);
        release.countDown();
        TestThreads.join(holder);
    }

    @Test
    void aWaitingCallerGoesInWhenAPlaceIsFreed() throws Exception {
        Decorator bulkhead = Decorators.bulkhead(1, Duration.ofSeconds(30));
        Thread holder = Thread.ofPlatform().start(holding(bulkhead)::get);
        awaitOpen(entered);
        AtomicReference<String> result = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> result.set(Decorate.supplier("w", () -> "in", bulkhead).get()));
        await().atMost(TestThreads.JOIN).until(() -> waitingInSemaphore(waiter));
        release.countDown();
        TestThreads.join(holder);
        TestThreads.join(waiter);
        assertEquals("in", result.get());
    }

    @Test
    void thePlaceIsGivenBackWhenTheCallFails() {
        Decorator bulkhead = Decorators.bulkhead(1, Duration.ZERO);
        Supplier<String> failing = Decorate.supplier("f", () -> {
            throw new IllegalStateException("no");
        }, bulkhead);
        Supplier<String> erring = Decorate.supplier("e", () -> {
            throw new AssertionError("no");
        }, bulkhead);
        assertThrows(IllegalStateException.class, failing::get);
        assertThrows(AssertionError.class, erring::get);
        assertEquals("ok", Decorate.supplier("g", () -> "ok", bulkhead).get());
        assertEquals(1, ((BulkheadDecorator) bulkhead).available());
    }

    @Test
    void anInterruptedWaiterThrowsInterruptedExceptionAndTakesNoPlace() throws Exception {
        Decorator bulkhead = Decorators.bulkhead(1);
        Thread holder = Thread.ofPlatform().start(holding(bulkhead)::get);
        awaitOpen(entered);
        Callable<String> c = Decorate.callable("c", () -> "ran", bulkhead);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                c.call();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        await().atMost(TestThreads.JOIN).until(() -> waitingInSemaphore(waiter));
        waiter.interrupt();
        TestThreads.join(waiter);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(0, ((BulkheadDecorator) bulkhead).available(), "the holder's place only");
        release.countDown();
        TestThreads.join(holder);
        assertEquals(1, ((BulkheadDecorator) bulkhead).available());
        assertEquals("ran", c.call());
    }

    @Test
    void aCallerAlreadyInterruptedDoesNotRunAndASupplierWrapsTheInterrupt() {
        AtomicInteger runs = new AtomicInteger();
        Supplier<Integer> s = Decorate.supplier("s", runs::incrementAndGet, Decorators.bulkhead(2));
        Thread.currentThread().interrupt();
        java.lang.reflect.UndeclaredThrowableException e =
                assertThrows(java.lang.reflect.UndeclaredThrowableException.class, s::get);
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(Thread.interrupted(), "the flag is restored");
        assertEquals(0, runs.get());
        assertEquals(1, s.get());
    }

    @Test
    void oneBulkheadIsSharedByEveryFunctionItDecorates() throws Exception {
        Decorator bulkhead = Decorators.bulkhead(1, Duration.ZERO);
        Thread holder = Thread.ofPlatform().start(holding(bulkhead)::get);
        awaitOpen(entered);
        assertThrows(BulkheadFullException.class, Decorate.runnable("another", () -> { }, bulkhead)::run);
        release.countDown();
        TestThreads.join(holder);
    }

    @Test
    void badBoundsAreRefused() {
        assertEquals("maxConcurrent must be >= 1: 0",
                assertThrows(IllegalArgumentException.class, () -> Decorators.bulkhead(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.bulkhead(-3));
        assertThrows(IllegalArgumentException.class, () -> Decorators.bulkhead(0, Duration.ZERO));
        assertEquals("maxWait", assertThrows(NullPointerException.class, () -> Decorators.bulkhead(1, null)).getMessage());
        assertEquals("bulkhead(3)", Decorators.bulkhead(3).toString());
        assertEquals("bulkhead(3, 5.000 ms)", Decorators.bulkhead(3, Duration.ofMillis(5)).toString());
    }
}
