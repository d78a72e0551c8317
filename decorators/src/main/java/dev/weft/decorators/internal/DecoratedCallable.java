package dev.weft.decorators.internal;

import java.util.concurrent.Callable;

/**
 * A decorated {@link Callable}: checked exceptions pass as themselves.
 *
 * @param <V> the result type
 */
public final class DecoratedCallable<V> extends AbstractDecorated implements Callable<V> {

    private final Callable<? extends V> callable;
    private final boolean direct;

    /**
     * Wraps {@code callable}.
     *
     * @param site the chain
     * @param callable the original
     */
    public DecoratedCallable(Site site, Callable<? extends V> callable) {
        super(site, callable);
        this.callable = callable;
        this.direct = site.undecorated();
    }

    @Override
    @SuppressWarnings("unchecked") // the chain returns what the original or a decorator returned for V
    public V call() throws Exception {
        if (direct) {
            return callable.call();
        }
        try {
            return (V) site.invoke(null, DecoratedSupplier.NO_ARGS);
        } catch (Throwable e) {
            throw Rethrow.asException(e, site.name());
        }
    }
}
