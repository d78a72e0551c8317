package dev.weft.testkit.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.testkit.AllowLeaks;
import dev.weft.testkit.WeftConditions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The examples of weft-testkit's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.testkit.snippets.TestkitSnippets region=...}} tag, and the test
 * around it runs the example and checks what the javadoc says of it.
 */
@AllowLeaks("runs DetachedTaskTest, whose thread outlives its test on purpose, and then ends it")
class TestkitSnippets {

    private static final CountDownLatch CHECKED = new CountDownLatch(1);

    private static volatile Thread detached;

    private static void awaitCheck() {
        try {
            CHECKED.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // @start region="allow-leaks"
    @AllowLeaks("starts a detached task on purpose and checks it later")
    static class DetachedTaskTest {
        @Test
        void leavesItsTaskRunning() {
            detached = Thread.ofPlatform().name("weft-detached").daemon(true).start(TestkitSnippets::awaitCheck);
        }
    }
    // @end

    @Test
    void allowLeaks() throws InterruptedException {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("weft.leakcheck.graceMillis", "200")
                .selectors(selectClass(DetachedTaskTest.class))
                .execute()
                .testEvents();
        try {
            assertEquals(1, events.succeeded().count(), "the leak check let the annotated class leave its thread");
            assertEquals(0, events.failed().count());
        } finally {
            CHECKED.countDown();
        }
        Thread thread = detached;
        if (thread != null) {
            thread.join(30_000);
            assertFalse(thread.isAlive(), "the detached thread ended once released");
        }
    }

    @Test
    void conditions() throws Exception {
        CompletableFuture<String> task = new CompletableFuture<>();
        Thread completer = Thread.ofPlatform().name("snippet-completer").start(() -> task.complete("done"));
        // @start region="conditions"
        Callable<Boolean> done = WeftConditions.done(task);
        await(done.toString()).atMost(Duration.ofSeconds(30)).until(done);
        // @end
        assertTrue(task.isDone(), "the condition held only once the task was done");
        assertTrue(done.toString().contains("done"), "the alias says what was awaited: " + done);
        completer.join(30_000);
    }
}
