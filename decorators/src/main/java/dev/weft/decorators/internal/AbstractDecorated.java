package dev.weft.decorators.internal;

import dev.weft.decorators.Decorated;
import java.util.Optional;

/** The part every decorated lambda shares: its site and original, and {@code toString()} = name. */
abstract class AbstractDecorated implements Decorated {

    final Site site;
    private final Object original;

    AbstractDecorated(Site site, Object original) {
        this.site = site;
        this.original = original;
    }

    @Override
    public final String name() {
        return site.name();
    }

    @Override
    public final Optional<String> doc() {
        return site.doc();
    }

    @Override
    public final Object wrapped() {
        return original;
    }

    @Override
    public final String toString() {
        return site.name();
    }
}
