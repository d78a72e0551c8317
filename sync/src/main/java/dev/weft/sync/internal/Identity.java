package dev.weft.sync.internal;

/** The {@code at 0x...} part of the Python-style {@code toString()} of every primitive. */
public final class Identity {
    private Identity() {
    }

    /**
     * {@return the class name and identity hash of {@code o}, as in {@code dev.weft.sync.Lock object at 0x1b6d3586}}
     *
     * @param o the object described
     */
    public static String of(Object o) {
        return o.getClass().getName() + " object at 0x" + Integer.toHexString(System.identityHashCode(o));
    }
}
