package dev.weft.parallel.internal;

import static dev.weft.parallel.contract.PoolRecordings.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.parallel.Pool;
import dev.weft.parallel.contract.PoolRecordings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dev.weft.PoolChunk} events of a pool of threads ({@code Pool.threads}). */
class ThreadPoolEventsTest {

    @TempDir
    Path dir;

    private List<RecordedEvent> chunks(PoolRecordings.Body body) throws Exception {
        return named(PoolRecordings.record(dir.resolve("threads.jfr"), body), "dev.weft.PoolChunk");
    }

    @Test
    void eachChunkIsRecordedWithItsThreadAndInputs() throws Exception {
        List<RecordedEvent> chunks = chunks(() -> {
            try (Pool pool = Pool.threads(2)) {
                assertEquals(List.of(0, 2, 4, 6, 8, 10), pool.map((Integer x) -> x * 2, List.of(0, 1, 2, 3, 4, 5), 2));
            }
        });
        assertEquals(3, chunks.size(), chunks.toString());
        for (RecordedEvent chunk : chunks) {
            assertEquals("threads", chunk.getString("backend"));
            assertTrue(chunk.getString("pool").matches("weft-threads-\\d+"), chunk.getString("pool"));
            assertTrue(chunk.getString("worker").startsWith(chunk.getString("pool") + "-worker-"),
                    chunk.getString("worker"));
            assertEquals(2, chunk.getInt("inputs"));
            assertEquals("answered", chunk.getString("outcome"));
            assertEquals(0, chunk.getLong("bytesSent"));
            assertEquals(0, chunk.getLong("bytesReceived"));
            assertTrue(!chunk.getDuration().isNegative());
        }
    }

    @Test
    void aChunkTheTerminatedPoolStoppedIsRecordedCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        List<RecordedEvent> chunks = chunks(() -> {
            try (Pool pool = Pool.threads(1)) {
                Task<Boolean> blocked = pool.applyAsync((Integer x) -> {
                    started.countDown();
                    try {
                        return never.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }, 0);
                assertTrue(started.await(30, TimeUnit.SECONDS), "the task never started");
                pool.terminate();
                assertThrows(CancellationException.class, () -> blocked.get(30, TimeUnit.SECONDS),
                        "a task the pool stopped ends cancelled");
            }
        });
        assertEquals(1, chunks.size(), chunks.toString());
        assertEquals("cancelled", chunks.get(0).getString("outcome"));
        assertEquals(1, chunks.get(0).getInt("inputs"));
    }
}
