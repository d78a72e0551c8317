package dev.weft.async.internal;

import java.util.Collection;
import java.util.Objects;

/** Copies the tasks a call was given, refusing null ones before anything starts. */
public final class Arguments {
    private Arguments() {
    }

    /**
     * Returns a copy of {@code items} as an array, after checking that neither the array nor any
     * element is null.
     *
     * @param items the caller's array
     * @param name the parameter's name, for the message
     * @return a defensive copy
     * @throws NullPointerException naming {@code name} or {@code name[i]}
     */
    public static Object[] copyOf(Object[] items, String name) {
        Objects.requireNonNull(items, name);
        Object[] copy = items.clone();
        checkElements(copy, name);
        return copy;
    }

    /**
     * Returns the elements of {@code items} as a new array, after checking that neither the
     * collection nor any element is null.
     *
     * @param items the caller's collection
     * @param name the parameter's name, for the message
     * @return a new array holding the elements in iteration order
     * @throws NullPointerException naming {@code name} or {@code name[i]}
     */
    public static Object[] copyOf(Collection<?> items, String name) {
        Objects.requireNonNull(items, name);
        Object[] copy = items.toArray();
        checkElements(copy, name);
        return copy;
    }

    private static void checkElements(Object[] copy, String name) {
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException(name + "[" + i + "]");
            }
        }
    }
}
