package dev.weft.decorators;

import java.util.Optional;

/**
 * What every function returned by {@link Decorate} also is: a view of the name, doc and wrapped
 * original it kept, as {@code functools.wraps} keeps {@code __name__}, {@code __doc__} and
 * {@code __wrapped__}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=decorated}
 *
 * <p>Compared with Python's {@code help(f)}: the same facts, read by code. There is no
 * {@code java.util.concurrent} neighbour. Proxies made by {@link Decorate#proxy} do not implement
 * this interface (its methods could clash with the proxied interface's); they keep the interface
 * itself, with its annotations and {@code @Doc}s.
 *
 * @since 0.1
 */
public interface Decorated {

    /** {@return the name given to {@link Decorate}; also the decorated function's {@code toString()}} */
    String name();

    /** {@return the documentation given to {@link Decorate}, if any} */
    Optional<String> doc();

    /**
     * {@return the undecorated original ({@code __wrapped__}): calling it bypasses every
     * decorator, caches included}
     */
    Object wrapped();
}
