package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.contract.TaskFutureContractTest;
import java.util.concurrent.Callable;

/**
 * The {@code Future} contract on a detached task: {@link Async#createTask} called outside any
 * scope, on a virtual thread of its own that nothing owns. (The leak check sees that every such
 * thread has ended after each test.)
 */
class DetachedTaskFutureTest extends TaskFutureContractTest {

    @Override
    protected <T> Task<T> start(Callable<T> body) {
        assertTrue(TaskScope.current().isEmpty(), "the test thread works in a scope: the task would not be detached");
        return Async.createTask("detached", body);
    }

    @Override
    protected boolean cancelInterruptsTheBody() {
        return true;
    }
}
