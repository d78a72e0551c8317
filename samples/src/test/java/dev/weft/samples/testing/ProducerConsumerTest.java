package dev.weft.samples.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.sync.JoinableQueue;
import dev.weft.sync.QueueShutDownException;
import dev.weft.testkit.LeakCheckExtension;
import dev.weft.testkit.WeftConditions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class ProducerConsumerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Waits until {@code condition} holds; a timeout names what was awaited. */
    private static void awaitUntil(Callable<Boolean> condition) {
        await(condition.toString()).atMost(PATIENCE).until(condition);
    }

    @Test
    void twoConsumersSquareEveryItemTheProducerPuts() throws InterruptedException {
        JoinableQueue<Integer> queue = JoinableQueue.fifo(4);
        List<Integer> squares = new CopyOnWriteArrayList<>();
        try (TaskScope scope = TaskScope.builder().name("squares").open()) {
            for (int c = 1; c <= 2; c++) {
                scope.fork("consumer-" + c, () -> {
                    try {
                        while (true) {
                            int item = queue.get();
                            squares.add(item * item);
                            queue.taskDone();
                        }
                    } catch (QueueShutDownException noMoreItems) {
                        return null;
                    }
                });
            }
            Task<Void> producer = scope.fork("producer", () -> {
                for (int i = 1; i <= 10; i++) {
                    queue.put(i); // blocks while 4 items wait
                }
                return null;
            });

            awaitUntil(WeftConditions.done(producer)); // else the queue may be joined between two puts
            awaitUntil(WeftConditions.joined(queue));  // every item taken and marked done
            queue.shutdown();                          // the consumers' get() now throws
            awaitUntil(WeftConditions.finished(scope));
            scope.join();                              // rethrows a fork's failure, if any
        }
        assertEquals(385, squares.stream().mapToInt(Integer::intValue).sum());
    }
}
