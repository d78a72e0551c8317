package dev.weft.parallel;

import dev.weft.core.Task;
import dev.weft.core.contract.TaskFutureContractTest;
import java.util.concurrent.Callable;

/**
 * The {@code Future} contract on {@link Pool#applyAsync} of a {@link Pool#threads(int)} pool.
 * Cancelling such a task drops its input, or lets a running one end unobserved: a cancel does not
 * interrupt the worker. (In-process, so the function may capture the test's latches.)
 */
class ThreadPoolApplyAsyncFutureTest extends TaskFutureContractTest {
    private Pool pool;

    @Override
    protected void open() {
        pool = Pool.threads(2);
    }

    @Override
    protected void close() {
        pool.close();
    }

    @Override
    protected <T> Task<T> start(Callable<T> body) {
        return pool.applyAsync((Void ignored) -> call(body), null);
    }

    /** Runs {@code body}, letting its checked exception through unwrapped: the task's cause must be the original. */
    private static <T> T call(Callable<T> body) {
        try {
            return body.call();
        } catch (Exception e) {
            throw ThreadPoolApplyAsyncFutureTest.<RuntimeException>rethrow(e);
        }
    }

    @SuppressWarnings("unchecked") // the cast is erased: the exception leaves as it is
    private static <E extends Exception> E rethrow(Exception e) throws E {
        throw (E) e;
    }

    @Override
    protected boolean cancelInterruptsTheBody() {
        return false;
    }
}
