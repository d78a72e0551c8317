package dev.weft.decorators;

import dev.weft.decorators.internal.CountingNoCache;
import dev.weft.decorators.internal.LogSinks;
import dev.weft.decorators.internal.MemoCache;
import dev.weft.decorators.internal.PrintDecorator;
import dev.weft.decorators.internal.RequireArgDecorator;
import dev.weft.decorators.internal.ShowDocDecorator;
import dev.weft.decorators.internal.TimedDecorator;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The stock decorators: the notebook's {@code print_before_execution}, {@code affiche_doc},
 * {@code temps_execution} and {@code entree_contient}, and {@code functools.lru_cache} /
 * {@code functools.cache}.
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
}
