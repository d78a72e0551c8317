package dev.weft.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartedForksTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ForkedTask<Integer> task(String name, CountDownLatch release) {
        return new ForkedTask<>(name, () -> {
            release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return 1;
        }, ForkedTask.DIRECT, (t, outcome, thread) -> { }, null, true);
    }

    /** Waits for the fork's thread to end (a join, not a poll: one test waits for 1,000 forks). */
    private static void awaitOver(ForkedTask<?> task) throws InterruptedException {
        Thread thread = task.thread();
        if (thread != null) {
            assertTrue(thread.join(PATIENCE), "the fork's thread ended");
        }
        assertTrue(task.isOver(), "a fork whose thread has terminated is over");
    }

    @Test
    void aForkStaysUntilItsThreadHasTerminated() throws InterruptedException {
        StartedForks forks = new StartedForks();
        CountDownLatch release = new CountDownLatch(1);
        ForkedTask<Integer> running = task("running", release);
        forks.add(running);
        running.startOn(ThreadKind.VIRTUAL);

        assertEquals(List.of(running), forks.snapshot(), "a running fork is listed");
        release.countDown();
        awaitOver(running);
        assertEquals(List.of(), forks.snapshot(), "an over fork is not");
        assertEquals(List.of(), forks.threadsToAwait(), "nor is its thread");
    }

    @Test
    void threadsToAwaitListsTheThreadsOfForksNotOverInStartOrder() throws InterruptedException {
        StartedForks forks = new StartedForks();
        CountDownLatch release = new CountDownLatch(1);
        List<ForkedTask<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ForkedTask<Integer> task = task("t" + i, release);
            forks.add(task);
            task.startOn(ThreadKind.VIRTUAL);
            tasks.add(task);
        }
        for (ForkedTask<Integer> task : tasks) {
            await().atMost(PATIENCE).until(() -> task.thread() != null);
        }
        assertEquals(tasks.stream().map(ForkedTask::thread).toList(), forks.threadsToAwait());
        release.countDown();
        for (ForkedTask<Integer> task : tasks) {
            awaitOver(task);
        }
        assertEquals(List.of(), forks.threadsToAwait());
    }

    @Test
    void manyForksOneAfterAnotherKeepTheArraySmall() throws InterruptedException {
        StartedForks forks = new StartedForks();
        CountDownLatch released = new CountDownLatch(0);
        for (int i = 0; i < 1_000; i++) {
            ForkedTask<Integer> task = task("seq" + i, released);
            forks.add(task);
            task.startOn(ThreadKind.VIRTUAL);
            awaitOver(task);
        }
        assertTrue(forks.capacity() <= 16, "over forks are dropped, not kept: capacity " + forks.capacity());
        assertEquals(List.of(), forks.snapshot());
    }

    @Test
    void theArrayGrowsWhileMostForksStillRun() throws InterruptedException {
        StartedForks forks = new StartedForks();
        CountDownLatch release = new CountDownLatch(1);
        List<ForkedTask<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ForkedTask<Integer> task = task("wide" + i, release);
            forks.add(task);
            task.startOn(ThreadKind.VIRTUAL);
            tasks.add(task);
        }
        assertEquals(100, forks.snapshot().size(), "none may be dropped while it runs");
        assertTrue(forks.capacity() >= 100);
        release.countDown();
        for (ForkedTask<Integer> task : tasks) {
            awaitOver(task);
        }
        assertEquals(List.of(), forks.snapshot());
    }

    @Test
    void aForkWhoseThreadNeverStartedIsOverAtOnce() {
        StartedForks forks = new StartedForks();
        ForkedTask<Integer> never = task("never", new CountDownLatch(0));
        forks.add(never);
        never.cancelBeforeStart();
        assertTrue(never.isOver());
        assertEquals(List.of(), forks.snapshot());
    }
}
