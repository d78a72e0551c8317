package dev.weft.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.async.Async;
import dev.weft.async.Futures;
import dev.weft.async.ReturnWhen;
import dev.weft.async.TaskGroup;
import dev.weft.async.TaskGroupException;
import dev.weft.core.Task;
import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.reliability.Figures;
import dev.weft.sync.Barrier;
import dev.weft.sync.BoundedSemaphore;
import dev.weft.sync.Condition;
import dev.weft.sync.Event;
import dev.weft.sync.JoinableQueue;
import dev.weft.sync.Lock;
import dev.weft.sync.QueueShutDownException;
import dev.weft.sync.RLock;
import dev.weft.sync.Semaphore;
import dev.weft.sync.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input, table-driven: each row is a public entry point of sync, async, parallel or
 * decorators called with null, a negative or zero value, an empty collection, a closed or shut-down
 * object, or from the wrong thread; the documented exception must come out (NPE for null,
 * IllegalArgumentException for a bad value, IllegalStateException for the wrong state,
 * IllegalMonitorStateException for RLock/Condition misuse, QueueShutDownException), and a check
 * after it proves the object is still usable.
 */
class BadInputTest {
    /** A row: name, the exception expected, the bad call, and a check that the object still works. */
    private record Row(String name, Class<? extends Throwable> expected, Executable call, Executable stillWorks) {
    }

    private static Row row(String name, Class<? extends Throwable> expected, Executable call, Executable stillWorks) {
        return new Row(name, expected, call, stillWorks);
    }

    private static final Class<NullPointerException> NPE = NullPointerException.class;
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final Class<IllegalStateException> ISE = IllegalStateException.class;
    private static final Class<IllegalMonitorStateException> IMSE = IllegalMonitorStateException.class;

