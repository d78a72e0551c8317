package dev.weft.parallel.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProgressListener;
import dev.weft.parallel.SerializableFunction;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Pool}, run against every backend by a subclass that says how to make a
 * pool ({@code ThreadPoolTest}, {@code ProcessPoolTest}, and the cluster module's pools through
 * the {@code weft-parallel:tests} jar). Cases follow CPython's {@code _TestPool} in
 * {@code Lib/test/_test_multiprocessing.py} ({@code test_map}, {@code test_map_chunksize},
 * {@code test_imap}, {@code test_imap_unordered}, {@code test_apply}, {@code test_async},
 * {@code test_map_async}, {@code test_terminate}, {@code test_empty_iterable}), plus what weft adds:
 * failures naming their input, outcomes, a lazy bounded {@code imap}, progress, and {@code close}
 * that finishes submitted work.
 *
 * <p>Functions here are static or capture only serializable values, so that every backend can
 * send them.
 */
public abstract class PoolContractTest {

    /** How many workers the pools of this suite have. */
    protected static final int WORKERS = 2;

    /** The pool under test, made fresh for each test. */
    protected Pool pool;

    /** For subclasses, one per backend. */
    protected PoolContractTest() {
    }

    /**
     * Makes a pool of the backend under test.
     *
     * @param workers how many workers
     * @return a new pool
     */
    protected abstract Pool newPool(int workers);

    /**
     * Whether the backend sends inputs and results to its workers as bytes (child JVMs, cluster
     * members): only then can a value fail to be read back, and the cases of values whose
     * {@code readObject} throws apply. The thread pool hands the objects over and says false.
     *
     * @return true by default
     */
    protected boolean serializesValues() {
        return true;
    }

    @BeforeEach
    void openPool() {
        pool = newPool(WORKERS);
    }

    @AfterEach
    void closePool() {
        pool.terminate();
    }

    // ---------------------------------------------------------------- functions sent to workers

    static int square(int x) {
        return x * x;
    }

    static int tenDividedBy(int x) {
        return 10 / x;
    }

    static int failOnSeven(int x) {
        if (x == 7) {
            throw new ContractFailure("seven is not welcome");
        }
        return x;
    }

    static int sleepThenReturn(int millis) {
        try {
            Thread.sleep(millis); // the workload: a task that takes time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return millis;
    }

    /**
     * Writes {@code dir/me} then waits (up to 30 s) until every party has written its file: true
     * only if all parties ran at the same time.
     */
    static boolean rendezvous(String dir, int me, int parties) {
        try {
            Files.createFile(Path.of(dir, "party-" + me));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                long arrived;
                try (var files = Files.list(Path.of(dir))) {
                    arrived = files.count();
                }
                if (arrived >= parties) {
                    return true;
                }
                Thread.sleep(5); // polling the other party's file inside the workload
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What {@link #heldUntil} gives when its file never came. */
    static final int HELD_TOO_LONG = Integer.MIN_VALUE;

    /**
     * Holds its task until the file {@code go} exists, then returns {@code value}: a slow task
     * that stays slow until the test lets it go, however loaded the machine is. After 60 s it
     * gives up and returns {@link #HELD_TOO_LONG}, which no test expects.
     */
    static int heldUntil(String go, int value) {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(Path.of(go))) {
                if (System.nanoTime() - deadline > 0) {
                    return HELD_TOO_LONG; // the test never let it go: not the value it expects
                }
                Thread.sleep(5); // polling for the test's file inside the workload
            }
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Whether {@code caller} is blocked waiting for the results of a map it submitted: every chunk of
     * that map is then counted in and dispatched (it is inside {@code PoolCalls.await}, which the
     * calls of every backend share), so that a terminate or an interrupt from now on finds the map running.
     * A thread state alone does not say that: the caller may park on a lock or a class
     * initialisation before its map is admitted.
     */
    protected static boolean awaitingResults(Thread caller) {
        Thread.State state = caller.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && Arrays.stream(caller.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("await")
                        && frame.getClassName().equals("dev.weft.parallel.internal.PoolCalls"));
    }

    /** Waits (bounded) for a thread the test started, and fails if it is still alive. */
    protected static void assertEnds(Thread thread) throws InterruptedException {
        assertTrue(thread.join(Duration.ofSeconds(60)), thread.getName() + " did not end within 60 s");
    }

    /** A failure type of the test's own, to check that the type survives the trip. */
    static final class ContractFailure extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        ContractFailure(String message) {
            super(message);
        }
    }

    protected static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** What a value's {@code readObject} throws when it is read back. */
    enum Unreadability {
        UNCHECKED(ContractFailure.class),
        ERROR(UnreadableError.class),
        CHECKED(UnreadableCheckedException.class);

        final Class<? extends Throwable> thrown;

        Unreadability(Class<? extends Throwable> thrown) {
            this.thrown = thrown;
        }
    }

    /**
     * A value that serializes but cannot be read back: its {@code readObject} throws. As an input
     * it throws in the worker, as a result in the caller's JVM, when the reply is decoded.
     */
    static final class Unreadable implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final Unreadability how;

        Unreadable(Unreadability how) {
            this.how = how;
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            switch (how) {
                case UNCHECKED -> throw new ContractFailure("unreadable value: unchecked");
                case ERROR -> throw new UnreadableError("unreadable value: an Error");
                case CHECKED -> throw Unreadable.<RuntimeException>sneaky(new UnreadableCheckedException());
            }
        }

        @SuppressWarnings("unchecked") // the sneaky throw: T is inferred as RuntimeException
        private static <T extends Throwable> T sneaky(Throwable t) throws T {
            throw (T) t;
        }
    }

    /** The {@link Error} an {@link Unreadable} throws. */
    static final class UnreadableError extends Error {
        @Serial
        private static final long serialVersionUID = 1L;

        UnreadableError(String message) {
            super(message);
        }
    }

    /** The checked exception an {@link Unreadable} throws (not an {@code IOException}). */
    static final class UnreadableCheckedException extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        UnreadableCheckedException() {
            super("unreadable value: a checked exception");
        }
    }

    static String describe(Object x) {
        return String.valueOf(x);
    }

    /** Asserts that {@code error} names {@code input} and has {@code thrown} in its cause chain, named too. */
    private static void assertNamesInputAndCause(Throwable error, String input, Class<? extends Throwable> thrown) {
        String message = String.valueOf(error.getMessage());
        assertTrue(message.contains(input), "names " + input + ": " + message);
        assertTrue(message.contains(thrown.getName()), "names " + thrown.getName() + ": " + message);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (thrown.isInstance(cause)) {
                return;
            }
        }
        throw new AssertionError("no " + thrown.getName() + " in the causes of " + error, error);
    }

