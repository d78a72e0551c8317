package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;

/**
 * One decorated function: its name, doc, method (for a proxy), its decorators (outermost first)
 * and the original at the end of the chain. Immutable and thread-safe; a call is
 * {@link #invoke(Object[])}.
 */
public final class Site {

    private final String name;
    private final Optional<String> doc;
    private final Method method;
    private final Decorator[] decorators;
    private final Terminal terminal;
    private final boolean keyByMethod;

    /**
     * Creates a site.
     *
     * @param name the function's name
     * @param doc its documentation, or {@code null}
     * @param method the interface method for a proxy, or {@code null}
     * @param decorators the decorators, outermost first (copied)
     * @param terminal the original
     * @param keyByMethod whether caches must tell this site's calls apart from other methods'
     */
    public Site(String name, String doc, Method method, Decorator[] decorators, Terminal terminal,
            boolean keyByMethod) {
        this.name = Objects.requireNonNull(name, "name");
        this.doc = Optional.ofNullable(doc);
        this.method = method;
        this.decorators = decorators.clone();
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.keyByMethod = keyByMethod;
    }

    /** {@return the function's name} */
    public String name() {
        return name;
    }

    /** {@return the function's documentation} */
    public Optional<String> doc() {
        return doc;
    }

    /** {@return the interface method, or {@code null} for a lambda} */
    Method methodOrNull() {
        return method;
    }

    /** {@return whether a cache must put the method in its keys} */
    boolean keyByMethod() {
        return keyByMethod;
    }

    /** {@return whether the chain is empty (the call goes straight to the original)} */
    public boolean undecorated() {
        return decorators.length == 0;
    }

    /**
     * Calls the chain: the outermost decorator, or the original if there is none.
     *
     * @param context passed to the terminal as it is (see {@link Terminal})
     * @param args the call's arguments; kept, not copied (callers pass a fresh array)
     * @return the result
     * @throws Throwable whatever a decorator or the original throws
     */
    public Object invoke(Object context, Object[] args) throws Throwable {
        if (decorators.length == 0) {
            return terminal.invoke(context, args);
        }
        return decorators[0].around(new Call(this, 0, context, args));
    }

    /** Continues the chain after decorator {@code index}. */
    Object proceedAfter(int index, Object context, Object[] args) throws Throwable {
        int next = index + 1;
        if (next < decorators.length) {
            return decorators[next].around(new Call(this, next, context, args));
        }
        return terminal.invoke(context, args);
    }

    @Override
    public String toString() {
        return name;
    }
}
