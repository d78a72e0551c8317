package dev.weft.async;

import dev.weft.core.Task;
import dev.weft.core.contract.TaskFutureContractTest;
import java.util.concurrent.Callable;

/**
 * The {@code Future} contract on a {@link TaskGroup} task, created with {@link Async#ensureFuture}
 * inside the open group (which makes it the group's own {@code createTask}).
 */
class TaskGroupTaskFutureTest extends TaskFutureContractTest {
    private TaskGroup group;

    @Override
    protected void open() {
        group = TaskGroup.open("future-contract");
    }

    @Override
    protected void close() {
        try {
            group.close();
        } catch (TaskGroupException expected) {
            // the failure tests fail a task on purpose; close() reports it, as asyncio's TaskGroup does
        }
    }

    @Override
    protected <T> Task<T> start(Callable<T> body) {
        return Async.ensureFuture(body);
    }

    @Override
    protected boolean cancelInterruptsTheBody() {
        return true;
    }
}