    // ---------------------------------------------------------------- map

    @Test
    void workersIsWhatWasAsked() {
        assertEquals(WORKERS, pool.workers());
    }

    @Test
    void mapReturnsResultsInInputOrder() throws InterruptedException {
        List<Integer> inputs = range(100);
        List<Integer> squares = pool.map(PoolContractTest::square, inputs);
        assertEquals(inputs.stream().map(x -> x * x).toList(), squares);
    }

    @Test
    void mapKeepsOrderForEveryChunkSize() throws InterruptedException {
        List<Integer> inputs = range(23);
        List<Integer> expected = inputs.stream().map(x -> x * x).toList();
        for (int chunkSize : new int[] {1, 2, 5, 23, 100}) {
            assertEquals(expected, pool.map(PoolContractTest::square, inputs, chunkSize), "chunkSize " + chunkSize);
        }
    }

    @Test
    void mapOfAnEmptyInputIsEmpty() throws InterruptedException {
        assertEquals(List.of(), pool.map(PoolContractTest::square, List.of()));
        assertEquals(List.of(), pool.mapOutcomes(PoolContractTest::square, List.of()));
        assertEquals(List.of(), pool.mapAsync(PoolContractTest::square, List.of()).join());
        assertFalse(pool.imap(PoolContractTest::square, List.<Integer>of()).hasNext());
    }

    @Test
    void mapPassesNullInputsThrough() throws InterruptedException {
        List<String> inputs = Arrays.asList("a", null, "c");
        List<String> results = pool.map(s -> s == null ? "null!" : s.toUpperCase(), inputs);
        assertEquals(List.of("A", "null!", "C"), results);
    }

    @Test
    void mapAcceptsAnyIterable() throws InterruptedException {
        Set<Integer> inputs = new java.util.TreeSet<>(List.of(3, 1, 2));
        assertEquals(List.of(1, 4, 9), pool.map(PoolContractTest::square, inputs));
    }

