package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import java.util.Objects;

/** Checks a decorator list and attaches the ones that belong to a single owner. */
public final class Chains {

    private Chains() {
    }

    /**
     * Checks that neither the array nor an element is {@code null}, and copies it.
     *
     * @param decorators the decorators given by the caller
     * @return a copy
     * @throws NullPointerException naming {@code decorators} or {@code decorators[i]}
     */
    public static Decorator[] checked(Decorator[] decorators) {
        Objects.requireNonNull(decorators, "decorators");
        Decorator[] copy = decorators.clone();
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], "decorators[" + i + "]");
        }
        return copy;
    }

    /**
     * Attaches every {@link Attachable} of {@code decorators} to {@code owner}; all or none.
     *
     * @param decorators the checked decorators
     * @param owner the owner's token
     * @param ownerName the owner's name, for messages
     * @throws IllegalStateException if one already belongs to another owner (none is attached)
     */
    public static void attach(Decorator[] decorators, Object owner, String ownerName) {
        for (int i = 0; i < decorators.length; i++) {
            if (decorators[i] instanceof Attachable a) {
                try {
                    a.attach(owner, ownerName);
                } catch (IllegalStateException e) {
                    for (int j = 0; j < i; j++) {
                        if (decorators[j] instanceof Attachable done) {
                            done.detach(owner);
                        }
                    }
                    throw e;
                }
            }
        }
    }

    /**
     * Detaches every {@link Attachable} of {@code decorators} from {@code owner}.
     *
     * @param decorators the decorators given to {@link #attach}
     * @param owner the owner's token
     */
    public static void detach(Decorator[] decorators, Object owner) {
        for (Decorator decorator : decorators) {
            if (decorator instanceof Attachable a) {
                a.detach(owner);
            }
        }
    }

    /**
     * Checks a function's name.
     *
     * @param name the name
     * @return the name
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException if it is blank
     */
    public static String checkedName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return name;
    }
}
