package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.contract.ContextProbe;
import dev.weft.core.contract.ContextProbe.Seen;
import io.micrometer.context.ContextRegistry;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@link ForkContext}: capture, install and restore, and the portable form for other JVMs. */
class ForkContextTest {
    private static final String OPAQUE_KEY = "weft.test.opaque";
    private static final ThreadLocal<Object> OPAQUE = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(OPAQUE_KEY, OPAQUE);
    }

    @AfterEach
    void clean() {
        ContextProbe.clear();
        OPAQUE.remove();
        MDC.clear();
    }

    @Test
    void aThreadWithNothingCapturesTheSharedEmptySnapshot() {
        assertSame(ForkContext.empty(), ForkContext.capture());
        assertTrue(ForkContext.empty().isEmpty());
        assertEquals(Map.of(), ForkContext.empty().mdc());
        assertEquals(Map.of(), ForkContext.empty().portableValues());
        assertEquals(Optional.empty(), ForkContext.empty().deadline());
    }

    @Test
    void theSnapshotIsACopy() {
        ContextProbe.set("r-1", "acme");
        ForkContext snapshot = ForkContext.capture();
        ContextProbe.set("r-2", "other");
        assertEquals("r-1", snapshot.mdc().get(ContextProbe.MDC_KEY));
        assertEquals("acme", snapshot.portableValues().get(ContextProbe.TENANT_KEY));
        assertThrows(UnsupportedOperationException.class, () -> snapshot.mdc().put("x", "y"));
    }

    @Test
    void installThenCloseGivesAPooledThreadItsOwnContextBack() throws Exception {
        ContextProbe.set("caller", "caller-tenant");
        ForkContext snapshot = ForkContext.capture();
        ContextProbe.clear();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> ContextProbe.set("pooled", "pooled-tenant")).get(30, TimeUnit.SECONDS);
            Seen during = pool.submit(() -> {
                try (ForkContext.Restore restore = snapshot.install()) {
                    return ContextProbe.seen();
                }
            }).get(30, TimeUnit.SECONDS);
            assertEquals(new Seen("caller", "caller-tenant", Optional.empty()), during);
            assertEquals(new Seen("pooled", "pooled-tenant", Optional.empty()),
                    pool.submit(ContextProbe::seen).get(30, TimeUnit.SECONDS));
            // a snapshot of nothing clears the pooled thread's context while it runs, and restores it
            Seen clean = pool.submit(() -> {
                try (ForkContext.Restore restore = ForkContext.empty().install()) {
                    return ContextProbe.seen();
                }
            }).get(30, TimeUnit.SECONDS);
            assertNull(clean.requestId());
            assertNull(clean.tenant(), "the pooled thread's registered value is cleared too");
            assertEquals(new Seen("pooled", "pooled-tenant", Optional.empty()),
                    pool.submit(ContextProbe::seen).get(30, TimeUnit.SECONDS));
            pool.submit(ContextProbe::clear).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void wrapCarriesTheContextIntoAForkJoinTask() throws Exception {
        ContextProbe.set("r-fj", "fj");
        ForkContext snapshot = ForkContext.capture();
        assertEquals(new Seen("r-fj", "fj", Optional.empty()),
                ForkJoinPool.commonPool().submit(snapshot.wrap(ContextProbe.probe())).get(30, TimeUnit.SECONDS));
        String[] seen = new String[1];
        ForkJoinPool.commonPool().submit(snapshot.wrap(() -> {
            seen[0] = MDC.get(ContextProbe.MDC_KEY);
        })).get(30, TimeUnit.SECONDS);
        assertEquals("r-fj", seen[0]);
        ContextProbe.clear(); // get() may run the task on this very thread
        assertEquals(null, ForkJoinPool.commonPool().submit(ContextProbe.probe()).get(30, TimeUnit.SECONDS).requestId(),
                "the common pool's threads got their own (empty) context back");
    }

    @Test
    void withDeadlineKeepsTheEarlier() {
        Instant soon = Instant.now().plusSeconds(10);
        Instant later = soon.plusSeconds(10);
        ForkContext one = ForkContext.empty().withDeadline(later);
        assertEquals(Optional.of(later), one.deadline());
        assertEquals(Optional.of(soon), one.withDeadline(soon).deadline());
        assertSame(one, one.withDeadline(soon.plusSeconds(60)));
        assertSame(one, one.withDeadline(null));
        try (ForkContext.Restore restore = one.install()) {
            assertEquals(Optional.of(later), CancelScope.currentDeadline());
        }
        assertEquals(Optional.empty(), CancelScope.currentDeadline());
    }

    @Test
    void portableValuesLeaveOutWhatDoesNotSerialize() {
        ContextProbe.set("r-p", "acme");
        OPAQUE.set(new Object());
        Map<String, Serializable> portable = ForkContext.capture().portableValues();
        assertEquals("acme", portable.get(ContextProbe.TENANT_KEY));
        assertTrue(!portable.containsKey(OPAQUE_KEY), "a value that does not serialize is left out");
    }

    @Test
    void fromPortableInstallsTheRegisteredValuesAndIgnoresTheRest() {
        Instant deadline = Instant.now().plusSeconds(60);
        ForkContext received = ForkContext.fromPortable(Map.of(ContextProbe.MDC_KEY, "remote"),
                Map.of(ContextProbe.TENANT_KEY, "remote-tenant", "not.registered.here", 42), deadline);
        try (ForkContext.Restore restore = received.install()) {
            assertEquals(new Seen("remote", "remote-tenant", Optional.of(deadline)), ContextProbe.seen());
        }
        assertEquals(Seen.nothing(), ContextProbe.seen());
        assertSame(ForkContext.empty(), ForkContext.fromPortable(Map.of(), Map.of("not.registered.here", 1), null));
        assertThrows(NullPointerException.class, () -> ForkContext.fromPortable(null, Map.of(), null));
        assertThrows(NullPointerException.class, () -> ForkContext.fromPortable(Map.of(), null, null));
        assertThrows(NullPointerException.class, () -> ForkContext.empty().wrap((Runnable) null));
    }
}
