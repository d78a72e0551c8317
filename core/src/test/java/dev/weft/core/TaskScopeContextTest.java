package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.contract.ContextProbe;
import dev.weft.core.contract.ContextProbe.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Context (MDC, registered thread-locals) and deadlines in {@link TaskScope}'s forks. */
class TaskScopeContextTest {

    @AfterEach
    void clean() {
        ContextProbe.clear();
        MDC.clear();
    }

    @Test
    void aForkStartsWithTheForkersMdcAndRegisteredValues() throws InterruptedException {
        ContextProbe.set("r-1", "acme");
        try (TaskScope scope = TaskScope.open()) {
            Task<Seen> task = scope.fork(ContextProbe.probe());
            scope.join();
            assertEquals(new Seen("r-1", "acme", Optional.empty()), task.await());
        }
    }

    @Test
    void aForkOfAForkInheritsToo() throws InterruptedException {
        ContextProbe.set("r-2", "acme");
        try (TaskScope scope = TaskScope.open()) {
            Task<Task<Seen>> outer = scope.fork(() -> scope.fork(ContextProbe.probe()));
            scope.join();
            assertEquals(new Seen("r-2", "acme", Optional.empty()), outer.await().await());
        }
    }

    @Test
    void aForksChangesLeakNeitherToTheParentNorToItsSiblings() throws InterruptedException {
        ContextProbe.set("r-3", "acme");
        try (TaskScope scope = TaskScope.open()) {
            Task<Seen> first = scope.fork(ContextProbe.probeAndScribble());
            scope.join();
            Task<Seen> second = scope.fork(ContextProbe.probe());
            scope.join();
            assertEquals(new Seen("r-3", "acme", Optional.empty()), first.await());
            assertEquals(new Seen("r-3", "acme", Optional.empty()), second.await());
        }
        assertEquals(new Seen("r-3", "acme", Optional.empty()), ContextProbe.seen());
        assertNull(MDC.get("other"));
    }