    /** Runs {@code call} on another thread and rethrows what it threw there. */
    private static void onAnotherThread(Executable call) throws Throwable {
        Throwable[] thrown = new Throwable[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                call.execute();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        assertTrue(t.join(Duration.ofSeconds(30)), "the call on another thread did not end");
        if (thrown[0] != null) {
            throw thrown[0];
        }
    }

    private static List<Row> sync() {
        List<Row> rows = new ArrayList<>();
        Lock lock = new Lock();
        Executable lockWorks = () -> {
            assertTrue(lock.tryAcquire());
            lock.release();
        };
        rows.add(row("Lock.acquire(null)", NPE, () -> lock.acquire(null), lockWorks));
        rows.add(row("Lock.release() unlocked", ISE, lock::release, lockWorks));
        RLock rlock = new RLock();
        Executable rlockWorks = () -> {
            rlock.acquire();
            assertEquals(1, rlock.holdCount());
            rlock.release();
        };
        rows.add(row("RLock.acquire(null)", NPE, () -> rlock.acquire(null), rlockWorks));
        rows.add(row("RLock.release() not held", IMSE, rlock::release, rlockWorks));
        rows.add(row("RLock.release() by another thread", IMSE, () -> {
            rlock.acquire();
            try {
                onAnotherThread(rlock::release);
            } finally {
                rlock.release();
            }
        }, rlockWorks));
        Condition condition = new Condition();
        Executable conditionWorks = () -> {
            try (var g = condition.hold()) {
                condition.signalAll();
                assertTrue(!condition.await(Duration.ZERO));
            }
        };
        rows.add(row("Condition(null RLock)", NPE, () -> new Condition((RLock) null), conditionWorks));
        rows.add(row("Condition(null Lock)", NPE, () -> new Condition((Lock) null), conditionWorks));
        rows.add(row("Condition.await() without the lock", IMSE, condition::await, conditionWorks));
        rows.add(row("Condition.await(ZERO) without the lock", IMSE, () -> condition.await(Duration.ZERO), conditionWorks));
        rows.add(row("Condition.signal() without the lock", IMSE, condition::signal, conditionWorks));
        rows.add(row("Condition.signalAll() without the lock", IMSE, condition::signalAll, conditionWorks));
        rows.add(row("Condition.awaitUntil(..) without the lock", IMSE, () -> condition.awaitUntil(() -> true), conditionWorks));
        rows.add(row("Condition.signal(-1)", IAE, () -> {
            try (var g = condition.hold()) {
                condition.signal(-1);
            }
        }, conditionWorks));
        rows.add(row("Condition.awaitUntil(null)", NPE, () -> {
            try (var g = condition.hold()) {
                condition.awaitUntil((java.util.function.BooleanSupplier) null);
            }
        }, conditionWorks));
        rows.add(row("Condition.await(null)", NPE, () -> {
            try (var g = condition.hold()) {
                condition.await(null);
            }
        }, conditionWorks));
        rows.add(row("Condition.release() by another thread", IMSE, () -> {
            try (var g = condition.hold()) {
                onAnotherThread(condition::release);
            }
        }, conditionWorks));
        Semaphore semaphore = new Semaphore(1);
        Executable semaphoreWorks = () -> {
            assertTrue(semaphore.tryAcquire());
            semaphore.release();
            assertEquals(1, semaphore.value());
        };
        rows.add(row("new Semaphore(-1)", IAE, () -> new Semaphore(-1), semaphoreWorks));
        rows.add(row("Semaphore.acquire(null)", NPE, () -> semaphore.acquire(null), semaphoreWorks));
        rows.add(row("Semaphore.release(0)", IAE, () -> semaphore.release(0), semaphoreWorks));
        rows.add(row("Semaphore.release(-3)", IAE, () -> semaphore.release(-3), semaphoreWorks));
        BoundedSemaphore bounded = new BoundedSemaphore(2);
        Executable boundedWorks = () -> {
            assertEquals(2, bounded.value());
            assertTrue(bounded.tryAcquire());
            bounded.release();
            assertEquals(2, bounded.value());
        };
        rows.add(row("new BoundedSemaphore(-1)", IAE, () -> new BoundedSemaphore(-1), boundedWorks));
        rows.add(row("BoundedSemaphore.release() past the bound", ISE, bounded::release, boundedWorks));
        rows.add(row("BoundedSemaphore.release(2) past the bound", ISE, () -> {
            assertTrue(bounded.tryAcquire());
            try {
                bounded.release(2);
            } finally {
                assertEquals(1, bounded.value(), "value unchanged");
                bounded.release();
            }
        }, boundedWorks));
        Event event = new Event();
        Executable eventWorks = () -> {
            event.set();
            assertTrue(event.await(Duration.ZERO));
            event.clear();
        };
        rows.add(row("Event.await(null)", NPE, () -> event.await(null), eventWorks));
        Barrier barrier = new Barrier(1);
        Executable barrierWorks = () -> assertEquals(0, barrier.await());
        rows.add(row("new Barrier(0)", IAE, () -> new Barrier(0), barrierWorks));
        rows.add(row("new Barrier(-2)", IAE, () -> new Barrier(-2), barrierWorks));
        rows.add(row("new Barrier(2, null action)", NPE, () -> new Barrier(2, null), barrierWorks));
        rows.add(row("new Barrier(2, action, null timeout)", NPE, () -> new Barrier(2, () -> { }, null), barrierWorks));
        rows.add(row("Barrier.await(null)", NPE, () -> barrier.await(null), barrierWorks));
        Barrier aborted = new Barrier(2);
        rows.add(row("Barrier.await() when broken", dev.weft.sync.BrokenBarrierError.class, () -> {
            aborted.abort();
            aborted.await();
        }, () -> {
            aborted.reset();
            assertTrue(!aborted.isBroken());
        }));
        rows.add(row("new Timer(null, action)", NPE, () -> new Timer(null, () -> { }), () -> { }));
        rows.add(row("new Timer(interval, null)", NPE, () -> new Timer(Duration.ZERO, null), () -> { }));
        Timer timer = new Timer(Duration.ofMinutes(10), () -> { });
        rows.add(row("Timer.join() never started", ISE, timer::join, () -> {
            timer.start();
            assertTrue(timer.cancel());
            timer.join();
        }));
        JoinableQueue<String> queue = JoinableQueue.fifo(2);
        Executable queueWorks = () -> {
            assertTrue(queue.tryPut("x"));
            assertEquals("x", queue.tryGet().orElseThrow());
            queue.taskDone();
            assertTrue(queue.join(Duration.ZERO));
        };
        rows.add(row("JoinableQueue.put(null)", NPE, () -> queue.put(null), queueWorks));
        rows.add(row("JoinableQueue.put(item, null)", NPE, () -> queue.put("x", null), queueWorks));
        rows.add(row("JoinableQueue.tryPut(null)", NPE, () -> queue.tryPut(null), queueWorks));
        rows.add(row("JoinableQueue.get(null)", NPE, () -> queue.get(null), queueWorks));
        rows.add(row("JoinableQueue.join(null)", NPE, () -> queue.join(null), queueWorks));
        rows.add(row("JoinableQueue.taskDone() too many", ISE, queue::taskDone, queueWorks));
        rows.add(row("JoinableQueue.priority(null comparator)", NPE, () -> JoinableQueue.priority((java.util.Comparator<String>) null), queueWorks));
        JoinableQueue<String> shut = JoinableQueue.fifo();
        Executable shutStillDrains = () -> {
            assertEquals(0, shut.size());
            assertTrue(shut.join(Duration.ZERO));
        };
        rows.add(row("JoinableQueue.put() after shutdown", QueueShutDownException.class, () -> {
            shut.shutdown();
            shut.put("late");
        }, shutStillDrains));
        rows.add(row("JoinableQueue.tryPut() after shutdown", QueueShutDownException.class, () -> shut.tryPut("late"), shutStillDrains));
        rows.add(row("JoinableQueue.get() shut down and empty", QueueShutDownException.class, shut::get, shutStillDrains));
        rows.add(row("JoinableQueue.tryGet() shut down and empty", QueueShutDownException.class, shut::tryGet, shutStillDrains));
        RLock ordered = dev.weft.sync.Locks.ordered("bad-input.ordered");
        Executable orderedWorks = () -> {
            ordered.acquire();
            ordered.release();
        };
        rows.add(row("Locks.ordered(null)", NPE, () -> dev.weft.sync.Locks.ordered(null), orderedWorks));
        rows.add(row("Locks.ranked(null)", NPE, () -> dev.weft.sync.Locks.ranked((java.util.concurrent.TimeUnit) null), orderedWorks));
        // (JoinableQueue.fifo(-1) is not bad input: zero or negative means unbounded, as queue.Queue(maxsize).)
        return rows;
    }

    private static List<Row> async() {
        List<Row> rows = new ArrayList<>();
        Executable asyncWorks = () -> assertEquals(List.of(1, 2), Async.gather(List.<Callable<Integer>>of(() -> 1, () -> 2)));
        rows.add(row("Async.run(null)", NPE, () -> Async.run(null), asyncWorks));
        rows.add(row("Async.gather((Collection) null)", NPE, () -> Async.gather((List<Callable<Integer>>) null), asyncWorks));
        rows.add(row("Async.gather(a null task)", NPE, () -> Async.gather(Arrays.asList(() -> 1, null)), asyncWorks));
        rows.add(row("Async.gather(0, tasks)", IAE, () -> Async.gather(0, List.<Callable<Integer>>of(() -> 1)), asyncWorks));
        rows.add(row("Async.gather(-1, tasks)", IAE, () -> Async.gather(-1, List.<Callable<Integer>>of(() -> 1)), asyncWorks));
        rows.add(row("Async.gatherOutcomes(0, tasks)", IAE, () -> Async.gatherOutcomes(0, List.<Callable<Integer>>of(() -> 1)), asyncWorks));
        rows.add(row("Async.gatherOutcomes(null)", NPE, () -> Async.gatherOutcomes((List<Callable<Integer>>) null), asyncWorks));
        rows.add(row("Async.ensureFuture((Callable) null)", NPE, () -> Async.ensureFuture((Callable<Integer>) null), asyncWorks));
        rows.add(row("Async.ensureFuture((Task) null)", NPE, () -> Async.ensureFuture((Task<Integer>) null), asyncWorks));
        rows.add(row("Async.ensureFuture((CompletableFuture) null)", NPE, () -> Async.ensureFuture((CompletableFuture<Integer>) null), asyncWorks));
        rows.add(row("Async.createTask(null, task)", NPE, () -> Async.createTask(null, () -> 1), asyncWorks));
        rows.add(row("Async.sleep(null)", NPE, () -> Async.sleep(null), asyncWorks));
        rows.add(row("Async.waitFor(null, timeout)", NPE, () -> Async.waitFor((Callable<Integer>) null, Duration.ofSeconds(1)), asyncWorks));
        rows.add(row("Async.waitFor(task, null)", NPE, () -> Async.waitFor(() -> 1, null), asyncWorks));
        rows.add(row("Async.timeout(null, body)", NPE, () -> Async.timeout(null, () -> 1), asyncWorks));
        rows.add(row("Async.timeout(timeout, null)", NPE, () -> Async.timeout(Duration.ofSeconds(1), null), asyncWorks));
        rows.add(row("Async.timeout(ZERO, body)", java.util.concurrent.TimeoutException.class,
                () -> Async.timeout(Duration.ZERO, () -> 1), asyncWorks));
        rows.add(row("Async.moveOnAfter(null, body)", NPE, () -> Async.moveOnAfter(null, () -> 1), asyncWorks));
        rows.add(row("Async.moveOnAfter(timeout, null)", NPE, () -> Async.moveOnAfter(Duration.ofSeconds(1), null), asyncWorks));
        rows.add(row("Async.shield(null)", NPE, () -> Async.shield(null), asyncWorks));
        rows.add(row("Async.asCompleted(null)", NPE, () -> Async.asCompleted(null), asyncWorks));
        rows.add(row("Async.race(null)", NPE, () -> Async.race((List<Callable<Integer>>) null), asyncWorks));
        rows.add(row("Async.awaitTasks(null, ALL_COMPLETED)", NPE, () -> Async.awaitTasks(null, ReturnWhen.ALL_COMPLETED), asyncWorks));
        rows.add(row("Async.awaitTasks(tasks, null)", NPE, () -> Async.awaitTasks(List.<Task<Integer>>of(), null), asyncWorks));
        rows.add(row("Futures.gather(null)", NPE, () -> Futures.gather((List<CompletableFuture<Integer>>) null), asyncWorks));
        rows.add(row("TaskGroup.open(null)", NPE, () -> TaskGroup.open(null), asyncWorks));
        rows.add(row("TaskGroup.createTask(null)", NPE, () -> {
            try (TaskGroup group = TaskGroup.open()) {
                group.createTask((Callable<Integer>) null);
            }
        }, asyncWorks));
        rows.add(row("TaskGroup.createTask() after close", ISE, () -> {
            TaskGroup group = TaskGroup.open();
            group.close();
            group.createTask(() -> 1);
        }, asyncWorks));
        rows.add(row("TaskGroup.run(null)", NPE, () -> TaskGroup.run((TaskGroup.Body<Integer>) null), asyncWorks));
        rows.add(row("TaskGroup.run(null name, body)", NPE, () -> TaskGroup.run(null, group -> 1), asyncWorks));
        // the body's IllegalStateException reaches the caller inside the group's exception, as its cause
        rows.add(row("TaskGroup.close() inside run", TaskGroupException.class, () -> TaskGroup.run(group -> {
            group.close();
            return 1;
        }), asyncWorks));
        rows.add(row("TaskGroup.createTask() after cancel", ISE, () -> {
            try (TaskGroup group = TaskGroup.open()) {
                group.cancel();
                group.createTask(() -> 1);
            }
        }, asyncWorks));
        return rows;
    }

    private static List<Row> parallel() {
        List<Row> rows = new ArrayList<>();
        Pool threads = Pool.threads(2);
        CLOSE_AFTER.add(threads);
        Executable poolWorks = () -> assertEquals(List.of(2, 4), threads.map(x -> x * 2, List.of(1, 2)));
        rows.add(row("Pool.threads(0)", IAE, () -> Pool.threads(0), poolWorks));
        rows.add(row("Pool.threads(-1)", IAE, () -> Pool.threads(-1), poolWorks));
        rows.add(row("Pool.processes(0)", IAE, () -> Pool.processes(0), poolWorks));
        rows.add(row("Pool.processes(null options)", NPE, () -> Pool.processes((ProcessPoolOptions) null), poolWorks));
        rows.add(row("Pool.map(null fn)", NPE, () -> threads.map(null, List.of(1)), poolWorks));
        rows.add(row("Pool.map(fn, null inputs)", NPE, () -> threads.map(x -> x, (List<Integer>) null), poolWorks));
        rows.add(row("Pool.map(fn, inputs, chunkSize 0)", IAE, () -> threads.map(x -> x, List.of(1), 0), poolWorks));
        rows.add(row("Pool.mapOutcomes(fn, inputs, chunkSize -1)", IAE, () -> threads.mapOutcomes(x -> x, List.of(1), -1), poolWorks));
        rows.add(row("Pool.imap(null fn)", NPE, () -> threads.imap(null, List.of(1)), poolWorks));
        rows.add(row("Pool.imapUnordered(fn, null)", NPE, () -> threads.imapUnordered(x -> x, (List<Integer>) null), poolWorks));
        rows.add(row("Pool.apply(null fn)", NPE, () -> threads.apply(null, 1), poolWorks));
        rows.add(row("Pool.applyAsync(null fn)", NPE, () -> threads.applyAsync(null, 1), poolWorks));
        Pool closed = Pool.threads(1);
        closed.close();
        rows.add(row("Pool.map() after close", ISE, () -> closed.map(x -> x, List.of(1)), poolWorks));
        rows.add(row("Pool.apply() after close", ISE, () -> closed.apply(x -> x, 1), poolWorks));
        Pool terminated = Pool.threads(1);
        terminated.terminate();
        rows.add(row("Pool.map() after terminate", ISE, () -> terminated.map(x -> x, List.of(1)), poolWorks));
        ProcessPoolOptions.Builder builder = ProcessPoolOptions.builder();
        rows.add(row("ProcessPoolOptions.workers(0)", IAE, () -> builder.workers(0), () -> builder.workers(1)));
        rows.add(row("ProcessPoolOptions.maxTasksPerChild(-1)", IAE, () -> ProcessPoolOptions.builder().maxTasksPerChild(-1), () -> { }));
        rows.add(row("ProcessPoolOptions.taskTimeout(ZERO)", IAE, () -> ProcessPoolOptions.builder().taskTimeout(Duration.ZERO), () -> { }));
        rows.add(row("ProcessPoolOptions.taskTimeout(null)", NPE, () -> ProcessPoolOptions.builder().taskTimeout(null), () -> { }));
        rows.add(row("ProcessPoolOptions.jvmArgs(null)", NPE, () -> ProcessPoolOptions.builder().jvmArgs(null), () -> { }));
        rows.add(row("ProcessPoolOptions.workers set twice", ISE, () -> {
            ProcessPoolOptions.Builder twice = ProcessPoolOptions.builder().workers(1);
            twice.workers(2);
        }, () -> { }));
        rows.add(row("JvmProcess.start(null fn)", NPE, () -> dev.weft.parallel.JvmProcess.start(null, 1), () -> { }));
        rows.add(row("JvmProcess.start(fn, arg, null jvmArgs)", NPE,
                () -> dev.weft.parallel.JvmProcess.start(x -> x, 1, null), () -> { }));
        rows.add(row("Pool.imap(fn, inputs, chunkSize 0)", IAE, () -> threads.imap(x -> x, List.of(1), 0), poolWorks));
        rows.add(row("Pool.imapUnordered(fn, inputs, chunkSize 0)", IAE,
                () -> threads.imapUnordered(x -> x, List.of(1), 0), poolWorks));
        rows.add(row("Pool.mapAsync(null fn)", NPE, () -> threads.mapAsync(null, List.of(1)), poolWorks));
        rows.add(row("Pool.mapOutcomes(fn, null inputs)", NPE, () -> threads.mapOutcomes(x -> x, (List<Integer>) null), poolWorks));
        rows.add(row("Pool.map(fn, inputs, null progress)", NPE,
                () -> threads.map(x -> x, List.of(1), (dev.weft.parallel.ProgressListener) null), poolWorks));
        return rows;
    }

    private static List<Row> decorators() {
        List<Row> rows = new ArrayList<>();
        CacheDecorator cache = Decorators.lruCache(2);
        Function<Integer, Integer> twice = Decorate.function("twice", x -> x * 2, cache);
        Executable cacheWorks = () -> {
            assertEquals(8, twice.apply(4));
            assertEquals(8, twice.apply(4));
            assertTrue(cache.info().hits() >= 1);
        };
        rows.add(row("Decorators.lruCache(-1)", IAE, () -> Decorators.lruCache(-1), cacheWorks));
        rows.add(row("Decorators.lruCache(-1, typed)", IAE, () -> Decorators.lruCache(-1, true), cacheWorks));
        rows.add(row("Decorators.printBefore(null)", NPE, () -> Decorators.printBefore(null), cacheWorks));
        rows.add(row("Decorators.printAfter(null)", NPE, () -> Decorators.printAfter(null), cacheWorks));
        rows.add(row("Decorators.showDoc(null)", NPE, () -> Decorators.showDoc(null), cacheWorks));
        rows.add(row("Decorators.timed(null)", NPE, () -> Decorators.timed(null), cacheWorks));
        rows.add(row("Decorators.requireArg(-1, ..)", IAE, () -> Decorators.requireArg(-1, a -> true, "m"), cacheWorks));
        rows.add(row("Decorators.requireArg(0, null, ..)", NPE, () -> Decorators.requireArg(0, null, "m"), cacheWorks));
        rows.add(row("Decorate.function(null name)", NPE, () -> Decorate.function(null, x -> x), cacheWorks));
        rows.add(row("Decorate.function(blank name)", IAE, () -> Decorate.function("  ", x -> x), cacheWorks));
        rows.add(row("Decorate.function(null function)", NPE, () -> Decorate.function("f", (Function<Integer, Integer>) null), cacheWorks));
        rows.add(row("Decorate.function(null decorator)", NPE, () -> Decorate.function("f", x -> x, (dev.weft.decorators.Decorator) null), cacheWorks));
        rows.add(row("Decorate.function(cache already used)", ISE, () -> Decorate.function("other", x -> x, cache), cacheWorks));
        rows.add(row("Decorate.proxy(a class, not an interface)", IAE,
                () -> Decorate.proxy(String.class, "x"), cacheWorks));
        rows.add(row("Decorate.proxy(null target)", NPE, () -> Decorate.proxy(Runnable.class, null), cacheWorks));
        rows.add(row("Decorate.supplier(null supplier)", NPE,
                () -> Decorate.supplier("s", (java.util.function.Supplier<Integer>) null), cacheWorks));
        rows.add(row("Decorate.biFunction(null function)", NPE,
                () -> Decorate.biFunction("b", (java.util.function.BiFunction<Integer, Integer, Integer>) null), cacheWorks));
        rows.add(row("Decorate.callable(null callable)", NPE, () -> Decorate.callable("c", (Callable<Integer>) null), cacheWorks));
        rows.add(row("Decorate.runnable(null runnable)", NPE, () -> Decorate.runnable("r", null), cacheWorks));
        rows.add(row("Decorate.recursive(null body)", NPE,
                () -> Decorate.recursive("f", (java.util.function.BiFunction<Function<Integer, Integer>, Integer, Integer>) null),
                cacheWorks));
        rows.add(row("Decorate.annotated(null interface)", NPE, () -> Decorate.annotated(null, "x"), cacheWorks));
        rows.add(row("Decorate.annotated(a class, not an interface)", IAE, () -> Decorate.annotated(String.class, "x"), cacheWorks));
        rows.add(row("Decorate.proxy(null interface)", NPE, () -> Decorate.proxy(null, "x"), cacheWorks));
        rows.add(row("Decorators.cache() reused for a second function", ISE, () -> {
            CacheDecorator shared = Decorators.cache();
            Decorate.function("first", x -> x, shared);
            Decorate.function("second", x -> x, shared);
        }, cacheWorks));
        rows.add(row("requireArg decorator on a bad argument", IAE, () -> {
            Function<String, String> f = Decorate.function("upper", String::toUpperCase,
                    Decorators.requireArg(0, a -> ((String) a).contains("@"), "needs @"));
            f.apply("no at");
        }, cacheWorks));
        return rows;
    }

    private static final List<AutoCloseable> CLOSE_AFTER = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyPublicEntryPointRejectsBadInput() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(sync());
        rows.addAll(async());
        rows.addAll(parallel());
        rows.addAll(decorators());
        Figures.add(getClass(), Figures.Kind.INPUTS_TRIED, rows.size());
        Stream<DynamicTest> tests = rows.stream().map(r -> dynamicTest(r.name() + " -> " + r.expected().getSimpleName(), () -> {
            Throwable thrown = assertThrows(r.expected(), r.call(), r.name());
            if (r.expected() == NPE || r.expected() == IAE) {
                assertTrue(thrown.getMessage() != null && !thrown.getMessage().isBlank(), r.name() + ": no message");
            }
            r.stillWorks().execute();
        }));
        return tests.onClose(() -> {
            for (AutoCloseable c : CLOSE_AFTER) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            CLOSE_AFTER.clear();
        });
    }
}
