package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@AllowLeaks("runs the extension on other test classes, which leak on purpose")
class LeakCheckExtensionTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Not run by surefire (nested static class, no autodetection needed: it asks for the extension). */
    @ExtendWith(LeakCheckExtension.class)
    static class LeakingThread {
        @Test
        void leavesAThread() {
            Thread.ofPlatform().name("weft-leaky").daemon(true).start(() -> {
                try {
                    RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @ExtendWith(LeakCheckExtension.class)
    static class CleanThread {
        @Test
        void joinsItsThread() throws InterruptedException {
            Thread t = Thread.ofPlatform().name("weft-clean").start(() -> { });
            t.join();
        }
    }

    @ExtendWith(LeakCheckExtension.class)
    static class LeakingProcess {
        @Test
        void leavesAProcess() throws Exception {
            new ProcessBuilder("sleep", "30").start();
        }
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("weft.leakcheck.graceMillis", "200")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    @Test
    void aTestThatLeavesAWeftThreadFails() {
        try {
            Events events = run(LeakingThread.class);
            assertEquals(1, events.failed().count());
            String message = events.failed().stream().findFirst().orElseThrow()
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow().getMessage();
            assertTrue(message.contains("weft-leaky"), message);
        } finally {
            RELEASE.countDown();
        }
    }

    @Test
    void aTestThatCleansUpPasses() {
        Events events = run(CleanThread.class);
        assertEquals(1, events.succeeded().count());
        assertEquals(0, events.failed().count());
    }

    @Test
    void aTestThatLeavesAChildProcessFails() {
        Events events = run(LeakingProcess.class);
        try {
            assertEquals(1, events.failed().count());
        } finally {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
