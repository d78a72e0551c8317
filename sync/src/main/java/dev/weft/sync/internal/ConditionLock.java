package dev.weft.sync.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * The lock under a {@link dev.weft.sync.Condition}, whichever kind it is: its acquire and release
 * operations, plus the three a condition variable needs that differ between an owner-less
 * {@link dev.weft.sync.Lock} and a reentrant {@link dev.weft.sync.RLock} (CPython's
 * {@code _is_owned}, {@code _release_save} and {@code _acquire_restore}). Made by {@link #of}
 * from the lock's own methods.
 */
public interface ConditionLock {

    /**
     * Takes the lock, waiting as long as it takes.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void acquire() throws InterruptedException;

    /**
     * Takes the lock, waiting at most {@code timeout}.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return whether the lock was taken
     * @throws InterruptedException if interrupted while waiting
     */
    boolean acquire(Duration timeout) throws InterruptedException;

    /** {@return whether the lock was taken; never waits} */
    boolean tryAcquire();

    /** Releases the lock (one hold of a reentrant lock). */
    void release();

    /** {@return whether the lock is held by the calling thread (RLock) or by any thread (Lock)} */
    boolean isOwned();

    /**
     * Releases the lock fully, whatever the calling thread's hold count.
     *
     * @return what {@link #restore} needs to take it back as it was
     */
    int releaseSave();

    /**
     * Takes the lock back as {@link #releaseSave()} found it, without giving up on an interrupt.
     *
     * @param saved what {@code releaseSave()} returned
     */
    void restore(int saved);

    /** A blocking, interruptible acquisition, such as {@code Lock::acquire}. */
    @FunctionalInterface
    interface Acquire {
        /**
         * Takes the lock.
         *
         * @throws InterruptedException if interrupted while waiting
         */
        void acquire() throws InterruptedException;
    }

    /** An acquisition bounded by a timeout, such as {@code Lock::acquire(Duration)}. */
    @FunctionalInterface
    interface TimedAcquire {
        /**
         * Takes the lock, waiting at most {@code timeout}.
         *
         * @param timeout how long to wait
         * @return whether the lock was taken
         * @throws InterruptedException if interrupted while waiting
         */
        boolean acquire(Duration timeout) throws InterruptedException;
    }

    /**
     * {@return a condition lock made of these operations, each the method of the same name}
     *
     * @param acquire takes the lock
     * @param timedAcquire takes the lock within a timeout
     * @param tryAcquire takes the lock if it is free
     * @param release releases the lock
     * @param isOwned tells whether the lock is held
     * @param releaseSave releases the lock fully, returning what {@code restore} needs
     * @param restore takes the lock back, uninterruptibly
     * @throws NullPointerException if an argument is null
     */
    static ConditionLock of(Acquire acquire, TimedAcquire timedAcquire, BooleanSupplier tryAcquire,
            Runnable release, BooleanSupplier isOwned, IntSupplier releaseSave, IntConsumer restore) {
        Objects.requireNonNull(acquire, "acquire");
        Objects.requireNonNull(timedAcquire, "timedAcquire");
        Objects.requireNonNull(tryAcquire, "tryAcquire");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(isOwned, "isOwned");
        Objects.requireNonNull(releaseSave, "releaseSave");
        Objects.requireNonNull(restore, "restore");
        return new ConditionLock() {
            @Override
            public void acquire() throws InterruptedException {
                acquire.acquire();
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return timedAcquire.acquire(timeout);
            }

            @Override
            public boolean tryAcquire() {
                return tryAcquire.getAsBoolean();
            }

            @Override
            public void release() {
                release.run();
            }

            @Override
            public boolean isOwned() {
                return isOwned.getAsBoolean();
            }

            @Override
            public int releaseSave() {
                return releaseSave.getAsInt();
            }

            @Override
            public void restore(int saved) {
                restore.accept(saved);
            }
        };
    }
}