    @Test
    void mapFailureNamesTheInputAndCarriesTheWorkersException() {
        ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                () -> pool.map(PoolContractTest::tenDividedBy, List.of(5, 2, 1, 0, 10), 1));
        assertEquals(3, e.index());
        ArithmeticException cause = assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals("/ by zero", cause.getMessage());
        assertTrue(Arrays.stream(cause.getStackTrace()).anyMatch(f -> f.getMethodName().equals("tenDividedBy")),
                "the worker's stack trace is kept: " + Arrays.toString(cause.getStackTrace()));
        assertTrue(e.getMessage().contains("#3"), e.getMessage());
    }

    @Test
    void mapFailureKeepsTheExceptionType() {
        ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                () -> pool.map(PoolContractTest::failOnSeven, range(10)));
        assertEquals(7, e.index());
        ContractFailure cause = assertInstanceOf(ContractFailure.class, e.getCause());
        assertEquals("seven is not welcome", cause.getMessage());
    }

    @Test
    void poolWorksAfterAFailure() throws InterruptedException {
        assertThrows(ParallelExecutionException.class, () -> pool.map(PoolContractTest::tenDividedBy, List.of(0)));
        assertEquals(List.of(1, 4), pool.map(PoolContractTest::square, List.of(1, 2)));
    }

    @Test
    void mapRunsOnSeveralWorkersAtOnce(@TempDir Path dir) throws InterruptedException {
        String where = dir.toString();
        List<Boolean> met = pool.map(me -> rendezvous(where, me, WORKERS), range(WORKERS), 1);
        assertEquals(Collections.nCopies(WORKERS, true), met);
    }

    // ---------------------------------------------------------------- progress

    @Test
    void progressIsToldAfterEachChunkUpToTheTotal() throws InterruptedException {
        List<int[]> calls = new CopyOnWriteArrayList<>();
        List<Integer> results = pool.map(PoolContractTest::square, range(10), 3, (done, total) -> calls.add(new int[] {done, total}));
        assertEquals(10, results.size());
        assertEquals(4, calls.size(), "one call per chunk");
        int previous = 0;
        for (int[] call : calls) {
            assertEquals(10, call[1]);
            assertTrue(call[0] > previous, "done grows");
            previous = call[0];
        }
        assertEquals(10, previous);
    }

    @Test
    void progressWithTheDefaultChunkSizeEndsAtTheTotal() throws InterruptedException {
        AtomicInteger last = new AtomicInteger();
        pool.map(PoolContractTest::square, range(40), (done, total) -> last.set(done));
        assertEquals(40, last.get());
    }

    @Test
    void aThrowingProgressListenerDoesNotDisturbTheMap() throws InterruptedException {
        List<Integer> results = pool.map(PoolContractTest::square, range(5), 1, (done, total) -> {
            throw new IllegalStateException("listener bug");
        });
        assertEquals(List.of(0, 1, 4, 9, 16), results);
    }

    // ---------------------------------------------------------------- outcomes

    @Test
    void mapOutcomesReportsEveryInput() throws InterruptedException {
        List<Outcome<Integer>> outcomes = pool.mapOutcomes(PoolContractTest::tenDividedBy, List.of(5, 0, 2, 0, 1), 2);
        assertEquals(5, outcomes.size());
        assertEquals(Outcome.success(2), outcomes.get(0));
        assertInstanceOf(ArithmeticException.class, ((Outcome.Failure<Integer>) outcomes.get(1)).error());
        assertEquals(Outcome.success(5), outcomes.get(2));
        assertInstanceOf(ArithmeticException.class, ((Outcome.Failure<Integer>) outcomes.get(3)).error());
        assertEquals(Outcome.success(10), outcomes.get(4));
    }

    @Test
    void mapOutcomesWithTheDefaultChunkSize() throws InterruptedException {
        List<Outcome<Integer>> outcomes = pool.mapOutcomes(PoolContractTest::failOnSeven, range(20));
        for (int i = 0; i < 20; i++) {
            assertEquals(i != 7, outcomes.get(i).isSuccess(), "input " + i);
        }
    }

    // ---------------------------------------------------------------- async

    @Test
    void mapAsyncCompletesWithTheResults() throws Exception {
        CompletableFuture<List<Integer>> future = pool.mapAsync(PoolContractTest::square, range(10));
        assertEquals(range(10).stream().map(x -> x * x).toList(), future.get(1, TimeUnit.MINUTES));
        assertEquals(List.of(0, 1, 4), pool.mapAsync(PoolContractTest::square, range(3), 1).get(1, TimeUnit.MINUTES));
    }

    @Test
    void mapAsyncFailsWithTheFirstFailure() {
        CompletableFuture<List<Integer>> future = pool.mapAsync(PoolContractTest::tenDividedBy, List.of(1, 0), 1);
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(1, TimeUnit.MINUTES));
        ParallelExecutionException failure = assertInstanceOf(ParallelExecutionException.class, e.getCause());
        assertEquals(1, failure.index());
        assertInstanceOf(ArithmeticException.class, failure.getCause());
    }

    @Test
    void applyReturnsTheResult() throws InterruptedException {
        assertEquals(49, (int) pool.apply(PoolContractTest::square, 7));
        assertEquals("null", pool.apply(String::valueOf, null));
    }

    @Test
    void applyFailureIsAParallelExecutionExceptionForIndexZero() {
        ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                () -> pool.apply(PoolContractTest::tenDividedBy, 0));
        assertEquals(0, e.index());
        assertInstanceOf(ArithmeticException.class, e.getCause());
    }

    @Test
    void applyAsyncReturnsATask() throws Exception {
        Task<Integer> task = pool.applyAsync(PoolContractTest::square, 12);
        assertEquals(144, task.await(Duration.ofMinutes(1)));
        assertTrue(task.isDone());
        assertEquals(Outcome.success(144), task.outcome());
        assertFalse(task.name().isBlank());
    }

    @Test
    void applyAsyncFailureKeepsTheOriginalException() throws InterruptedException {
        Task<Integer> task = pool.applyAsync(PoolContractTest::failOnSeven, 7);
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> task.await(Duration.ofMinutes(1)));
        assertInstanceOf(ContractFailure.class, e.getCause());
        assertInstanceOf(Outcome.Failure.class, task.outcome());
    }

    @Test
    void tasksOfApplyAsyncRunTogether(@TempDir Path dir) throws Exception {
        String where = dir.toString();
        Task<Boolean> a = pool.applyAsync(me -> rendezvous(where, me, 2), 0);
        Task<Boolean> b = pool.applyAsync(me -> rendezvous(where, me, 2), 1);
        assertTrue(a.await(Duration.ofMinutes(1)));
        assertTrue(b.await(Duration.ofMinutes(1)));
    }

    // ---------------------------------------------------------------- isIdle

    @Test
    void aPoolIsIdleUntilWorkIsSubmittedAndAgainOnceItIsReported(@TempDir Path dir) throws Exception {
        assertTrue(pool.isIdle(), "a new pool");
        String go = dir.resolve("go").toString();
        Task<Integer> held = pool.applyAsync(x -> heldUntil(go, x), 5);
        assertFalse(pool.isIdle(), "a chunk is in flight from the call on");
        Files.createFile(Path.of(go));
        assertEquals(5, held.await(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(30)).until(pool::isIdle);
        assertEquals(List.of(0, 1, 4), pool.map(PoolContractTest::square, range(3)));
        await().atMost(Duration.ofSeconds(30)).until(pool::isIdle);
    }

    @Test
    void aClosedPoolIsIdle(@TempDir Path dir) throws Exception {
        String go = dir.resolve("go").toString();
        Task<Integer> held = pool.applyAsync(x -> heldUntil(go, x), 5);
        Files.createFile(Path.of(go));
        pool.close();
        assertTrue(pool.isIdle(), "close() returns once the submitted work was reported");
        assertEquals(5, held.await(Duration.ofMinutes(1)));
    }

    @Test
    void aTerminatedPoolBecomesIdle(@TempDir Path dir) {
        String go = dir.resolve("never").toString();
        Task<Integer> held = pool.applyAsync(x -> heldUntil(go, x), 5);
        pool.terminate();
        await().atMost(Duration.ofSeconds(30)).until(pool::isIdle);
        assertTrue(held.isDone(), "its work ended when the workers were stopped");
    }

    // ---------------------------------------------------------------- imap

    @Test
    void imapYieldsInInputOrder() {
        Iterator<Integer> results = pool.imap(PoolContractTest::square, range(30));
        List<Integer> seen = new ArrayList<>();
        results.forEachRemaining(seen::add);
        assertEquals(range(30).stream().map(x -> x * x).toList(), seen);
        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);
    }

    @Test
    void imapWithChunksYieldsInInputOrder() {
        List<Integer> seen = new ArrayList<>();
        pool.imap(PoolContractTest::square, range(31), 4).forEachRemaining(seen::add);
        assertEquals(range(31).stream().map(x -> x * x).toList(), seen);
    }

    @Test
    void imapUnorderedYieldsEveryResult() {
        List<Integer> seen = new ArrayList<>();
        pool.imapUnordered(PoolContractTest::square, range(30)).forEachRemaining(seen::add);
        assertEquals(new HashSet<>(range(30).stream().map(x -> x * x).toList()), new HashSet<>(seen));
        assertEquals(30, seen.size());
        List<Integer> chunked = new ArrayList<>();
        pool.imapUnordered(PoolContractTest::square, range(30), 7).forEachRemaining(chunked::add);
        assertEquals(30, chunked.size());
    }

    @Test
    void imapUnorderedYieldsAFastResultBeforeASlowOne(@TempDir Path dir) throws IOException {
        // The slow input is held until the fast result has arrived: however late the worker that
        // takes the fast input starts, the slow one cannot overtake it.
        String go = dir.resolve("go").toString();
        Iterator<Integer> results = pool.imapUnordered(x -> x == 0 ? heldUntil(go, 3_000) : x, List.of(0, 1));
        assertEquals(1, results.next(), "the fast result, while the slow input still runs");
        Files.createFile(Path.of(go));
        assertEquals(3_000, results.next());
    }

    @Test
    void imapYieldsTheFirstResultWhileALaterInputIsStillHeld(@TempDir Path dir) throws IOException {
        // ordered, yet the first result does not wait for the chunks after it (a helping caller
        // that waited for every chunk submitted so far would not return until the later one ended)
        String go = dir.resolve("go").toString();
        Iterator<Integer> results = pool.imap(x -> x == 1 ? heldUntil(go, 1_000) : x, List.of(0, 1), 1);
        assertEquals(0, results.next(), "the first result, while the second input is held");
        Files.createFile(Path.of(go));
        assertEquals(1_000, results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void imapThrowsAtTheFailedInputAndGoesOn() {
        Iterator<Integer> results = pool.imap(PoolContractTest::tenDividedBy, List.of(10, 0, 5));
        assertEquals(1, results.next());
        ParallelExecutionException e = assertThrows(ParallelExecutionException.class, results::next);
        assertEquals(1, e.index());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals(2, results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void imapIsLazyAndBoundedOverAnEndlessInput() {
        AtomicInteger pulled = new AtomicInteger();
        Iterable<Integer> endless = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return pulled.getAndIncrement();
            }
        };
        int chunkSize = 3;
        Iterator<Integer> results = pool.imap(PoolContractTest::square, endless, chunkSize);
        assertEquals(0, pulled.get(), "nothing is read before the first result is asked for");
        for (int i = 0; i < 20; i++) {
            assertEquals(i * i, results.next());
        }
        int bound = 20 + 2 * WORKERS * chunkSize + chunkSize;
        assertTrue(pulled.get() <= bound, "read " + pulled.get() + " inputs for 20 results; at most " + bound);
    }

    @Test
    void imapWorksWithAStreamLimit() {
        Iterable<Integer> endless = () -> IntStream.iterate(0, i -> i + 1).boxed().iterator();
        Iterator<Integer> results = pool.imapUnordered(PoolContractTest::square, endless);
        Set<Integer> first = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            first.add(results.next());
        }
        assertEquals(10, first.size());
    }

    @Test
    void anUnfinishedImapDoesNotStopClose() {
        Iterator<Integer> results = pool.imap(PoolContractTest::square, range(1_000));
        assertEquals(0, results.next());
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.map(PoolContractTest::square, List.of(1)));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void nullArgumentsAreRefusedAndThePoolGoesOn() throws InterruptedException {
        SerializableFunction<Integer, Integer> fn = PoolContractTest::square;
        List<Integer> inputs = List.of(1);
        assertThrows(NullPointerException.class, () -> pool.map(null, inputs));
        assertThrows(NullPointerException.class, () -> pool.map(fn, null));
        assertThrows(NullPointerException.class, () -> pool.map(fn, null, 1));
        assertThrows(NullPointerException.class, () -> pool.map(fn, inputs, (ProgressListener) null));
        assertThrows(NullPointerException.class, () -> pool.map(fn, inputs, 1, null));
        assertThrows(NullPointerException.class, () -> pool.mapOutcomes(null, inputs));
        assertThrows(NullPointerException.class, () -> pool.mapOutcomes(fn, null, 1));
        assertThrows(NullPointerException.class, () -> pool.mapAsync(null, inputs));
        assertThrows(NullPointerException.class, () -> pool.mapAsync(fn, null, 1));
        assertThrows(NullPointerException.class, () -> pool.imap(null, inputs));
        assertThrows(NullPointerException.class, () -> pool.imap(fn, null, 1));
        assertThrows(NullPointerException.class, () -> pool.imapUnordered(null, inputs));
        assertThrows(NullPointerException.class, () -> pool.imapUnordered(fn, null, 1));
        assertThrows(NullPointerException.class, () -> pool.apply(null, 1));
        assertThrows(NullPointerException.class, () -> pool.applyAsync(null, 1));
        NullPointerException named = assertThrows(NullPointerException.class, () -> pool.map(fn, null));
        assertEquals("inputs", named.getMessage());
        assertEquals(List.of(1), pool.map(fn, inputs));
    }

    @Test
    void aChunkSizeBelowOneIsRefused() throws InterruptedException {
        SerializableFunction<Integer, Integer> fn = PoolContractTest::square;
        List<Integer> inputs = List.of(1, 2);
        assertThrows(IllegalArgumentException.class, () -> pool.map(fn, inputs, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.map(fn, inputs, -1, (d, t) -> { }));
        assertThrows(IllegalArgumentException.class, () -> pool.mapOutcomes(fn, inputs, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.mapAsync(fn, inputs, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.imap(fn, inputs, 0));
        assertThrows(IllegalArgumentException.class, () -> pool.imapUnordered(fn, inputs, 0));
        assertEquals(List.of(1, 4), pool.map(fn, inputs, 1));
    }

    @Test
    void aPoolOfZeroWorkersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> newPool(0));
        assertThrows(IllegalArgumentException.class, () -> newPool(-1));
    }

    // ---------------------------------------------------------------- lifetime

    @Test
    void aClosedPoolRefusesNewWork() {
        pool.close();
        SerializableFunction<Integer, Integer> fn = PoolContractTest::square;
        List<Integer> inputs = List.of(1);
        assertThrows(IllegalStateException.class, () -> pool.map(fn, inputs));
        assertThrows(IllegalStateException.class, () -> pool.mapOutcomes(fn, inputs));
        assertThrows(IllegalStateException.class, () -> pool.mapAsync(fn, inputs));
        assertThrows(IllegalStateException.class, () -> pool.imap(fn, inputs));
        assertThrows(IllegalStateException.class, () -> pool.imapUnordered(fn, inputs));
        assertThrows(IllegalStateException.class, () -> pool.apply(fn, 1));
        assertThrows(IllegalStateException.class, () -> pool.applyAsync(fn, 1));
        pool.close(); // again: nothing happens
        pool.terminate(); // after close: nothing left to stop
    }

    @Test
    void everyCallOfAClosedPoolThrowsTheSameIllegalStateException() {
        pool.close();
        assertEveryCallRefused("closed");
    }

    @Test
    void everyCallOfATerminatedPoolThrowsTheSameIllegalStateException() {
        pool.terminate();
        assertEveryCallRefused("terminated");
    }

    /** Every overload of {@link Pool}, and its primitive, on a pool that no longer takes work. */
    private void assertEveryCallRefused(String state) {
        SerializableFunction<Integer, Integer> fn = PoolContractTest::square;
        List<Integer> inputs = List.of(1, 2);
        ProgressListener progress = (done, total) -> { };
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> pool.map(fn, inputs),
                () -> pool.map(fn, inputs, 1),
                () -> pool.map(fn, inputs, progress),
                () -> pool.map(fn, inputs, 1, progress),
                () -> pool.mapOutcomes(fn, inputs),
                () -> pool.mapOutcomes(fn, inputs, 1),
                () -> pool.mapAsync(fn, inputs),
                () -> pool.mapAsync(fn, inputs, 1),
                () -> pool.imap(fn, inputs),
                () -> pool.imap(fn, inputs, 1),
                () -> pool.imapUnordered(fn, inputs),
                () -> pool.imapUnordered(fn, inputs, 1),
                () -> pool.apply(fn, 1),
                () -> pool.applyAsync(fn, 1),
                () -> pool.job(fn));
        for (int i = 0; i < calls.size(); i++) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, calls.get(i), "call #" + i);
            assertEquals("the pool is " + state + ": it takes no new work", refused.getMessage(), "call #" + i);
        }
    }

    // ---------------------------------------------------------------- the primitive

    @Test
    void aJobReportsEachChunkOnceWithItsFirstIndex() throws InterruptedException {
        Pool.Job<Integer, Integer> job = pool.job(PoolContractTest::failOnSeven);
        java.util.Map<Long, List<Outcome<Integer>>> chunks = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(3);
        job.submit(10, List.of(5, 6, 7, 8, 9), 2, (first, outcomes) -> {
            assertNull(chunks.put(first, outcomes), "chunk " + first + " reported twice");
            reported.countDown();
        });
        assertTrue(reported.await(30, TimeUnit.SECONDS), "3 chunks reported within 30 s");
        job.release();
        assertEquals(Set.of(10L, 12L, 14L), chunks.keySet());
        assertEquals(List.of(Outcome.success(5), Outcome.success(6)), chunks.get(10L));
        assertInstanceOf(ContractFailure.class, ((Outcome.Failure<Integer>) chunks.get(12L).get(0)).error());
        assertEquals(Outcome.success(8), chunks.get(12L).get(1));
        assertEquals(List.of(Outcome.success(9)), chunks.get(14L));
    }

    @Test
    void aThrowingSinkIsToldEveryChunkAndThePoolGoesOn() throws InterruptedException {
        Pool.Job<Integer, Integer> job = pool.job(PoolContractTest::square);
        java.util.concurrent.CountDownLatch told = new java.util.concurrent.CountDownLatch(3);
        List<Outcome<Integer>> outcomes = new CopyOnWriteArrayList<>();
        job.submit(0, List.of(1, 2, 3), 1, (first, chunk) -> {
            outcomes.addAll(chunk);
            told.countDown();
            throw new IllegalStateException("sink bug");
        });
        assertTrue(told.await(30, TimeUnit.SECONDS), "3 chunks told within 30 s");
        job.release();
        assertEquals(3, outcomes.size());
        assertEquals(List.of(1, 4, 9), pool.map(PoolContractTest::square, List.of(1, 2, 3)));
    }

    @Test
    void aJobRefusesBadArgumentsAndGoesOn() throws InterruptedException {
        assertThrows(NullPointerException.class, () -> pool.job(null));
        Pool.Job<Integer, Integer> job = pool.job(PoolContractTest::square);
        Pool.OutcomeSink<Integer> ignore = (first, outcomes) -> { };
        assertThrows(IllegalArgumentException.class, () -> job.submit(0, List.of(1), 0, ignore));
        assertThrows(NullPointerException.class, () -> job.submit(0, null, 1, ignore));
        assertThrows(NullPointerException.class, () -> job.submit(0, List.of(1), 1, null));
        job.release();
        assertEquals(List.of(9), pool.map(PoolContractTest::square, List.of(3)));
    }

    @Test
    void closeFromAProgressListenerIsRefusedAndThePoolGoesOn() throws InterruptedException {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        List<Integer> squares = pool.map(PoolContractTest::square, range(4), 1, (done, total) -> {
            if (done == total) {
                try {
                    pool.close(); // on a thread of the pool, which would wait for itself
                } catch (Throwable t) {
                    refused.set(t);
                }
            }
        });
        assertEquals(List.of(0, 1, 4, 9), squares);
        assertInstanceOf(IllegalStateException.class, refused.get());
        assertEquals(List.of(4), pool.map(PoolContractTest::square, List.of(2)));
    }

    @Test
    void closeFinishesTheWorkAlreadySubmitted() throws Exception {
        CompletableFuture<List<Integer>> slow = pool.mapAsync(PoolContractTest::sleepThenReturn, List.of(200, 200, 200, 200), 1);
        Task<Integer> one = pool.applyAsync(PoolContractTest::sleepThenReturn, 100);
        pool.close();
        assertTrue(slow.isDone(), "close() returned before the submitted map ended");
        assertEquals(List.of(200, 200, 200, 200), slow.get(1, TimeUnit.MINUTES));
        assertEquals(100, one.await(Duration.ofMinutes(1)));
    }

    @Test
    void terminateCancelsWhatHasNotEnded() throws Exception {
        CompletableFuture<List<Integer>> stuck = pool.mapAsync(PoolContractTest::sleepThenReturn,
                Collections.nCopies(6, 60_000), 1);
        Task<Integer> task = pool.applyAsync(PoolContractTest::sleepThenReturn, 60_000);
        AtomicReference<Throwable> mapError = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().name("contract-map-waiter").start(() -> {
            try {
                pool.map(PoolContractTest::sleepThenReturn, Collections.nCopies(4, 60_000), 1);
            } catch (Throwable t) {
                mapError.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> awaitingResults(waiter));
        pool.terminate();
        assertThrows(CancellationException.class, () -> stuck.get(1, TimeUnit.MINUTES));
        assertThrows(CancellationException.class, () -> task.await(Duration.ofMinutes(1)));
        assertEnds(waiter);
        assertInstanceOf(CancellationException.class, mapError.get());
        assertThrows(IllegalStateException.class, () -> pool.apply(PoolContractTest::square, 1));
        pool.terminate(); // again: nothing happens
        pool.close(); // after terminate: nothing happens
    }

    @Test
    void mapOutcomesReportsCancelledInputsAfterTerminate() throws Exception {
        AtomicReference<List<Outcome<Integer>>> outcomes = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().name("contract-outcomes-waiter").start(() -> {
            try {
                outcomes.set(pool.mapOutcomes(PoolContractTest::sleepThenReturn, List.of(1, 60_000, 60_000), 1));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> awaitingResults(waiter));
        pool.terminate();
        assertEnds(waiter);
        assertNull(thrown.get(), "mapOutcomes reports, it does not throw");
        List<Outcome<Integer>> ended = outcomes.get();
        assertEquals(3, ended.size());
        assertInstanceOf(Outcome.Cancelled.class, ended.get(2));
    }

    @Test
    void anInterruptedMapThrowsAndThePoolGoesOn() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("contract-interrupted-caller").start(() -> {
            try {
                pool.map(PoolContractTest::sleepThenReturn, Collections.nCopies(40, 100), 1);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> awaitingResults(caller));
        caller.interrupt();
        assertEnds(caller);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(List.of(4), pool.map(PoolContractTest::square, List.of(2)));
        pool.close();
    }

    @Test
    void cancellingAnAsyncMapDropsItsPendingInputs() throws Exception {
        CompletableFuture<List<Integer>> future = pool.mapAsync(PoolContractTest::sleepThenReturn,
                Collections.nCopies(40, 100), 1);
        assertTrue(future.cancel(true));
        assertTrue(future.isCancelled());
        pool.close(); // returns once the few inputs already started have ended
        assertTrue(future.isDone());
    }

    // ---------------------------------------------------------------- values that cannot be read back

    @ParameterizedTest
    @EnumSource(Unreadability.class)
    void aResultThatCannotBeReadFailsItsInputNamingTheCauseAndThePoolGoesOn(Unreadability how) throws Exception {
        assumeTrue(serializesValues(), "the backend hands results over without reading them back");
        SerializableFunction<Integer, Object> fn = x -> x == 1 ? new Unreadable(how) : x;
        List<Outcome<Object>> outcomes = pool.mapOutcomes(fn, List.of(0, 1, 2), 1);
        assertEquals(Outcome.success(0), outcomes.get(0));
        assertNamesInputAndCause(assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).error(), "input #1", how.thrown);
        assertEquals(Outcome.success(2), outcomes.get(2));

        ParallelExecutionException thrown = assertThrows(ParallelExecutionException.class, () -> pool.map(fn, List.of(0, 1, 2), 1));
        assertEquals(1, thrown.index());
        assertNamesInputAndCause(thrown.getCause(), "input #1", how.thrown);

        Iterator<Object> lazy = pool.imap(fn, List.of(0, 1, 2), 1);
        assertEquals(0, lazy.next());
        assertEquals(1, assertThrows(ParallelExecutionException.class, lazy::next).index());

        assertEquals(List.of(4), pool.map(PoolContractTest::square, List.of(2)), "the pool goes on");
        pool.close(); // returns: nothing is left waiting for a reply
    }

    @Test
    void aResultThatCannotBeReadFailsTheInputsOfItsChunkOnly() throws InterruptedException {
        assumeTrue(serializesValues(), "the backend hands results over without reading them back");
        SerializableFunction<Integer, Object> fn = x -> x == 1 ? new Unreadable(Unreadability.UNCHECKED) : x;
        List<Outcome<Object>> outcomes = pool.mapOutcomes(fn, range(6), 3);
        for (int i = 0; i < 3; i++) {
            // The results of a chunk travel as one array: one that cannot be read costs the chunk.
            assertNamesInputAndCause(assertInstanceOf(Outcome.Failure.class, outcomes.get(i)).error(), "inputs #0..2",
                    ContractFailure.class);
        }
        assertEquals(List.of(Outcome.success(3), Outcome.success(4), Outcome.success(5)), outcomes.subList(3, 6));
        assertEquals(List.of(0, 2), pool.map(PoolContractTest::tenDividedBy, List.of(20, 5)), "the pool goes on");
    }

    @ParameterizedTest
    @EnumSource(Unreadability.class)
    void anInputThatCannotBeReadInTheWorkerFailsItsChunkNamingTheCauseAndThePoolGoesOn(Unreadability how)
            throws InterruptedException {
        assumeTrue(serializesValues(), "the backend hands inputs over without reading them back");
        List<Object> inputs = List.of(0, new Unreadable(how), 2);
        List<Outcome<String>> outcomes = pool.mapOutcomes(PoolContractTest::describe, inputs, 1);
        assertEquals(Outcome.success("0"), outcomes.get(0));
        assertNamesInputAndCause(assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).error(), "input #1", how.thrown);
        assertEquals(Outcome.success("2"), outcomes.get(2));

        ParallelExecutionException thrown = assertThrows(ParallelExecutionException.class,
                () -> pool.map(PoolContractTest::describe, inputs, 1));
        assertEquals(1, thrown.index());
        assertNamesInputAndCause(thrown.getCause(), "input #1", how.thrown);

        assertEquals(List.of(9), pool.map(PoolContractTest::square, List.of(3)), "the pool goes on");
        pool.close();
    }
}
