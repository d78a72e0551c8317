package dev.weft.decorators.internal;

import java.util.concurrent.CountDownLatch;

/** A value being computed by one thread that other callers for the same key wait for. */
final class Pending {

    private final CountDownLatch done = new CountDownLatch(1);
    private Object value; // written before countDown, read after await: the latch orders them
    private boolean failed;

    void succeed(Object result) {
        value = result;
        done.countDown();
    }

    void fail() {
        failed = true;
        done.countDown();
    }

    /**
     * Waits for the computation.
     *
     * @return whether it succeeded (then {@link #value()} is its result)
     * @throws InterruptedException if interrupted while waiting
     */
    boolean await() throws InterruptedException {
        done.await();
        return !failed;
    }

    Object value() {
        return value;
    }
}
