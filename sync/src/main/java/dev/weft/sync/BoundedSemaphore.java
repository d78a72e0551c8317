package dev.weft.sync;

/**
 * A semaphore whose value may never exceed its initial value: Python's
 * {@code threading.BoundedSemaphore}. Releasing more than was acquired is a bug that this class
 * reports at once instead of silently adding permits.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=bounded-semaphore}
 *
 * <p>Where CPython raises {@code ValueError}, {@link #release()} and {@link #release(int)} throw
 * {@link IllegalStateException} and leave the value and the waiters untouched. Its
 * {@code toString()} shows {@code value=2/3}, as CPython's repr does. Neither
 * {@link java.util.concurrent.Semaphore} nor Guava has a bounded semaphore.
 *
 * @since 0.1
 */
public final class BoundedSemaphore extends Semaphore {
    private final int initial;

    /** Creates a bounded semaphore with one permit: {@code threading.BoundedSemaphore()}. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore with {@code value} permits, which is also its bound.
     *
     * @param value the initial and greatest number of permits
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(value, value);
        this.initial = value;
    }

    /** {@return the bound: the initial value} */
    public int initialValue() {
        return initial;
    }

    @Override
    String valueText() {
        return value() + "/" + initial;
    }
}
