package dev.weft.core.internal.registry;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform MBean {@code dev.weft:type=Scopes}. It is registered once, when the registry is
 * first used (the first scope a JVM opens, or the first call of {@code Scopes}), unless the
 * system property {@code weft.mbean} is {@code false}; a second copy of weft in another class
 * loader finds it registered and leaves it.
 */
public final class ScopesMBean implements ScopesMXBean {
    /** The MBean's object name. */
    public static final String OBJECT_NAME = "dev.weft:type=Scopes";
    private static final Logger log = LoggerFactory.getLogger(ScopesMBean.class);

    private ScopesMBean() {
    }

    /** Registers the MBean unless it is registered or switched off; runs once, from {@link LiveScopes}. */
    static void register() {
        if (!Boolean.parseBoolean(System.getProperty("weft.mbean", "true"))) {
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (!server.isRegistered(name)) {
                server.registerMBean(new ScopesMBean(), name);
            }
        } catch (InstanceAlreadyExistsException raced) {
            log.debug("{} was registered meanwhile", OBJECT_NAME, raced);
        } catch (JMException | SecurityException | LinkageError e) {
            log.warn("Could not register the MBean {}; Scopes.dump() still works", OBJECT_NAME, e);
        }
    }

    @Override
    public String dump() {
        return ScopeTree.now().text();
    }

    @Override
    public String dumpJson() {
        return ScopeTree.now().json();
    }
}
