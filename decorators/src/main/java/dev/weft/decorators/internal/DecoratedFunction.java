package dev.weft.decorators.internal;

import java.util.function.Function;

/**
 * A decorated {@link Function}.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
public final class DecoratedFunction<T, R> extends AbstractDecorated implements Function<T, R> {

    private final Function<? super T, ? extends R> function;
    private final boolean direct;

    /**
     * Wraps {@code function}; {@code terminal} must call it.
     *
     * @param site the chain
     * @param function the original
     */
    public DecoratedFunction(Site site, Function<? super T, ? extends R> function) {
        super(site, function);
        this.function = function;
        this.direct = site.undecorated();
    }

    @Override
    @SuppressWarnings("unchecked") // the chain returns what the original or a decorator returned for R
    public R apply(T t) {
        if (direct) {
            return function.apply(t);
        }
        try {
            return (R) site.invoke(null, new Object[] {t});
        } catch (Throwable e) {
            throw Rethrow.unchecked(e, site.name());
        }
    }
}
