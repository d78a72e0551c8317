package dev.weft.core.internal.registry;

import dev.weft.core.internal.LazyLogger;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The platform MBean {@code dev.weft:type=Scopes}. It is registered once, when the registry is
 * first used (the first scope a JVM opens, or the first call of {@code Scopes}), unless the
 * system property {@code weft.mbean} is {@code false}; a second copy of weft in another class
 * loader finds it registered and leaves it. The registration runs on a daemon thread of its own
 * ({@link #registerInBackground()}): starting the platform MBean server takes a cold JVM 0.1 to
 * 0.4 s, which the first scope's caller must not wait for. That thread first waits
 * {@link #REGISTRATION_DELAY}: the server's start is CPU work too, which would compete with what a
 * cold JVM's first scope or pool does meanwhile (on 2 cores, a first {@code Pool.processes} took
 * a third longer with it); a JVM that ends before then never starts the server.
 */
public final class ScopesMBean implements ScopesMXBean {
    /** The MBean's object name. */
    public static final String OBJECT_NAME = "dev.weft:type=Scopes";
    private static final LazyLogger log = LazyLogger.of(ScopesMBean.class);
    /** How long after the registry's first use the MBean is registered. */
    static final Duration REGISTRATION_DELAY = Duration.ofSeconds(2);

    private ScopesMBean() {
    }

    /**
     * Starts {@link #register()} on a daemon platform thread (not a weft thread: it runs no user
     * code, and a test's leak check must not wait for the JVM's management start-up).
     */
    static void registerInBackground() {
        if (!Boolean.parseBoolean(System.getProperty("weft.mbean", "true"))) {
            return;
        }
        Thread.ofPlatform().name("weft-mbean-registration").daemon(true).start(ScopesMBean::registerLater);
    }

    /** Waits {@link #REGISTRATION_DELAY}, then {@link #register()}s; an interrupt cuts the wait short (the flag kept). */
    private static void registerLater() {
        try {
            Thread.sleep(REGISTRATION_DELAY); // a delay, not a synchronisation: nothing waits for it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        register();
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
