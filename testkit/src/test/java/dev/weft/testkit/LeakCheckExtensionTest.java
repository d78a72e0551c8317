package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
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

    /** Hazelcast members started by the nested class below, shut down by the test that runs it. */
    static final List<HazelcastInstance> MEMBERS = new CopyOnWriteArrayList<>();

    /** A standalone member: no network join, an ephemeral port, no logging. */
    static HazelcastInstance member(String name) {
        Config config = new Config().setInstanceName(name).setClusterName(name);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(0).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        MEMBERS.add(member);
        return member;
    }

    @ExtendWith(LeakCheckExtension.class)
    static class LeakingMembers {
        @Test
        void leavesAWeftMemberAndOneOfItsOwn() {
            member("weft.member-leak-test");
            member("the-tests-own-member");
        }
    }

    @ExtendWith(LeakCheckExtension.class)
    static class ClosedMember {
        @Test
        void shutsItsMemberDown() {
            member("weft.member-closed-test").shutdown();
        }
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("weft.leakcheck.graceMillis", "200")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    private static String failureMessage(Events events) {
        return events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }

    @Test
    void aTestThatLeavesAWeftThreadFails() {
        try {
            Events events = run(LeakingThread.class);
            assertEquals(1, events.failed().count());
            String message = failureMessage(events);
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
    void aTestThatLeavesAHazelcastInstanceStartedByWeftFailsNamingItAndOnlyIt() {
        try {
            Events events = run(LeakingMembers.class);
            assertEquals(1, events.failed().count());
            String message = failureMessage(events);
            assertTrue(message.contains("Hazelcast instance 'weft.member-leak-test'"), message);
            assertFalse(message.contains("the-tests-own-member"), "only weft's instances are weft's to check: " + message);
        } finally {
            MEMBERS.forEach(HazelcastInstance::shutdown);
            MEMBERS.clear();
        }
    }

    @Test
    void aTestThatShutsItsMemberDownPasses() {
        Events events = run(ClosedMember.class);
        MEMBERS.clear();
        assertEquals(1, events.succeeded().count());
        assertEquals(0, events.failed().count());
    }

    @Test
    void aHazelcastClientThatShutDownAfterItWasListedIsNoLeak() {
        HazelcastInstance shutDown = (HazelcastInstance) Proxy.newProxyInstance(HazelcastInstance.class.getClassLoader(),
                new Class<?>[] {HazelcastInstance.class}, (proxy, method, args) -> {
                    throw new HazelcastClientNotActiveException("Client is not active.");
                });
        assertEquals(Optional.empty(), LeakCheckExtension.hazelcastName(shutDown));
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
