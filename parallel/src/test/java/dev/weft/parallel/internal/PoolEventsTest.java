package dev.weft.parallel.internal;

import static dev.weft.parallel.contract.PoolRecordings.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.WorkerDiedException;
import dev.weft.parallel.contract.PoolRecordings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dev.weft.PoolChunk} and {@code dev.weft.WorkerDied} events of a process pool. */
class PoolEventsTest {

    @TempDir
    Path dir;

    static int exitOnThree(int x) {
        if (x == 3) {
            System.err.println("about to exit on " + x);
            System.exit(42);
        }
        return x * 2;
    }

    private List<RecordedEvent> record(PoolRecordings.Body body) throws Exception {
        return PoolRecordings.record(dir.resolve("pool.jfr"), body);
    }


    @Test
    void aChunkIsRecordedWithItsWorkerInputsAndBytes() throws Exception {
        List<RecordedEvent> events = record(() -> {
            try (Pool pool = Pool.processes(ProcessPoolOptions.builder().workers(1).jvmArgs(List.of("-Xmx64m")).build())) {
                assertEquals(List.of(0, 2, 4, 8), pool.map(PoolEventsTest::exitOnThree, List.of(0, 1, 2, 4), 2));
            }
        });
        List<RecordedEvent> chunks = named(events, "dev.weft.PoolChunk");
        assertEquals(2, chunks.size(), chunks.toString());
        for (RecordedEvent chunk : chunks) {
            assertEquals("processes", chunk.getString("backend"));
            assertTrue(chunk.getString("pool").startsWith("weft-processes-"), chunk.getString("pool"));
            assertTrue(chunk.getString("worker").matches("pid \\d+"), chunk.getString("worker"));
            assertEquals(2, chunk.getInt("inputs"));
            assertEquals("answered", chunk.getString("outcome"));
            assertTrue(chunk.getLong("bytesSent") > 0);
            assertTrue(chunk.getLong("bytesReceived") > 0);
        }
        assertTrue(named(events, "dev.weft.WorkerDied").isEmpty(), "a pool closed normally loses no worker");
    }

    @Test
    void aWorkerThatDiesIsRecordedWithItsExitCodeAndWhatItRan() throws Exception {
        List<RecordedEvent> events = record(() -> {
            ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).jvmArgs(List.of("-Xmx64m"))
                    .stderr(line -> { }).build();
            try (Pool pool = Pool.processes(options)) {
                List<Outcome<Integer>> outcomes = pool.mapOutcomes(PoolEventsTest::exitOnThree,
                        IntStream.range(0, 5).boxed().toList(), 1);
                assertInstanceOf(WorkerDiedException.class, assertInstanceOf(Outcome.Failure.class, outcomes.get(3)).error());
            }
        });
        List<RecordedEvent> deaths = named(events, "dev.weft.WorkerDied");
        assertEquals(1, deaths.size(), deaths.toString());
        RecordedEvent death = deaths.get(0);
        assertEquals(42, death.getInt("exitCode"));
        assertTrue(death.getLong("pid") > 0);
        assertTrue(death.getString("running").contains("from index 3"), death.getString("running"));
        assertTrue(death.getString("stderrTail").contains("about to exit on 3"), death.getString("stderrTail"));
        assertTrue(named(events, "dev.weft.PoolChunk").stream().anyMatch(c -> c.getString("outcome").equals("lost")));
    }
}
