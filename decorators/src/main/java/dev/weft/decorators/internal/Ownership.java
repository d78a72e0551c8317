package dev.weft.decorators.internal;

import java.util.concurrent.atomic.AtomicReference;

/** The one owner of an {@link Attachable}, set once. */
final class Ownership {

    private record Owner(Object token, String name) {
    }

    private final AtomicReference<Owner> owner = new AtomicReference<>();
    private final String what;

    /** @param what the decorator, for messages */
    Ownership(String what) {
        this.what = what;
    }

    void attach(Object token, String name) {
        Owner mine = new Owner(token, name);
        if (!owner.compareAndSet(null, mine)) {
            Owner current = owner.get();
            if (current.token() != token) {
                throw new IllegalStateException(what + " already decorates " + current.name()
                        + ": make one cache per function, as each @lru_cache line makes its own");
            }
        }
    }

    void detach(Object token) {
        Owner current = owner.get();
        if (current != null && current.token() == token) {
            owner.compareAndSet(current, null);
        }
    }
}
