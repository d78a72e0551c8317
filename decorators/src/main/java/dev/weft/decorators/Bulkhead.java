package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to run at most so many calls at once, by {@link Decorate#annotated}:
 * {@link Decorators#bulkhead(int)}, or {@link Decorators#bulkhead(int, java.time.Duration)} with
 * {@link #maxWaitMillis()}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=bulkhead-annotation}
 *
 * <p>Each annotated method gets its own bulkhead, shared by every caller of the proxy. Python has
 * none built in (a {@code threading.BoundedSemaphore} around the body); compared with
 * Resilience4j's {@code @Bulkhead}: a semaphore bulkhead, no thread pool.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Bulkhead {

    /** The {@link #maxWaitMillis()} of callers that wait as long as it takes: {@code Long.MAX_VALUE}. */
    long WAIT_FOREVER = Long.MAX_VALUE;

    /**
     * The most calls running at once.
     *
     * @return the bound, {@code >= 1}
     */
    int maxConcurrent();

    /**
     * How long a caller waits for a place before {@link BulkheadFullException}, in milliseconds;
     * 0 or less: not at all.
     *
     * @return the longest wait; default {@link #WAIT_FOREVER}
     */
    long maxWaitMillis() default WAIT_FOREVER;
}
