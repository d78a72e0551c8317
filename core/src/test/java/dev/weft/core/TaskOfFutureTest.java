package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.contract.TaskFutureContractTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code Future} contract on {@link Task#of}: a future completed by a thread of the test's
 * own, which a cancel does not interrupt (a {@code CompletableFuture} cannot reach it).
 */
class TaskOfFutureTest extends TaskFutureContractTest {
    private final List<Thread> completers = new CopyOnWriteArrayList<>();

    @Override
    protected <T> Task<T> start(Callable<T> body) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Task<T> task = Task.of("remote", future);
        completers.add(Thread.ofPlatform().name("completer").start(() -> {
            try {
                future.complete(body.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }));
        return task;
    }

    @Override
    protected boolean cancelInterruptsTheBody() {
        return false;
    }

    @Override
    protected void close() throws InterruptedException {
        for (Thread completer : completers) {
            assertTrue(completer.join(Duration.ofSeconds(PATIENCE_SECONDS)), "a completer thread did not end");
        }
    }
}
