package dev.weft.decorators.internal;

import dev.weft.decorators.Bulkhead;
import dev.weft.decorators.CacheInfo;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.LruCache;
import dev.weft.decorators.PrintAfter;
import dev.weft.decorators.PrintBefore;
import dev.weft.decorators.RateLimit;
import dev.weft.decorators.RequireArg;
import dev.weft.decorators.Retry;
import dev.weft.decorators.ShowDoc;
import dev.weft.decorators.Timed;
import dev.weft.decorators.Timeout;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the decorator annotations of an interface method, in the order they are written (javac
 * keeps source order in the class file; the top one is the outermost, as in Python). Other
 * annotations, {@code @Doc} included, are not decorators and are skipped.
 */
public final class AnnotationDecorators {

    private final Consumer<String> lines;
    private final boolean toLog;

    /**
     * Creates a reader.
     *
     * @param out where the print, doc and timing lines go, or {@code null} for SLF4J
     */
    public AnnotationDecorators(Consumer<String> out) {
        this.toLog = out == null;
        this.lines = out == null ? LogSinks.lines() : out;
    }

    /**
     * {@return the decorators of {@code method}, outermost first; fresh caches for each call}
     *
     * @param method an interface method
     * @throws IllegalArgumentException if an annotation's values are invalid for the method
     */
    public Decorator[] of(Method method) {
        List<Decorator> decorators = new ArrayList<>();
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            Decorator decorator = decoratorOf(annotation, method);
            if (decorator != null) {
                decorators.add(decorator);
            }
        }
        return decorators.toArray(Decorator[]::new);
    }

    private Decorator decoratorOf(Annotation annotation, Method method) {
        if (annotation instanceof Timed) {
            return new TimedDecorator(toLog ? LogSinks.times() : LogSinks.times(lines), System::nanoTime);
        }
        if (annotation instanceof LruCache cache) {
            return cacheOf(cache, method);
        }
        if (annotation instanceof PrintBefore print) {
            return new PrintDecorator(print.value(), lines, true);
        }
        if (annotation instanceof PrintAfter print) {
            return new PrintDecorator(print.value(), lines, false);
        }
        if (annotation instanceof ShowDoc) {
            return new ShowDocDecorator(lines);
        }
        if (annotation instanceof RequireArg require) {
            return requireOf(require, method);
        }
        if (annotation instanceof Retry retry) {
            return ResilienceAnnotations.retryOf(retry, method);
        }
        if (annotation instanceof Bulkhead bulkhead) {
            return ResilienceAnnotations.bulkheadOf(bulkhead, method);
        }
        if (annotation instanceof Timeout timeout) {
            return ResilienceAnnotations.timeoutOf(timeout, method);
        }
        if (annotation instanceof RateLimit limit) {
            return ResilienceAnnotations.rateLimitOf(limit, method);
        }
        return null;
    }

    private static Decorator cacheOf(LruCache cache, Method method) {
        int maxSize = cache.maxSize();
        if (maxSize == CacheInfo.UNBOUNDED) {
            return new MemoCache(CacheInfo.UNBOUNDED, cache.typed());
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("@LruCache(maxSize = " + maxSize + ") on " + method
                    + ": maxSize must be >= 0 or LruCache.UNBOUNDED");
        }
        return maxSize == 0 ? new CountingNoCache(cache.typed()) : new MemoCache(maxSize, cache.typed());
    }

    private static Decorator requireOf(RequireArg require, Method method) {
        int index = require.index();
        if (index < 0 || index >= method.getParameterCount()) {
            throw new IllegalArgumentException("@RequireArg(index = " + index + ") on " + method
                    + ", which takes " + method.getParameterCount() + " argument(s)");
        }
        String contains = require.contains();
        String message = require.message().isEmpty()
                ? "argument " + index + " of " + method.getName() + " must contain '" + contains + "'"
                : require.message();
        return new RequireArgDecorator(index, arg -> String.valueOf(arg).contains(contains), message);
    }
}
