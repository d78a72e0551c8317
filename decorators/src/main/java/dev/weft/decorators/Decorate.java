package dev.weft.decorators;

import dev.weft.decorators.internal.AnnotationDecorators;
import dev.weft.decorators.internal.Chains;
import dev.weft.decorators.internal.DecoratedBiFunction;
import dev.weft.decorators.internal.DecoratedCallable;
import dev.weft.decorators.internal.DecoratedFunction;
import dev.weft.decorators.internal.DecoratedRunnable;
import dev.weft.decorators.internal.DecoratedSupplier;
import dev.weft.decorators.internal.ProxyHandler;
import dev.weft.decorators.internal.Site;
import dev.weft.decorators.internal.Terminal;
import dev.weft.decorators.internal.Terminals;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link Decorator}s to a function or to an interface: the {@code @} lines of Python,
 * with {@code functools.wraps} built in.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=decorate}
 *
 * <h2>Order</h2>
 * The first decorator listed is the outermost, like the top {@code @} line: {@code function("f",
 * f, a, b)} is Python's {@code a(b(f))}, so a call runs {@code a}'s code before {@code b}'s, and
 * {@code b}'s code after the function before {@code a}'s.
 *
 * <h2>What a decorated function keeps</h2>
 * Its name (also its {@code toString()}), its doc and the original (see {@link Decorated}); a
 * proxy implements the interface, and the decorators see each interface {@code Method} with its
 * annotations. With no decorator, a decorated function calls the original directly.
 *
 * <h2>Exceptions</h2>
 * What the original or a decorator throws reaches the caller as itself, never wrapped in
 * {@code InvocationTargetException}: unchecked exceptions always, checked ones wherever the
 * signature declares them ({@code Callable}, or an interface method that declares them). A checked
 * exception that a signature cannot carry (thrown by a decorator into a {@code Function}, or a
 * {@code InterruptedException} while waiting for a cache entry) is wrapped in
 * {@link UndeclaredThrowableException}, as {@code java.lang.reflect.Proxy} does, with the interrupt
 * flag restored.
 *
 * <p>Compared with Python: the same stacking and wrapping, with names given explicitly because a
 * Java lambda has none. Compared with {@code java.util.function.Function#andThen}/{@code compose}
 * and with dynamic proxies written by hand: decorators control the call itself, and proxies get
 * the unwrapping of {@code InvocationTargetException} and sane {@code equals} right. Decorated
 * functions and proxies are immutable and thread-safe if their decorators are.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class Decorate {

    private Decorate() {
    }

    /**
     * Decorates a one-argument function.
     *
     * @param name the function's name ({@code __name__}), shown by the decorators and by {@code toString()}
     * @param function the original
     * @param decorators the decorators, outermost first
     * @param <T> the argument type
     * @param <R> the result type
     * @return the decorated function, also a {@link Decorated}
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T, R> Function<T, R> function(String name, Function<? super T, ? extends R> function,
            Decorator... decorators) {
        return function(name, null, function, decorators);
    }

    /**
     * Decorates a one-argument function that has a doc ({@code __doc__}).
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null} for none
     * @param function the original
     * @param decorators the decorators, outermost first
     * @param <T> the argument type
     * @param <R> the result type
     * @return the decorated function, also a {@link Decorated}
     * @throws NullPointerException if {@code name}, {@code function} or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T, R> Function<T, R> function(String name, @Nullable String doc, Function<? super T, ? extends R> function,
            Decorator... decorators) {
        Objects.requireNonNull(function, "function");
        Site site = site(name, doc, decorators, Terminals.of(function));
        return new DecoratedFunction<>(site, function);
    }

    /**
     * Decorates a two-argument function.
     *
     * @param name the function's name
     * @param function the original
     * @param decorators the decorators, outermost first
     * @param <T> the first argument's type
     * @param <U> the second argument's type
     * @param <R> the result type
     * @return the decorated function, also a {@link Decorated}
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T, U, R> BiFunction<T, U, R> biFunction(String name,
            BiFunction<? super T, ? super U, ? extends R> function, Decorator... decorators) {
        return biFunction(name, null, function, decorators);
    }

    /**
     * Decorates a two-argument function that has a doc.
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null} for none
     * @param function the original
     * @param decorators the decorators, outermost first
     * @param <T> the first argument's type
     * @param <U> the second argument's type
     * @param <R> the result type
     * @return the decorated function, also a {@link Decorated}
     * @throws NullPointerException if {@code name}, {@code function} or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T, U, R> BiFunction<T, U, R> biFunction(String name, @Nullable String doc,
            BiFunction<? super T, ? super U, ? extends R> function, Decorator... decorators) {
        Objects.requireNonNull(function, "function");
        Site site = site(name, doc, decorators, Terminals.of(function));
        return new DecoratedBiFunction<>(site, function);
    }

    /**
     * Decorates a supplier (a function of no argument).
     *
     * @param name the function's name
     * @param supplier the original
     * @param decorators the decorators, outermost first
     * @param <T> the result type
     * @return the decorated supplier, also a {@link Decorated}
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T> Supplier<T> supplier(String name, Supplier<? extends T> supplier, Decorator... decorators) {
        return supplier(name, null, supplier, decorators);
    }

    /**
     * Decorates a supplier that has a doc.
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null} for none
     * @param supplier the original
     * @param decorators the decorators, outermost first
     * @param <T> the result type
     * @return the decorated supplier, also a {@link Decorated}
     * @throws NullPointerException if {@code name}, {@code supplier} or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T> Supplier<T> supplier(String name, @Nullable String doc, Supplier<? extends T> supplier,
            Decorator... decorators) {
        Objects.requireNonNull(supplier, "supplier");
        Site site = site(name, doc, decorators, Terminals.of(supplier));
        return new DecoratedSupplier<>(site, supplier);
    }

    /**
     * Decorates a callable; its checked exceptions, and those of the decorators, pass as themselves.
     *
     * @param name the function's name
     * @param callable the original
     * @param decorators the decorators, outermost first
     * @param <V> the result type
     * @return the decorated callable, also a {@link Decorated}
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <V> Callable<V> callable(String name, Callable<? extends V> callable, Decorator... decorators) {
        return callable(name, null, callable, decorators);
    }

    /**
     * Decorates a callable that has a doc.
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null} for none
     * @param callable the original
     * @param decorators the decorators, outermost first
     * @param <V> the result type
     * @return the decorated callable, also a {@link Decorated}
     * @throws NullPointerException if {@code name}, {@code callable} or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <V> Callable<V> callable(String name, @Nullable String doc, Callable<? extends V> callable,
            Decorator... decorators) {
        Objects.requireNonNull(callable, "callable");
        Site site = site(name, doc, decorators, Terminals.of(callable));
        return new DecoratedCallable<>(site, callable);
    }

    /**
     * Decorates a runnable; the decorators see a {@code null} result.
     *
     * @param name the function's name
     * @param runnable the original
     * @param decorators the decorators, outermost first
     * @return the decorated runnable, also a {@link Decorated}
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static Runnable runnable(String name, Runnable runnable, Decorator... decorators) {
        return runnable(name, null, runnable, decorators);
    }

    /**
     * Decorates a runnable that has a doc.
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null} for none
     * @param runnable the original
     * @param decorators the decorators, outermost first
     * @return the decorated runnable, also a {@link Decorated}
     * @throws NullPointerException if {@code name}, {@code runnable} or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static Runnable runnable(String name, @Nullable String doc, Runnable runnable, Decorator... decorators) {
        Objects.requireNonNull(runnable, "runnable");
        Site site = site(name, doc, decorators, Terminals.of(runnable));
        return new DecoratedRunnable(site, runnable);
    }

    /**
     * Decorates a recursive function: {@code body} receives the decorated function itself as its
     * first argument, so that its recursive calls go through the decorators, as a Python function
     * calls itself through its decorated global name. A memoized factorial's recursion hits the
     * cache:
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=recursive}
     *
     * <p>{@link Decorated#wrapped()} is the body with the decorated function as {@code self},
     * as Python's {@code __wrapped__} still recurses through the decorated name.
     *
     * @param name the function's name
     * @param body the function, given itself (decorated) and the argument
     * @param decorators the decorators, outermost first
     * @param <T> the argument type
     * @param <R> the result type
     * @return the decorated function, also a {@link Decorated}
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T, R> Function<T, R> recursive(String name, BiFunction<Function<T, R>, T, R> body,
            Decorator... decorators) {
        return recursive(name, null, body, decorators);
    }

    /**
     * Decorates a recursive function that has a doc; see {@link #recursive(String, BiFunction, Decorator...)}.
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null} for none
     * @param body the function, given itself (decorated) and the argument
     * @param decorators the decorators, outermost first
     * @param <T> the argument type
     * @param <R> the result type
     * @return the decorated function, also a {@link Decorated}
     * @throws NullPointerException if {@code name}, {@code body} or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if a cache among the decorators already decorates another function
     */
    public static <T, R> Function<T, R> recursive(String name, @Nullable String doc, BiFunction<Function<T, R>, T, R> body,
            Decorator... decorators) {
        Objects.requireNonNull(body, "body");
        SelfReference<T, R> self = new SelfReference<>();
        Function<T, R> original = t -> body.apply(self.function, t);
        Site site = site(name, doc, decorators, Terminals.of(original));
        DecoratedFunction<T, R> decorated = new DecoratedFunction<>(site, original);
        self.function = decorated;
        return decorated;
    }

    /** The decorated function a recursive body calls, set once before it is returned. */
    private static final class SelfReference<T, R> {
        Function<T, R> function;
    }

    /**
     * Decorates every method of an interface: a {@code java.lang.reflect.Proxy} that implements
     * {@code iface} and calls {@code target} through the decorators (each method sees its own
     * name, its {@link Doc @Doc} and its {@code Method}).
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=proxy}
     *
     * <p>Default methods are called on the target (its override, or the default). A cache given
     * here serves all the methods, keyed by method and arguments. {@code equals},
     * {@code hashCode} and {@code toString} are not decorated: two decorated proxies are equal
     * when their targets are, a proxy never equals a plain object, and the hash code and string
     * are the target's.
     *
     * @param iface the interface to implement
     * @param target the object to call
     * @param decorators the decorators of every method, outermost first
     * @param <I> the interface type
     * @return the proxy
     * @throws NullPointerException if an argument or a decorator is {@code null}
     * @throws IllegalArgumentException if {@code iface} is not an interface (a class, an
     *     annotation type, a sealed interface), {@code target} does not implement it, or its
     *     methods are not accessible to this module
     * @throws IllegalStateException if a cache among the decorators already decorates something else
     */
    public static <I> I proxy(Class<I> iface, I target, Decorator... decorators) {
        ProxyHandler.checkInterface(iface, target);
        Decorator[] chain = Chains.checked(decorators);
        Object owner = new Object();
        Chains.attach(chain, owner, iface.getSimpleName() + " proxy");
        boolean severalMethods = ProxyHandler.proxiedMethods(iface).size() > 1;
        try {
            return ProxyHandler.create(iface, target, method -> chain, severalMethods);
        } catch (RuntimeException | Error e) {
            Chains.detach(chain, owner);
            throw e;
        }
    }

    /**
     * Decorates each method of an interface as its annotations say, top annotation outermost:
     * {@link Timed @Timed}, {@link LruCache @LruCache} (a cache per method),
     * {@link PrintBefore @PrintBefore}, {@link PrintAfter @PrintAfter}, {@link ShowDoc @ShowDoc},
     * {@link RequireArg @RequireArg}, {@link Retry @Retry}, {@link Timeout @Timeout},
     * {@link Bulkhead @Bulkhead} (a bulkhead per method), {@link RateLimit @RateLimit} (a limit per
     * method), with {@link Doc @Doc} as the doc. Lines and times go to
     * SLF4J (logger {@value Decorators#LOGGER_NAME}, INFO).
     *
     * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=annotated}
     *
     * @param iface the interface whose methods carry the annotations
     * @param target the object to call
     * @param <I> the interface type
     * @return the proxy, as {@link #proxy} describes it
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as for {@link #proxy}, or if an annotation's values do not
     *     fit its method (a negative {@code maxSize} other than {@link LruCache#UNBOUNDED}, an
     *     {@code index} past the parameters, a count below 1, a zero or negative timeout or period)
     */
    public static <I> I annotated(Class<I> iface, I target) {
        ProxyHandler.checkInterface(iface, target);
        AnnotationDecorators reader = new AnnotationDecorators(null);
        return ProxyHandler.create(iface, target, reader::of, false);
    }

    /**
     * As {@link #annotated(Class, Object)}, with the print, doc and timing lines written to
     * {@code out} ({@code "NAME took 12.345 ms"} for {@code @Timed}).
     *
     * @param iface the interface whose methods carry the annotations
     * @param target the object to call
     * @param out where the lines go, for example {@code System.out::println}
     * @param <I> the interface type
     * @return the proxy
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as for {@link #annotated(Class, Object)}
     */
    public static <I> I annotated(Class<I> iface, I target, Consumer<String> out) {
        ProxyHandler.checkInterface(iface, target);
        AnnotationDecorators reader = new AnnotationDecorators(Objects.requireNonNull(out, "out"));
        return ProxyHandler.create(iface, target, reader::of, false);
    }

    private static Site site(String name, @Nullable String doc, Decorator[] decorators, Terminal terminal) {
        Chains.checkedName(name);
        Decorator[] chain = Chains.checked(decorators);
        Object owner = new Object();
        Chains.attach(chain, owner, name);
        return new Site(name, doc, null, chain, terminal, false);
    }
}
