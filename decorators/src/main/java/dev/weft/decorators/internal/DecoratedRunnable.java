package dev.weft.decorators.internal;

/** A decorated {@link Runnable}; what the chain returns is dropped. */
public final class DecoratedRunnable extends AbstractDecorated implements Runnable {

    private final Runnable runnable;
    private final boolean direct;

    /**
     * Wraps {@code runnable}.
     *
     * @param site the chain
     * @param runnable the original
     */
    public DecoratedRunnable(Site site, Runnable runnable) {
        super(site, runnable);
        this.runnable = runnable;
        this.direct = site.undecorated();
    }

    @Override
    public void run() {
        if (direct) {
            runnable.run();
            return;
        }
        try {
            site.invoke(null, DecoratedSupplier.NO_ARGS);
        } catch (Throwable e) {
            throw Rethrow.unchecked(e, site.name());
        }
    }
}