    @Test
    void theContextIsTakenWhenTheForkIsMadeNotWhenItRuns() throws InterruptedException {
        ContextProbe.set("before", "before");
        CountDownLatch go = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.open()) {
            Task<Seen> task = scope.fork(() -> {
                go.await(30, TimeUnit.SECONDS);
                return ContextProbe.seen();
            });
            ContextProbe.set("after", "after");
            go.countDown();
            scope.join();
            assertEquals(new Seen("before", "before", Optional.empty()), task.await());
        }
    }

    @Test
    void withoutInheritanceForksStartCleanButKeepTheDeadline() throws InterruptedException {
        ContextProbe.set("r-4", "acme");
        try (TaskScope scope = TaskScope.builder().inheritContext(false).deadline(Duration.ofMinutes(5)).open()) {
            Task<Seen> task = scope.fork(ContextProbe.probe());
            scope.join();
            Seen seen = task.await();
            assertNull(seen.requestId());
            assertNull(seen.tenant());
            assertTrue(seen.deadline().isPresent(), "the scope's deadline still bounds its forks");
        }
        assertEquals("r-4", MDC.get(ContextProbe.MDC_KEY), "the caller keeps its own");
    }

    @Test
    void inheritContextMayBeSetOnce() {
        TaskScope.Builder builder = TaskScope.builder().inheritContext(false);
        assertThrows(IllegalStateException.class, () -> builder.inheritContext(true));
        try (TaskScope scope = builder.open()) {
            assertFalse(scope.isCancelled(), "the builder still works");
        }
    }

    // ------------------------------------------------------------ deadlines

    @Test
    void noDeadlineOutsideScopes() throws InterruptedException {
        assertTrue(TaskScope.currentDeadline().isEmpty());
        try (TaskScope scope = TaskScope.open()) {
            assertTrue(TaskScope.currentDeadline().isEmpty());
            Task<Optional<Instant>> task = scope.fork(TaskScope::currentDeadline);
            scope.join();
            assertTrue(task.await().isEmpty());
        }
    }

    @Test
    void theBodyAndItsForksRunUnderTheScopesDeadlineAndItEndsWithTheScope() throws InterruptedException {
        Instant before = Instant.now();
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMinutes(5)).open()) {
            Instant deadline = TaskScope.currentDeadline().orElseThrow();
            assertFalse(deadline.isBefore(before.plus(Duration.ofMinutes(5))));
            Task<Optional<Instant>> task = scope.fork(TaskScope::currentDeadline);
            scope.join();
            assertEquals(Optional.of(deadline), task.await());
        }
        assertTrue(TaskScope.currentDeadline().isEmpty());
    }

    @Test
    void aNestedScopeKeepsTheEarlierDeadline() throws InterruptedException {
        try (TaskScope outer = TaskScope.builder().deadline(Duration.ofMinutes(5)).open()) {
            Instant outerDeadline = TaskScope.currentDeadline().orElseThrow();
            try (TaskScope inner = TaskScope.builder().deadline(Duration.ofHours(5)).open()) {
                assertEquals(Optional.of(outerDeadline), TaskScope.currentDeadline());
                inner.join();
            }
            try (TaskScope inner = TaskScope.builder().deadline(Duration.ofMinutes(1)).open()) {
                assertTrue(TaskScope.currentDeadline().orElseThrow().isBefore(outerDeadline));
                inner.join();
            }
            assertEquals(Optional.of(outerDeadline), TaskScope.currentDeadline());
            outer.join();
        }
    }

    @Test
    void anInnerScopeWithALongDeadlineEndsWithTheOuterShortOne() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        try (TaskScope outer = TaskScope.builder().deadline(Duration.ofMillis(300)).open()) {
            Task<String> work = outer.fork(() -> {
                try (TaskScope inner = TaskScope.builder().deadline(Duration.ofSeconds(10)).open()) {
                    inner.fork(() -> never.await(30, TimeUnit.SECONDS));
                    inner.join();
                }
                return "inner ended";
            });
            assertThrows(ScopeTimeoutException.class, outer::join);
            assertTrue(work.isCancelled() || work.outcome() instanceof Outcome.Failure<?>, work.outcome().toString());
        }
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < TimeUnit.SECONDS.toNanos(10) / 2, "ended by the outer 300 ms, not the inner 10 s: " + elapsed);
    }

    @Test
    void theDeadlineInterruptsTheBodyToo() {
        CountDownLatch never = new CountDownLatch(1);
        InterruptedException caught = null;
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMillis(50)).open()) {
            never.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            caught = e;
        }
        assertTrue(caught != null, "the body's wait was interrupted by the deadline");
        assertFalse(Thread.interrupted(), "the deadline's interrupt does not leave the scope");
    }

    @Test
    void anInterruptTheBodyRestoresIsClearedByClose() {
        CountDownLatch never = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMillis(50)).open()) {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // good manners: keep the flag
            }
            assertTrue(scope.isCancelled());
        }
        assertFalse(Thread.interrupted(), "close() cleared the deadline's interrupt");
    }

    @Test
    void aCallersInterruptIsKept() {
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMinutes(5)).open()) {
            Thread.currentThread().interrupt();
        }
        assertTrue(Thread.interrupted(), "an interrupt that is not the deadline's stays");
    }

    @Test
    void aCallersInterruptBeforeTheDeadlineIsKeptToo() {
        // set before the scope opens: set inside it, a descheduled test thread could set it after
        // the 50 ms deadline had interrupted it already, and the two interrupts would be one
        Thread.currentThread().interrupt();
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMillis(50)).open()) {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!scope.isCancelled() && System.nanoTime() < giveUp) {
                Thread.onSpinWait(); // no interruptible wait: the flag must stay set meanwhile
            }
            assertTrue(scope.isCancelled(), "the deadline passed");
        }
        assertTrue(Thread.interrupted(), "the caller's interrupt, there before the deadline, stays");
    }

    @Test
    void joinIsNotInterruptedByTheDeadlineButReportsIt() {
        CountDownLatch never = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMillis(50)).open()) {
            scope.fork(() -> never.await(30, TimeUnit.SECONDS));
            assertThrows(ScopeTimeoutException.class, scope::join);
            assertFalse(Thread.currentThread().isInterrupted());
        }
        assertFalse(Thread.interrupted());
    }

    @Test
    void joinAfterTheDeadlineInterruptedTheBodyReportsTheTimeout() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMillis(50)).open()) {
            scope.fork(() -> never.await(30, TimeUnit.SECONDS));
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the flag kept: join must still see the timeout
            }
            assertThrows(ScopeTimeoutException.class, scope::join);
        }
        assertFalse(Thread.interrupted());
    }

    @Test
    void theDeadlinesInterruptNeverEscapesClose() throws InterruptedException {
        int rounds = 1_000 * Integer.getInteger("weft.stress.factor", 1);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < rounds; i++) {
            try (TaskScope scope = TaskScope.builder().deadline(Duration.ofNanos(random.nextLong(300_000))).open()) {
                int round = i;
                scope.fork(() -> round);
                long end = System.nanoTime() + random.nextLong(300_000);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait(); // the body ends around the deadline
                }
                if (random.nextBoolean()) {
                    try {
                        scope.join();
                    } catch (ScopeTimeoutException expected) {
                        // the deadline passed first: fine
                    }
                }
            }
            assertFalse(Thread.interrupted(), "round " + i + ": the deadline's interrupt escaped close()");
        }
    }
}
