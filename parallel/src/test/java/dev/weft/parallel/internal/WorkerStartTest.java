package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a process pool's workers start: with the first inputs, before the caller's context is
 * captured and the chunks are encoded (so the child JVMs start meanwhile); not for a function that
 * cannot be serialized, nor for an empty list.
 */
class WorkerStartTest {
    @BeforeEach
    @AfterEach
    void stopKept() {
        ProcessPoolOptions.closeIdleWorkers();
    }

    private static Set<Long> childrenSince(Set<Long> before) {
        Set<Long> now = ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
        now.removeAll(before);
        return now;
    }

    private static Set<Long> children() {
        return childrenSince(Set.of());
    }

    /** Does not serialize: its field is not serializable. */
    static final class Unsendable implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial") // not serializable on purpose
        final Object payload = new Object();
    }

    @Test
    void anEmptyListStartsNoWorker() throws InterruptedException {
        Set<Long> before = children();
        try (Pool pool = Pool.processes(2)) {
            assertEquals(List.of(), pool.map(x -> x, List.<Integer>of()));
            assertEquals(Set.of(), childrenSince(before), "no inputs, no work");
        }
    }

    @Test
    void aFunctionThatCannotBeSerializedStartsNoWorker() throws InterruptedException {
        Set<Long> before = children();
        try (Pool pool = Pool.processes(2)) {
            Unsendable captured = new Unsendable();
            assertThrows(IllegalArgumentException.class, () -> pool.map(x -> x + captured.hashCode(), List.of(1)));
            assertEquals(Set.of(), childrenSince(before), "the function failed before any input arrived");
        }
    }

    @Test
    void inputsThatCannotBeSerializedHaveStartedTheWorkersTheNextMapUses() throws InterruptedException {
        Set<Long> before = children();
        try (Pool pool = Pool.processes(ProcessPoolOptions.builder().workers(2).build())) {
            assertThrows(IllegalArgumentException.class,
                    () -> pool.map(String::valueOf, List.<Object>of("a", new Unsendable()), 1));
            Set<Long> started = childrenSince(before);
            assertEquals(2, started.size(), "the pool's two workers (no kept child to take): " + started);
            assertEquals(0, pool.stats().tasksCompleted() + pool.stats().tasksFailed(), "no input ran");
            List<Long> pids = pool.map(x -> ProcessHandle.current().pid(), List.of(1, 2, 3, 4), 1);
            assertTrue(started.containsAll(pids), "the next map ran on the workers already started: " + pids
                    + " in " + started);
        }
    }
}
