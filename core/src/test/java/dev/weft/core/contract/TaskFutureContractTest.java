package dev.weft.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Future} contract of {@link Task}, run against every kind of task weft hands out by
 * a subclass that says how to start one: a {@code TaskScope} fork and {@code Task.of} here, the
 * async module's tasks, a pool's {@code applyAsync} (through the {@code weft-core:tests} jar).
 * What is tested follows the JDK's {@code Future} javadoc: {@code get} and its timeout,
 * {@code ExecutionException} with the original cause, cancellation that makes the task done at
 * once, {@code state}, {@code resultNow}, {@code exceptionNow}, an interrupted caller.
 *
 * <p>Every body this suite starts waits on a latch that is released when the test ends, before
 * {@link #close()}: a body that cancellation does not interrupt still ends.
 */
public abstract class TaskFutureContractTest {
    /** How long a test waits for what takes milliseconds, even on a slow, loaded machine. */
    protected static final long PATIENCE_SECONDS = 30;

    private final CountDownLatch release = new CountDownLatch(1);

    /**
     * Starts {@code body} as the kind of task under test.
     *
     * @param body what the task runs
     * @param <T> the type of its result
     * @return the running task
     * @throws Exception if the task cannot be started
     */
    protected abstract <T> Task<T> start(Callable<T> body) throws Exception;

    /** {@return true if {@code cancel(true)} interrupts a running body (a task on a thread of its own)} */
    protected abstract boolean cancelInterruptsTheBody();

    /**
     * Prepares what {@link #start} needs (a scope, a pool).
     *
     * @throws Exception if it cannot
     */
    protected void open() throws Exception {
    }

    /**
     * Ends what {@link #open()} made; every body has been released, and must have ended when this
     * returns.
     *
     * @throws Exception if it cannot
     */
    protected void close() throws Exception {
    }

    @BeforeEach
    final void openKind() throws Exception {
        open();
    }

    @AfterEach
    final void closeKind() throws Exception {
        release.countDown();
        close();
    }

    // ------------------------------------------------------------ bodies

    /** A body that signals its start, waits for the end of the test, then returns its value; and what it saw. */
    private final class Parked implements Callable<String> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();
        private final String value;

        Parked(String value) {
            this.value = value;
        }

        @Override
        public String call() {
            started.countDown();
            try {
                release.await();
                return value;
            } catch (InterruptedException e) {
                interrupted.set(true);
                return "caught the interrupt";
            } finally {
                returned.countDown();
            }
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS), what + " did not happen within " + PATIENCE_SECONDS + " s");
    }

    private static <T> void awaitEnd(Task<T> task) throws InterruptedException {
        try {
            task.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CancellationException ended) {
            // ended: that is all this waits for
        } catch (TimeoutException e) {
            throw new AssertionError("task " + task + " did not end within " + PATIENCE_SECONDS + " s", e);
        }
    }

    // ------------------------------------------------------------ a value

    @Test
    void getReturnsTheValueAndTheDoneTaskSaysSo() throws Exception {
        Task<String> task = start(() -> "value");
        assertEquals("value", task.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals("value", task.get());
        assertTrue(task.isDone());
        assertFalse(task.isCancelled());
        assertEquals(Future.State.SUCCESS, task.state());
        assertEquals("value", task.resultNow());
        assertThrows(IllegalStateException.class, task::exceptionNow);
        assertEquals(Outcome.success("value"), task.outcome());
        assertEquals("value", task.get(0, TimeUnit.SECONDS), "a done task's get does not wait, even with no time");
        assertEquals("value", task.get(-1, TimeUnit.SECONDS));
    }

    @Test
    void aNullValueIsAValue() throws Exception {
        Task<String> task = start(() -> null);
        assertEquals(null, task.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals(Future.State.SUCCESS, task.state());
        assertEquals(null, task.resultNow());
    }

    // ------------------------------------------------------------ a failure

    @Test
    void getThrowsExecutionExceptionWhoseCauseIsTheOriginal() throws Exception {
        IOException boom = new IOException("disk");
        Task<String> task = start(() -> {
            throw boom;
        });
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> task.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertSame(boom, thrown.getCause());
        assertSame(boom, assertThrows(ExecutionException.class, task::get).getCause());
        assertEquals(Future.State.FAILED, task.state());
        assertSame(boom, task.exceptionNow());
        assertThrows(IllegalStateException.class, task::resultNow);
        assertTrue(task.isDone());
        assertFalse(task.isCancelled());
        assertSame(boom, assertThrows(TaskFailedException.class, task::await).getCause(),
                "await keeps weft's exception: TaskFailedException, the same cause");
    }

    @Test
    void anUncheckedFailureIsWrappedToo() throws Exception {
        IllegalStateException boom = new IllegalStateException("bad state");
        Task<String> task = start(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(ExecutionException.class, () -> task.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).getCause());
        assertSame(boom, task.exceptionNow());
    }

    // ------------------------------------------------------------ still running

    @Test
    void getWithATimeoutThrowsTimeoutExceptionWhileRunningAndReturnsOnceDone() throws Exception {
        Parked body = new Parked("late");
        Task<String> task = start(body);
        assertThrows(TimeoutException.class, () -> task.get(20, TimeUnit.MILLISECONDS));
        assertThrows(TimeoutException.class, () -> task.get(0, TimeUnit.NANOSECONDS));
        assertThrows(TimeoutException.class, () -> task.get(-5, TimeUnit.SECONDS));
        assertFalse(task.isDone(), "a timed-out get leaves the task running");
        assertEquals(Future.State.RUNNING, task.state());
        assertThrows(IllegalStateException.class, task::resultNow);
        assertThrows(IllegalStateException.class, task::exceptionNow);
        assertThrows(NullPointerException.class, () -> task.get(1, null));
        release.countDown();
        assertEquals("late", task.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertFalse(body.interrupted.get());
        assertEquals(Future.State.SUCCESS, task.state());
    }

    @Test
    void anInterruptedCallerOfGetGetsInterruptedExceptionAndTheTaskGoesOn() throws Exception {
        Parked body = new Parked("went on");
        Task<String> task = start(body);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, task::get);
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was consumed by the exception");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> task.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertFalse(task.isDone());
        release.countDown();
        assertEquals("went on", task.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertFalse(body.interrupted.get(), "the caller's interrupt never reached the task");
    }

    @Test
    void aCallerBlockedInGetIsWokenByAnInterrupt() throws Exception {
        Parked body = new Parked("went on");
        Task<String> task = start(body);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("get-caller").start(() -> {
            try {
                thrown.set(new AssertionError("get returned " + task.get()));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        caller.interrupt(); // before or while it waits in get: either way get throws
        assertTrue(caller.join(Duration.ofSeconds(PATIENCE_SECONDS)), "the interrupted caller of get is still waiting");
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertFalse(task.isDone(), "interrupting a caller does not touch the task");
    }

    // ------------------------------------------------------------ cancel

    @Test
    void aSuccessfulCancelMakesTheTaskDoneAndCancelledAtOnce() throws Exception {
        Parked body = new Parked("never seen");
        Task<String> task = start(body);
        assertTrue(task.cancel(true));
        assertTrue(task.isDone(), "done at once after cancel returned true");
        assertTrue(task.isCancelled());
        assertEquals(Future.State.CANCELLED, task.state());
        assertInstanceOf(Outcome.Cancelled.class, task.outcome());
        assertThrows(CancellationException.class, task::get);
        assertThrows(CancellationException.class, () -> task.get(0, TimeUnit.SECONDS));
        assertThrows(CancellationException.class, task::await);
        assertThrows(IllegalStateException.class, task::resultNow);
        assertThrows(IllegalStateException.class, task::exceptionNow);
        assertTrue(task.toCompletableFuture().isCancelled());
        assertFalse(task.cancel(true), "a cancelled task cannot be cancelled again");
        assertFalse(task.cancel(false));
        assertFalse(task.cancel());
    }

    @Test
    void cancelTrueInterruptsARunningBody() throws Exception {
        assertCancelInterrupts(task -> task.cancel(true));
    }

    @Test
    void cancelWithNoArgumentIsCancelTrue() throws Exception {
        assertCancelInterrupts(Task::cancel);
    }

    private void assertCancelInterrupts(java.util.function.Predicate<Task<String>> cancel) throws Exception {
        Parked body = new Parked("never seen");
        Task<String> task = start(body);
        await(body.started, "the body's start");
        assertTrue(cancel.test(task));
        assertTrue(task.isCancelled());
        if (cancelInterruptsTheBody()) {
            await(body.returned, "the interrupted body's return");
            assertTrue(body.interrupted.get(), "the body was not interrupted");
        } else {
            release.countDown();
            await(body.returned, "the body's return");
        }
        assertTrue(task.isCancelled(), "a body that returns after the cancel does not un-cancel its task");
        assertThrows(CancellationException.class, task::get);
    }

    @Test
    void cancelFalseMarksTheTaskCancelledWithoutInterruptingTheBody() throws Exception {
        Parked body = new Parked("ran on");
        Task<String> task = start(body);
        await(body.started, "the body's start");
        assertTrue(task.cancel(false));
        assertTrue(task.isDone());
        assertTrue(task.isCancelled());
        assertEquals(Future.State.CANCELLED, task.state());
        assertEquals(1, body.returned.getCount(), "cancel(false) stopped the body");
        release.countDown();
        await(body.returned, "the body's return");
        assertFalse(body.interrupted.get(), "cancel(false) interrupted the body");
        assertTrue(task.isCancelled(), "the body's value does not replace the cancellation");
        assertThrows(CancellationException.class, () -> task.get(0, TimeUnit.SECONDS));
    }

    @Test
    void aBodyThatFailsAfterTheCancelLeavesTheTaskCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch threw = new CountDownLatch(1);
        Task<String> task = start(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                // fall through to the failure below, as cleanup code that fails would
            } finally {
                threw.countDown();
            }
            throw new IllegalStateException("after the cancel");
        });
        await(started, "the body's start");
        assertTrue(task.cancel(true));
        release.countDown();
        await(threw, "the body's end");
        assertTrue(task.isCancelled());
        assertEquals(Future.State.CANCELLED, task.state());
        assertThrows(CancellationException.class, task::get);
    }

    @Test
    void cancelReturnsFalseOnceDoneAndChangesNothing() throws Exception {
        Task<String> ok = start(() -> "v");
        awaitEnd(ok); // before the failure: a fail-fast owner would cancel it
        IOException boom = new IOException("failed");
        Task<String> failed = start(() -> {
            throw boom;
        });
        awaitEnd(failed);
        for (Task<String> done : List.of(ok, failed)) {
            assertFalse(done.cancel(true));
            assertFalse(done.cancel(false));
            assertFalse(done.cancel());
            assertFalse(done.isCancelled());
        }
        assertEquals(Future.State.SUCCESS, ok.state());
        assertEquals("v", ok.get());
        assertEquals(Future.State.FAILED, failed.state());
        assertSame(boom, failed.exceptionNow());
    }

    @Test
    void doneCallbacksRunOnceOnTheCancellingThreadBeforeCancelReturns() throws Exception {
        Parked body = new Parked("never seen");
        Task<String> task = start(body);
        await(body.started, "the body's start");
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicBoolean sawCancelled = new AtomicBoolean();
        task.onDone(t -> {
            calls.incrementAndGet();
            ranOn.set(Thread.currentThread());
            sawCancelled.set(t.isCancelled() && t.state() == Future.State.CANCELLED);
        });
        assertTrue(task.cancel(true));
        assertEquals(1, calls.get());
        assertSame(Thread.currentThread(), ranOn.get());
        assertTrue(sawCancelled.get());
        release.countDown();
        await(body.returned, "the body's return");
        assertEquals(1, calls.get(), "the body's late return ran the callbacks again");
    }

    @Test
    void racingCancelsLetExactlyOneWin() throws Exception {
        Parked body = new Parked("never seen");
        Task<String> task = start(body);
        int racers = 4;
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            boolean interrupt = i % 2 == 0;
            threads.add(Thread.ofPlatform().name("canceller-" + i).start(() -> {
                try {
                    go.await();
                    if (task.cancel(interrupt)) {
                        wins.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            assertTrue(t.join(Duration.ofSeconds(PATIENCE_SECONDS)), t.getName() + " did not end");
        }
        assertEquals(1, wins.get(), "cancel returned true more than once, or never");
        assertTrue(task.isCancelled());
    }

    // ------------------------------------------------------------ with JDK code

    /** JDK-style code that knows only {@link Future}. */
    private static List<Object> getAll(Collection<? extends Future<?>> futures) throws InterruptedException {
        List<Object> results = new ArrayList<>();
        for (Future<?> future : futures) {
            try {
                results.add(future.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                results.add(e.getCause());
            } catch (CancellationException e) {
                results.add("cancelled");
            } catch (TimeoutException e) {
                throw new AssertionError(future + " did not end within " + PATIENCE_SECONDS + " s", e);
            }
        }
        return results;
    }

    @Test
    void aTaskIsAFutureForCodeThatTakesFutures() throws Exception {
        Parked body = new Parked("never seen");
        Task<String> cancelled = start(body);
        assertTrue(cancelled.cancel(true));
        Task<Integer> one = start(() -> 1);
        awaitEnd(one); // before the failure: a fail-fast owner would cancel it
        IOException boom = new IOException("boom");
        Task<Integer> failed = start(() -> {
            throw boom;
        });
        List<Future<?>> futures = List.of(one, failed, cancelled);
        assertEquals(List.of(1, boom, "cancelled"), getAll(futures));
        CompletableFuture<Integer> view = one.toCompletableFuture();
        assertEquals(1, view.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
    }
}
