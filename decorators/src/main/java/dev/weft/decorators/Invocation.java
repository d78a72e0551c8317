package dev.weft.decorators;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One call of a decorated function as a {@link Decorator} sees it: the function's name, doc and
 * arguments, and the way on to the next decorator or to the function itself.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=invocation}
 *
 * <p>Compared with Python: {@link #name()} is {@code function.__name__}, {@link #doc()} is
 * {@code function.__doc__}, {@link #args()} is {@code *args} (Java has no keyword arguments) and
 * {@link #proceed()} is {@code function(*args, **kwargs)}. Compared with AOP's
 * {@code MethodInvocation}/{@code ProceedingJoinPoint}: the same shape, for lambdas as well as
 * interface methods.
 *
 * <p>An invocation may be proceeded more than once (a retry decorator) and from another thread;
 * each {@code proceed} runs the rest of the chain again.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public interface Invocation {

    /** {@return the decorated function's name, as given to {@link Decorate} or the method name} */
    String name();

    /**
     * {@return the arguments of this call, in order}
     *
     * <p>The list is unmodifiable and may contain {@code null}; to call on with other arguments
     * use {@link #proceed(Object...)}. A {@code Supplier}, {@code Callable} or {@code Runnable}
     * has no arguments; a {@code Function} one; a {@code BiFunction} two.
     */
    List<@Nullable Object> args();

    /** {@return the decorated function's documentation, if it was given one ({@code __doc__})} */
    Optional<String> doc();

    /**
     * {@return the interface method being called, for a proxy made by {@link Decorate#proxy} or
     * {@link Decorate#annotated}; empty for a decorated lambda}
     *
     * <p>It is the interface's own {@code Method}, so its annotations can be read from it.
     */
    Optional<Method> method();

    /**
     * Runs the rest of the chain with the same arguments: the next decorator, or the decorated
     * function after the innermost decorator.
     *
     * @return the result of the rest of the chain
     * @throws Throwable whatever the rest of the chain throws, as itself
     */
    @Nullable Object proceed() throws Throwable;

    /**
     * Runs the rest of the chain with other arguments ({@code function(*new_args)}); the
     * decorators further in see the new arguments.
     *
     * @param args the new arguments: as many as {@link #args()} holds (the array is copied)
     * @return the result of the rest of the chain
     * @throws NullPointerException if {@code args} is {@code null}
     * @throws IllegalArgumentException if the number of arguments differs from this call's
     * @throws Throwable whatever the rest of the chain throws, as itself
     */
    @Nullable Object proceed(@Nullable Object... args) throws Throwable;
}
