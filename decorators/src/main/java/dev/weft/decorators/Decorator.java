package dev.weft.decorators;

import org.jspecify.annotations.Nullable;

/**
 * A piece of behaviour wrapped around a call: the Java form of a Python decorator's inner
 * {@code wrapper(*args, **kwargs)} function.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=decorator}
 *
 * <p>A decorator receives the {@link Invocation} (name, arguments, doc, and the next step) and
 * decides what to do: run code before or after {@link Invocation#proceed()}, change the
 * arguments with {@link Invocation#proceed(Object...)}, return without proceeding (a cache
 * hit), or throw (a failed precondition). Whatever it returns is the call's result; whatever it
 * throws reaches the caller as itself.
 *
 * <p>Compared with Python: in Python a decorator is a function from function to function, and
 * each decorator builds its own wrapper; here a decorator is only the wrapper's body, and
 * {@link Decorate} does the wrapping (and what {@code functools.wraps} does: the name and doc are
 * kept). Compared with {@code java.util.function.Function#compose}: composition only chains
 * values, while a decorator controls whether, when and with what arguments the call happens, like
 * an AOP "around advice" or resilience4j's {@code Decorators}.
 *
 * <p>A decorator may be shared by many decorated functions and called from many threads at once
 * (the stock ones in {@link Decorators} are thread-safe, except that a cache belongs to one
 * decorated function or proxy).
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
@FunctionalInterface
public interface Decorator {

    /**
     * Runs this decorator's behaviour around one call.
     *
     * @param call the call being made; {@code call.proceed()} runs the next decorator, or the
     *     decorated function itself after the innermost one
     * @return the result to give the caller ({@code null} for a {@code Runnable} or a
     *     {@code void} method)
     * @throws Throwable anything; it reaches the caller as itself when the decorated signature
     *     allows it (see {@link Decorate} for checked exceptions a signature cannot carry)
     */
    @Nullable Object around(Invocation call) throws Throwable;
}
