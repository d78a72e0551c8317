package dev.weft.decorators.internal;

import java.util.function.Supplier;

/**
 * A decorated {@link Supplier}.
 *
 * @param <T> the result type
 */
public final class DecoratedSupplier<T> extends AbstractDecorated implements Supplier<T> {

    static final Object[] NO_ARGS = {};

    private final Supplier<? extends T> supplier;
    private final boolean direct;

    /**
     * Wraps {@code supplier}.
     *
     * @param site the chain
     * @param supplier the original
     */
    public DecoratedSupplier(Site site, Supplier<? extends T> supplier) {
        super(site, supplier);
        this.supplier = supplier;
        this.direct = site.undecorated();
    }

    @Override
    @SuppressWarnings("unchecked") // the chain returns what the original or a decorator returned for T
    public T get() {
        if (direct) {
            return supplier.get();
        }
        try {
            return (T) site.invoke(null, NO_ARGS);
        } catch (Throwable e) {
            throw Rethrow.unchecked(e, site.name());
        }
    }
}
