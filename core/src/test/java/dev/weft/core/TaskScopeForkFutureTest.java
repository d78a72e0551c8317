package dev.weft.core;

import dev.weft.core.contract.TaskFutureContractTest;
import java.util.concurrent.Callable;

/** The {@code Future} contract on a {@link TaskScope} fork (fail-fast off: each test's tasks stand alone). */
class TaskScopeForkFutureTest extends TaskFutureContractTest {
    private TaskScope scope;

    @Override
    protected void open() {
        scope = TaskScope.builder().name("future-contract").failFast(false).open();
    }

    @Override
    protected void close() {
        scope.close();
    }

    @Override
    protected <T> Task<T> start(Callable<T> body) {
        return scope.fork(body);
    }

    @Override
    protected boolean cancelInterruptsTheBody() {
        return true;
    }
}
