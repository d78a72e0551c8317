package dev.weft.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.IExecutorService;
import dev.weft.cluster.ClusterPool;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Where the dispatcher hears a sending's end: on Hazelcast's invocation future, in place on the
 * thread that completes it (no thread started for the listener), with the reply read from the
 * outer future.
 */
class EndSignalTest {

    /** Lets a test hold the task on the member until it has registered its listener. */
    private static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>();

    /** Waits at the gate (on the member, which is in this JVM), then answers. */
    static final class GatedTask implements Callable<String>, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String call() throws InterruptedException {
            GATE.get().await();
            return "answered";
        }
    }

    @Test
    void aPlainStageIsItsOwnSignal() {
        CompletableFuture<String> future = new CompletableFuture<>();
        assertSame(future, EndSignal.of(future));
    }

    @Test
    void aFutureThatIsNoStageHasNoSignal() {
        assertNull(EndSignal.of(new FutureTask<>(() -> "x")));
    }

    @Test
    void anExecutorsFutureIsHeardOnItsInvocationOnAHazelcastThread() throws Exception {
        GATE.set(new CountDownLatch(1));
        try (ClusterPool pool = ClusterPool.embedded()) {
            IExecutorService executor = pool.instance().getExecutorService("end-signal-test");
            try {
                Future<String> future = executor.submitToMember(new GatedTask(),
                        pool.instance().getCluster().getLocalMember());
                CompletionStage<?> signal = EndSignal.of(future);
                assertNotSame(future, signal, "the invocation future under Hazelcast's outer future");
                AtomicReference<String> heardOn = new AtomicReference<>();
                CountDownLatch heard = new CountDownLatch(1);
                signal.whenCompleteAsync((ignored, alsoIgnored) -> {
                    heardOn.set(Thread.currentThread().getName());
                    heard.countDown();
                }, Runnable::run);
                GATE.get().countDown();
                assertTrue(heard.await(30, TimeUnit.SECONDS), "the end was heard");
                assertTrue(future.isDone(), "the outer future has ended when its signal has");
                assertEquals("answered", future.get());
                assertTrue(heardOn.get().startsWith("hz."),
                        "heard on the Hazelcast thread that completed it, not on a thread started for it: "
                                + heardOn.get());
            } finally {
                executor.shutdown();
            }
        }
    }

    @Test
    void aCancelledSendingIsHeardAndReadAsCancelled() throws Exception {
        GATE.set(new CountDownLatch(1));
        try (ClusterPool pool = ClusterPool.embedded()) {
            IExecutorService executor = pool.instance().getExecutorService("end-signal-cancel-test");
            try {
                Future<String> future = executor.submitToMember(new GatedTask(),
                        pool.instance().getCluster().getLocalMember());
                CountDownLatch heard = new CountDownLatch(1);
                EndSignal.of(future).whenCompleteAsync((ignored, alsoIgnored) -> heard.countDown(), Runnable::run);
                assertTrue(future.cancel(true));
                assertTrue(heard.await(30, TimeUnit.SECONDS), "the end was heard");
                assertThrows(CancellationException.class, future::get);
            } finally {
                GATE.get().countDown();
                executor.shutdown();
            }
        }
    }
}
