package dev.weft.decorators;

import dev.weft.decorators.internal.BulkheadDecorator;
import dev.weft.decorators.internal.CircuitBreakerDecorator;
import dev.weft.decorators.internal.CountingNoCache;
import dev.weft.decorators.internal.LogSinks;
import dev.weft.decorators.internal.MemoCache;
import dev.weft.decorators.internal.Nanos;
import dev.weft.decorators.internal.PrintDecorator;
import dev.weft.decorators.internal.RateLimitDecorator;
import dev.weft.decorators.internal.RequireArgDecorator;
import dev.weft.decorators.internal.RetryDecorator;
import dev.weft.decorators.internal.ShowDocDecorator;
import dev.weft.decorators.internal.TimedDecorator;
import dev.weft.decorators.internal.TimeoutDecorator;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The stock decorators: the notebook's {@code print_before_execution}, {@code affiche_doc},
 * {@code temps_execution} and {@code entree_contient}, {@code functools.lru_cache} /
 * {@code functools.cache}, and the resilience ones: {@link #retry retry} (tenacity's
 * {@code @retry}), {@link #timeout timeout}, {@link #bulkhead(int) bulkhead},
 * {@link #rateLimit(int, Duration) rateLimit} and {@link #circuitBreaker circuitBreaker}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=decorators}
 *
 * <p>Each method returns a new decorator; apply it with {@link Decorate}. The printing ones take
 * a {@code Consumer<String>} (for example {@code System.out::println} in an application, a list
 * in a test), since library code never prints. Compared with Python, where each of these is a
 * function returning a wrapper, they are objects, and the cache's {@code cache_info()} and
 * {@code cache_clear()} live on the {@link CacheDecorator} rather than on the function. Compared
 * with resilience4j's {@code Decorators} or Guava's {@code CacheBuilder}: the same idea of
 * ready-made wrappers, with Python's semantics.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class Decorators {

    /** The default line of {@link #printBefore(Consumer)}: {@value}, where {@code {}} is the name. */
    public static final String DEFAULT_BEFORE = "calling {}";

    /** The default line of {@link #printAfter(Consumer)}: {@value}, where {@code {}} is the name. */
    public static final String DEFAULT_AFTER = "{} finished";

    /** The SLF4J logger that {@link #timed()} and annotation-driven decorators without a sink use. */
    public static final String LOGGER_NAME = LogSinks.LOGGER_NAME;

    /** Python's default {@code lru_cache} bound. */
    public static final int DEFAULT_MAX_SIZE = 128;

    private Decorators() {
    }

    /**
     * Writes {@code "calling NAME"} before each call ({@code print_before_execution}).
     *
     * @param sink where the line goes
     * @return the decorator
     * @throws NullPointerException if {@code sink} is {@code null}
     */
    public static Decorator printBefore(Consumer<String> sink) {
        return printBefore(DEFAULT_BEFORE, sink);
    }

    /**
     * Writes a line before each call; every {@code {}} in it is replaced by the function's name
     * (the notebook's {@code decorateur_parametre('voici ce que renvoie la fonction {}')}).
     *
     * @param template the line
     * @param sink where the line goes
     * @return the decorator
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Decorator printBefore(String template, Consumer<String> sink) {
        return new PrintDecorator(Objects.requireNonNull(template, "template"),
                Objects.requireNonNull(sink, "sink"), true);
    }

    /**
     * Writes {@code "NAME finished"} after each call that returns normally
     * ({@code print_after_execution}).
     *
     * @param sink where the line goes
     * @return the decorator
     * @throws NullPointerException if {@code sink} is {@code null}
     */
    public static Decorator printAfter(Consumer<String> sink) {
        return printAfter(DEFAULT_AFTER, sink);
    }

    /**
     * Writes a line after each call that returns normally; every {@code {}} in it is replaced by
     * the function's name ({@code "La fonction a fini de tourner"}).
     *
     * @param template the line
     * @param sink where the line goes
     * @return the decorator
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Decorator printAfter(String template, Consumer<String> sink) {
        return new PrintDecorator(Objects.requireNonNull(template, "template"),
                Objects.requireNonNull(sink, "sink"), false);
    }

    /**
     * Writes the function's doc before each call ({@code affiche_doc}); a function without a doc
     * writes nothing (Python would print {@code None}).
     *
     * @param sink where the doc goes
     * @return the decorator
     * @throws NullPointerException if {@code sink} is {@code null}
     */
    public static Decorator showDoc(Consumer<String> sink) {
        return new ShowDocDecorator(Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Logs how long each call took ({@code temps_execution}), at INFO on the logger
     * {@value #LOGGER_NAME}, as {@code "NAME took 12.345 ms"}. A call that throws is timed too.
     *
     * @return the decorator
     */
    public static Decorator timed() {
        return new TimedDecorator(LogSinks.times(), System::nanoTime);
    }

    /**
     * Gives {@code sink} the name and duration of each call, measured with
     * {@link System#nanoTime()}. A call that throws is timed too;
     * if the sink then throws, its exception is added to the call's as suppressed.
     *
     * @param sink receives {@code (name, elapsed)} when each call ends
     * @return the decorator
     * @throws NullPointerException if {@code sink} is {@code null}
     */
    public static Decorator timed(BiConsumer<String, Duration> sink) {
        return timed(sink, System::nanoTime);
    }

    /**
     * As {@link #timed(BiConsumer)}, with the clock given: a {@link System#nanoTime()}-like
     * source of nanoseconds, as {@link dev.weft.core.Timeline#start(LongSupplier)} takes, so that
     * tests pass a fake clock instead of sleeping.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=timed-clock}
     *
     * @param sink receives {@code (name, elapsed)} when each call ends
     * @param nanoClock the clock, read once before and once after each call
     * @return the decorator
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Decorator timed(BiConsumer<String, Duration> sink, LongSupplier nanoClock) {
        return new TimedDecorator(Objects.requireNonNull(sink, "sink"), Objects.requireNonNull(nanoClock, "nanoClock"));
    }

    /**
     * Refuses a call whose argument {@code index} fails {@code requirement}: the function does
     * not run and the call throws {@link IllegalArgumentException} with {@code message}
     * ({@code entree_contient}, which returned the message instead). A call with fewer arguments
     * than {@code index + 1} throws {@link IllegalArgumentException} too.
     *
     * @param index which argument, from 0
     * @param requirement what it must satisfy (it may receive {@code null})
     * @param message the exception's message
     * @return the decorator
     * @throws IllegalArgumentException if {@code index} is negative
     * @throws NullPointerException if {@code requirement} or {@code message} is {@code null}
     */
    public static Decorator requireArg(int index, Predicate<@Nullable Object> requirement, String message) {
        return new RequireArgDecorator(index, Objects.requireNonNull(requirement, "requirement"),
                Objects.requireNonNull(message, "message"));
    }

    /**
     * {@return a least-recently-used cache of {@value #DEFAULT_MAX_SIZE} entries: Python's
     * {@code @lru_cache()}}
     */
    public static CacheDecorator lruCache() {
        return lruCache(DEFAULT_MAX_SIZE, false);
    }

    /**
     * {@return a least-recently-used cache of at most {@code maxSize} entries: Python's
     * {@code @lru_cache(maxsize)}}; {@code 0} caches nothing and counts every call as a miss
     *
     * @param maxSize the bound, {@code >= 0}
     * @throws IllegalArgumentException if {@code maxSize} is negative (Python treats it as 0; for
     *     no bound use {@link #cache()})
     */
    public static CacheDecorator lruCache(int maxSize) {
        return lruCache(maxSize, false);
    }

    /**
     * {@return a least-recently-used cache of at most {@code maxSize} entries: Python's
     * {@code @lru_cache(maxsize, typed)}}
     *
     * <p>See {@link CacheDecorator} for what it guarantees.
     *
     * @param maxSize the bound, {@code >= 0}; {@code 0} caches nothing and counts every call as a miss
     * @param typed whether arguments of different types are cached apart ({@code f(3)} and
     *     {@code f(3.0)}); when {@code false}, numbers equal as integers share an entry
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public static CacheDecorator lruCache(int maxSize, boolean typed) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be >= 0 (use Decorators.cache() for no bound): " + maxSize);
        }
        return maxSize == 0 ? new CountingNoCache(typed) : new MemoCache(maxSize, typed);
    }

    /**
     * {@return an unbounded cache: Python's {@code @cache}, that is
     * {@code @lru_cache(maxsize=None)}}; a hit takes no lock
     */
    public static CacheDecorator cache() {
        return cache(false);
    }

    /**
     * {@return an unbounded cache: Python's {@code @lru_cache(maxsize=None, typed=typed)}}
     *
     * @param typed whether arguments of different types are cached apart
     */
    public static CacheDecorator cache(boolean typed) {
        return new MemoCache(CacheInfo.UNBOUNDED, typed);
    }

    /**
     * Calls the function again when it fails, as {@code policy} says: Python's tenacity
     * {@code @retry}.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=retry}
     *
     * <p>An attempt is the rest of the chain: the decorators listed after this one run again at
     * each attempt, those before it once (see {@link Decorate} for the order). When the attempts
     * or the deadline run out, or a failure is not one to retry, the call throws the last failure
     * with the earlier ones {@linkplain Throwable#getSuppressed() suppressed} in it (or returns
     * the last result, when results are what was retried). Between attempts the calling thread
     * waits the backoff, interruptibly.
     *
     * <p>An {@link InterruptedException} is never retried and always ends the retrying: thrown by
     * an attempt, found as the cause of what an attempt threw, found as the interrupt flag after a
     * failed attempt, or ending the wait between two. The call then ends with it, thrown as itself
     * where the shape can throw it ({@code Callable}, an interface method that declares it), else
     * as the cause of an {@link java.lang.reflect.UndeclaredThrowableException} with the interrupt
     * flag restored. Compared with Resilience4j's {@code Retry}: the same loop, run in the calling
     * thread, with checked exceptions passed as themselves.
     *
     * @param policy when and how to retry
     * @return the decorator; it keeps no state between calls and may be shared
     * @throws NullPointerException if {@code policy} is {@code null}
     */
    public static Decorator retry(RetryPolicy policy) {
        return new RetryDecorator(Objects.requireNonNull(policy, "policy").spec());
    }

    /**
     * Runs each call under a deadline {@code timeout} from its start: past it the call's thread
     * is interrupted, what the call started in weft scopes (a {@code TaskScope}'s forks, the
     * tasks of {@code Async}) is cancelled, and the call throws
     * {@link java.util.concurrent.TimeoutException}: as itself where the shape can throw it
     * ({@code Callable}, an interface method that declares it or {@code Exception}), else as the
     * cause of an {@link java.lang.reflect.UndeclaredThrowableException}.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=timeout}
     *
     * <p>The deadline is weft's own, the one {@code Async.timeout} and a scope's deadline use: the
     * call sees it as {@link dev.weft.core.TaskScope#currentDeadline()}, the forks and scopes it
     * opens inherit it, and a deadline the caller already runs under that comes earlier stays in
     * force (that one then ends the call, and its owner reports the timeout). The call runs in the calling thread (no thread is added),
     * so it really stops when it reacts to the interrupt, as blocking JDK methods and weft's do; a
     * call that ignores interrupts ends late, and then throws {@code TimeoutException} all the
     * same. An interrupt from elsewhere (the caller cancelled) ends the call with
     * {@link InterruptedException}, not a timeout.
     *
     * <p>Compared with Python's {@code asyncio.timeout()} / {@code wait_for}: the same
     * cancellation, for blocking code. Compared with Resilience4j's {@code TimeLimiter}: no
     * thread pool and no {@code Future}; the call itself is interrupted and what it started is
     * cancelled, not left running.
     *
     * @param timeout how long a call may run
     * @return the decorator
     * @throws IllegalArgumentException if {@code timeout} is zero or negative (a call that always
     *     times out is a mistake)
     * @throws NullPointerException if {@code timeout} is {@code null}
     */
    public static Decorator timeout(Duration timeout) {
        return new TimeoutDecorator(timeout);
    }

    /**
     * Lets at most {@code maxConcurrent} calls run at once; the others wait, interruptibly and in
     * the order they came, until a place is free.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=bulkhead}
     *
     * <p>A place is taken before the rest of the chain runs and given back however it ends. The
     * bound is the decorator's: every function or proxy it decorates shares it. A caller
     * interrupted while it waits throws {@link InterruptedException} (wrapped as the decorated shape
     * allows, see {@link Decorate}) and takes no place. Compared with Python: a
     * {@code threading.BoundedSemaphore} held around the body; with Resilience4j: its semaphore
     * {@code Bulkhead}.
     *
     * @param maxConcurrent the most calls at once
     * @return the decorator
     * @throws IllegalArgumentException if {@code maxConcurrent < 1}
     */
    public static Decorator bulkhead(int maxConcurrent) {
        return new BulkheadDecorator(maxConcurrent, BulkheadDecorator.WAIT_FOREVER);
    }

    /**
     * As {@link #bulkhead(int)}, but a caller waits at most {@code maxWait} for a place and is then
     * refused with {@link BulkheadFullException}; with a zero (or negative) {@code maxWait} it does
     * not wait at all.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=bulkhead-wait}
     *
     * @param maxConcurrent the most calls at once
     * @param maxWait the longest wait for a place
     * @return the decorator
     * @throws IllegalArgumentException if {@code maxConcurrent < 1}
     * @throws NullPointerException if {@code maxWait} is {@code null}
     */
    public static Decorator bulkhead(int maxConcurrent, Duration maxWait) {
        long wait = Nanos.maxWait(maxWait, "maxWait");
        return new BulkheadDecorator(maxConcurrent, wait);
    }

    /**
     * Lets at most {@code permits} calls start in any window of length {@code period}; a caller
     * over the limit waits, interruptibly and in the order it came, until its turn.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=rate-limit}
     *
     * <p>The limit holds in every window, not only in fixed cycles: the decorator keeps the start
     * times of the calls of the last {@code period} (a sliding-window log, at most {@code permits}
     * of them), and a call over the limit starts once the oldest of them is {@code period} old. So there is no burst after an idle time, unlike a
     * token bucket. The limit is the decorator's: every caller of every function or proxy it
     * decorates shares it. Compared with Python's {@code ratelimit.limits(calls, period)} under
     * {@code sleep_and_retry}, and with Resilience4j's {@code RateLimiter} (which refreshes
     * permits in fixed cycles, and so lets up to twice the permits start within one period across
     * a cycle's end).
     *
     * @param permits the most calls starting in a window
     * @param period the window's length
     * @return the decorator
     * @throws IllegalArgumentException if {@code permits < 1} or {@code period} is zero or negative
     * @throws NullPointerException if {@code period} is {@code null}
     */
    public static Decorator rateLimit(int permits, Duration period) {
        return new RateLimitDecorator(permits, Nanos.positive(period, "period"), RateLimitDecorator.WAIT_FOREVER);
    }

    /**
     * As {@link #rateLimit(int, Duration)}, but refusing: a caller whose turn comes later than
     * {@code maxWait} from now is refused at once with {@link RateLimitExceededException} (and
     * uses none of the limit); with a zero (or negative) {@code maxWait}, every call over the
     * limit is refused.
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=rate-limit-refuse}
     *
     * @param permits the most calls starting in a window
     * @param period the window's length
     * @param maxWait the longest a caller waits for its turn
     * @return the decorator
     * @throws IllegalArgumentException if {@code permits < 1} or {@code period} is zero or negative
     * @throws NullPointerException if {@code period} or {@code maxWait} is {@code null}
     */
    public static Decorator rateLimit(int permits, Duration period, Duration maxWait) {
        long periodNanos = Nanos.positive(period, "period");
        return new RateLimitDecorator(permits, periodNanos, Nanos.maxWait(maxWait, "maxWait"));
    }

    /**
     * {@return a circuit breaker that opens when {@code failureRate} of the last {@code window}
     * calls failed, refuses calls for {@code openFor}, then lets one trial call decide}
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=circuit-breaker}
     *
     * <p>See {@link CircuitBreaker} for what counts as a failure. Put it inside a {@code retry}
     * to have each attempt ask the breaker, outside to have a refused call not retried.
     *
     * @param failureRate the share of failures that opens it, in {@code (0, 1]} ({@code 0.5}: half)
     * @param window how many of the last calls the share is taken over, {@code >= 1}
     * @param openFor how long it refuses calls before a trial
     * @throws IllegalArgumentException if {@code failureRate} is not in {@code (0, 1]},
     *     {@code window < 1} or {@code openFor} is zero or negative
     * @throws NullPointerException if {@code openFor} is {@code null}
     */
    public static CircuitBreaker circuitBreaker(double failureRate, int window, Duration openFor) {
        return new CircuitBreakerDecorator(failureRate, window, Nanos.positive(openFor, "openFor"));
    }
}
