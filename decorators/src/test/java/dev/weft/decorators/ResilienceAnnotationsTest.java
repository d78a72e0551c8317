package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Retry @Retry}, {@link Bulkhead @Bulkhead} and {@link RateLimit @RateLimit} read by {@link Decorate#annotated}. */
class ResilienceAnnotationsTest {

    interface Remote {
        @Retry(attempts = 4, on = IOException.class)
        String fetch(String url) throws IOException;

        @Retry
        String anything(String url);

        @PrintBefore("outer")
        @Retry(attempts = 2)
        @PrintAfter("inner")
        String ordered(String url);
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> out = new ArrayList<>();

    private final Remote target = new Remote() {
        @Override
        public String fetch(String url) throws IOException {
            if (calls.incrementAndGet() < 4) {
                throw new IOException("reset " + calls.get());
            }
            return url;
        }

        @Override
        public String anything(String url) {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Override
        public String ordered(String url) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("once");
            }
            return url;
        }
    };

    @Test
    void retryRetriesTheGivenTypesUpToItsAttempts() throws Exception {
        Remote remote = Decorate.annotated(Remote.class, target);
        assertEquals("u", remote.fetch("u"));
        assertEquals(4, calls.get());
        calls.set(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> remote.anything("u"));
        assertEquals(2, e.getSuppressed().length);
        assertEquals(3, calls.get(), "the default: 3 attempts, every Exception");
    }

    @Test
    void annotationsAboveTheRetryRunOnceThoseBelowItAtEachAttempt() {
        Remote remote = Decorate.annotated(Remote.class, target, out::add);
        assertEquals("u", remote.ordered("u"));
        assertEquals(List.of("outer", "inner"), out, "the failed attempt printed nothing after");
        assertEquals(2, calls.get());
    }

    interface BadRetry {
        @Retry(attempts = 0)
        String f(String x);
    }

    interface BadBackoff {
        @Retry(backoffMillis = -1)
        String f(String x);
    }

    interface BadBulkhead {
        @Bulkhead(maxConcurrent = 0)
        String f(String x);
    }

    interface BadRateLimit {
        @RateLimit(permits = 1, periodMillis = 0)
        String f(String x);
    }

    interface BadPermits {
        @RateLimit(permits = -2, periodMillis = 1000)
        String f(String x);
    }

    @Test
    void badAnnotationValuesAreRefusedNamingTheMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decorate.annotated(BadRetry.class, x -> x));
        assertTrue(e.getMessage().startsWith("@Retry(attempts = 0, backoffMillis = 0) on "), e.getMessage());
        assertTrue(e.getMessage().contains("BadRetry.f(java.lang.String): maxAttempts must be >= 1: 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorate.annotated(BadBackoff.class, x -> x));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Decorate.annotated(BadBulkhead.class, x -> x))
                .getMessage().endsWith("maxConcurrent must be >= 1: 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Decorate.annotated(BadRateLimit.class, x -> x))
                .getMessage().endsWith("period must be > 0: PT0S"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Decorate.annotated(BadPermits.class, x -> x))
                .getMessage().endsWith("permits must be >= 1: -2"));
    }

    interface Limited {
        @RateLimit(permits = 1, periodMillis = 3_600_000, maxWaitMillis = 0)
        String a(String x);

        @RateLimit(permits = 1, periodMillis = 3_600_000, maxWaitMillis = 0)
        String b(String x);
    }

    @Test
    void eachAnnotatedMethodHasItsOwnLimit() {
        Limited limited = Decorate.annotated(Limited.class, new Limited() {
            @Override
            public String a(String x) {
                return "a" + x;
            }

            @Override
            public String b(String x) {
                return "b" + x;
            }
        });
        assertEquals("a1", limited.a("1"));
        assertEquals("b1", limited.b("1"));
        assertThrows(RateLimitExceededException.class, () -> limited.a("2"));
        assertThrows(RateLimitExceededException.class, () -> limited.b("2"));
    }
}
