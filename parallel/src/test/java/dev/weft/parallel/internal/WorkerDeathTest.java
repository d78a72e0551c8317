package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WorkerDeath}: why a worker died, from what it saw, with no child JVM. */
class WorkerDeathTest {
    private static final int KILLED = 137; // 128 + SIGKILL

    private final WorkerDeath deaths = new WorkerDeath();

    private static WorkerDeath.Seen seen(int exitCode, boolean ready, boolean initializing, Throwable fatal) {
        return new WorkerDeath.Seen(42, exitCode, List.of("last line"), null, ready, initializing, false, null, fatal);
    }

    @Test
    void aTerminatingPoolCancelsWhateverTheDeath() {
        assertEquals(WorkerDeath.Kind.TERMINATED, deaths.classify(seen(1, false, false, null), true, false));
        assertEquals(WorkerDeath.Kind.TERMINATED, deaths.classify(seen(KILLED, true, false, null), true, true));
        assertEquals(WorkerDeath.Kind.TERMINATED,
                deaths.classify(seen(1, true, false, new IllegalStateException("init")), true, false));
    }

    @Test
    void aFailingInitializerMeansWorkersCannotStart() {
        assertEquals(WorkerDeath.Kind.CANNOT_START,
                deaths.classify(seen(0, true, true, new IllegalStateException("init")), false, false));
    }

    @Test
    void anExitBeforeReadyByItselfMeansWorkersCannotStart() {
        assertEquals(WorkerDeath.Kind.CANNOT_START, deaths.classify(seen(1, false, false, null), false, false));
        assertEquals(WorkerDeath.Kind.CANNOT_START, deaths.classify(seen(128, false, true, null), false, false));
    }

    @Test
    void aKillWhileStartingIsReplacedUntilItHappensThreeTimesInARow() {
        assertEquals(WorkerDeath.Kind.KILLED_WHILE_STARTING, deaths.classify(seen(KILLED, false, false, null), false, false));
        assertEquals(WorkerDeath.Kind.KILLED_WHILE_STARTING, deaths.classify(seen(KILLED, false, false, null), false, false));
        assertEquals(WorkerDeath.Kind.CANNOT_START, deaths.classify(seen(KILLED, false, false, null), false, false));
    }

    @Test
    void aWorkerBecomingReadyResetsTheCountOfKilledStarts() {
        for (int round = 0; round < 3; round++) {
            assertEquals(WorkerDeath.Kind.KILLED_WHILE_STARTING,
                    deaths.classify(seen(KILLED, false, false, null), false, false));
            assertEquals(WorkerDeath.Kind.KILLED_WHILE_STARTING,
                    deaths.classify(seen(KILLED, false, false, null), false, false));
            deaths.workerReady();
        }
    }

    @Test
    void aReadyWorkerDiesOrTimesOut() {
        assertEquals(WorkerDeath.Kind.DIED, deaths.classify(seen(KILLED, true, false, null), false, false));
        assertEquals(WorkerDeath.Kind.DIED, deaths.classify(seen(0, true, false, null), false, false));
        assertEquals(WorkerDeath.Kind.TIMED_OUT, deaths.classify(seen(KILLED, true, false, null), false, true));
    }

    @Test
    void theMessageSaysWhenItDied() {
        assertEquals("worker JVM (pid 42) died while running a task",
                WorkerDeath.describe(seen(KILLED, true, false, null), false));
        assertEquals("worker JVM (pid 42) died while idle", WorkerDeath.describe(seen(KILLED, true, false, null), true));
        assertEquals("worker JVM (pid 42) died before it was ready",
                WorkerDeath.describe(seen(1, false, false, null), true));
        assertEquals("worker JVM (pid 42) died while running its initializer",
                WorkerDeath.describe(seen(1, false, true, null), true));
        assertEquals("worker JVM (pid 42) could not run its initializer",
                WorkerDeath.describe(seen(1, true, true, new IllegalStateException()), true));
        WorkerDeath.Seen corrupt = new WorkerDeath.Seen(42, KILLED, List.of(), "corrupt channel", true, false, false,
                null, null);
        assertEquals("worker JVM (pid 42) was stopped: corrupt channel", WorkerDeath.describe(corrupt, false));
    }
}
