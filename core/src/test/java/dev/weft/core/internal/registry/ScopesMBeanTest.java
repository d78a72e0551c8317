package dev.weft.core.internal.registry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ScopesMBeanTest {

    @Test
    void registeringAgainIsHarmlessAndTheOperationsAreDumpAndDumpJson() throws Exception {
        LiveScopes.openCount(); // initialises the registry, which registers the MBean
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(ScopesMBean.OBJECT_NAME);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.isRegistered(name)); // in the background
        assertDoesNotThrow(ScopesMBean::register);
        assertTrue(server.isRegistered(name));
        MBeanOperationInfo[] operations = server.getMBeanInfo(name).getOperations();
        assertEquals(java.util.Set.of("dump", "dumpJson"),
                java.util.Arrays.stream(operations).map(MBeanOperationInfo::getName).collect(java.util.stream.Collectors.toSet()));
    }
}
