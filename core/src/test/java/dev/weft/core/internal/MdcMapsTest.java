package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * {@link MdcMaps}: the MDC is read without starting SLF4J in a JVM that never used it, and read as
 * before once it has been. A JVM of its own is a class loader of its own here: core, slf4j-api and
 * Logback loaded afresh, with no SLF4J call made yet.
 */
class MdcMapsTest {

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void aJvmThatNeverUsedTheMdcCapturesNothingAndDoesNotStartSlf4j() throws Exception {
        try (URLClassLoader fresh = freshJvm()) {
            assertNull(current(fresh));
            assertEquals(Map.of(), capturedMdc(fresh));
            assertEquals(0, slf4jState(fresh), "SLF4J's LoggerFactory is still uninitialized");
            assertNull(adapterOf(fresh), "the MDC has no adapter yet");
        }
    }

    @Test
    void theFirstMdcCallIsSeenByTheNextCapture() throws Exception {
        try (URLClassLoader fresh = freshJvm()) {
            assertNull(current(fresh));
            mdc(fresh, "put", "requestId", "r-1");
            assertEquals(Map.of("requestId", "r-1"), current(fresh));
            assertEquals(Map.of("requestId", "r-1"), capturedMdc(fresh));
            mdc(fresh, "remove", "requestId");
            assertNull(current(fresh), "an MDC emptied again is empty");
        }
    }

    @Test
    void aBindingStartedByALoggerIsReadAsBefore() throws Exception {
        try (URLClassLoader fresh = freshJvm()) {
            Class.forName("org.slf4j.LoggerFactory", true, fresh).getMethod("getLogger", String.class)
                    .invoke(null, "app");
            assertNotNull(adapterOf(fresh), "a binding that starts sets the MDC's adapter");
            assertNull(current(fresh));
            mdc(fresh, "put", "tenant", "acme");
            assertEquals(Map.of("tenant", "acme"), current(fresh));
        }
    }

    @Test
    void inThisJvmTheMdcIsReadAsUsual() {
        MDC.put("requestId", "here");
        assertEquals(Map.of("requestId", "here"), MdcMaps.current());
        MDC.clear();
        assertNull(MdcMaps.current());
    }

    @Test
    void theAdapterFieldTellsWhetherTheMdcWasUsed() throws Throwable {
        MethodHandle field = MdcMaps.adapterField(FakeMdc.class);
        assertNotNull(field);
        FakeMdc.MDC_ADAPTER = null;
        assertTrue(MdcMaps.neverUsed(field));
        FakeMdc.MDC_ADAPTER = new BasicMDCAdapter();
        assertFalse(MdcMaps.neverUsed(field));
        FakeMdc.MDC_ADAPTER = null;
    }

    @Test
    void withoutAReadableFieldTheMdcIsAsked() {
        assertNull(MdcMaps.adapterField(Object.class), "java.lang is not open, and Object has no such field");
        assertNull(MdcMaps.adapterField(NoField.class));
        assertNull(MdcMaps.adapterField(WrongType.class));
        assertFalse(MdcMaps.neverUsed(null), "unknown: the MDC is asked");
    }

    /** Stands in for SLF4J's {@code MDC}. */
    static final class FakeMdc {
        static MDCAdapter MDC_ADAPTER;
    }

    /** An {@code MDC} of a release that keeps its adapter under another name. */
    static final class NoField {
        static MDCAdapter mdcAdapter;
    }

    /** A field of that name but another type. */
    static final class WrongType {
        static String MDC_ADAPTER;
    }

    /** Core, slf4j-api and Logback, loaded by a loader of their own: nothing of SLF4J has run in it. */
    static URLClassLoader freshJvm() {
        return new URLClassLoader("fresh-jvm", new URL[] {
            locationOf(MdcMaps.class), locationOf(MDC.class), locationOf(ch.qos.logback.classic.Logger.class),
            locationOf(ch.qos.logback.core.Context.class)}, ClassLoader.getPlatformClassLoader());
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> current(ClassLoader loader) throws Exception {
        Method current = Class.forName(MdcMaps.class.getName(), true, loader).getDeclaredMethod("current");
        current.setAccessible(true);
        return (Map<String, String>) current.invoke(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> capturedMdc(ClassLoader loader) throws Exception {
        Class<?> forkContext = Class.forName(ForkContext.class.getName(), true, loader);
        Object snapshot = forkContext.getMethod("capture").invoke(null);
        return (Map<String, String>) forkContext.getMethod("mdc").invoke(snapshot);
    }

    private static void mdc(ClassLoader loader, String method, String... arguments) throws Exception {
        Class<?>[] types = new Class<?>[arguments.length];
        java.util.Arrays.fill(types, String.class);
        Class.forName("org.slf4j.MDC", true, loader).getMethod(method, types).invoke(null, (Object[]) arguments);
    }

    static int slf4jState(ClassLoader loader) throws Exception {
        Field state = Class.forName("org.slf4j.LoggerFactory", false, loader).getDeclaredField("INITIALIZATION_STATE");
        state.setAccessible(true);
        return state.getInt(null);
    }

    private static Object adapterOf(ClassLoader loader) throws Exception {
        Field adapter = Class.forName("org.slf4j.MDC", false, loader).getDeclaredField("MDC_ADAPTER");
        adapter.setAccessible(true);
        return adapter.get(null);
    }
}
