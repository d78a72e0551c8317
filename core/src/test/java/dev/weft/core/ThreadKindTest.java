package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class ThreadKindTest {

    @Test
    void factoriesNameTheirThreadsInSequence() {
        ThreadFactory factory = ThreadKind.VIRTUAL.factory("download");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertEquals("download-1", first.getName());
        assertEquals("download-2", second.getName());
        assertTrue(first.isVirtual());
        assertEquals(Thread.State.NEW, first.getState());
    }

    @Test
    void platformThreadsAreDaemons() throws InterruptedException {
        Thread t = ThreadKind.PLATFORM.newThread("worker", () -> { });
        assertFalse(t.isVirtual());
        assertTrue(t.isDaemon());
        assertEquals("worker", t.getName());
        t.start();
        assertTrue(t.join(Duration.ofSeconds(10)), "the thread did not end");
        assertFalse(t.isAlive());
    }

    @Test
    void liveThreadsListsWeftThreadsUntilTheyFinish() throws InterruptedException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        Thread t = ThreadKind.VIRTUAL.newThread("tracked", () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(ThreadKind.liveThreads().contains(t), "not started yet");
        t.start();
        assertTrue(running.await(10, java.util.concurrent.TimeUnit.SECONDS), "the thread never ran");
        assertTrue(ThreadKind.liveThreads().contains(t));
        release.countDown();
        assertTrue(t.join(Duration.ofSeconds(10)), "the thread did not end");
        assertFalse(ThreadKind.liveThreads().contains(t));
    }

    @Test
    void nullsAreRejected() {
        assertEquals("prefix", assertThrows(NullPointerException.class, () -> ThreadKind.VIRTUAL.factory(null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> ThreadKind.PLATFORM.newThread(null, () -> { })).getMessage());
        assertEquals("task", assertThrows(NullPointerException.class, () -> ThreadKind.PLATFORM.newThread("x", null)).getMessage());
    }
}
