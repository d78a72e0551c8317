package dev.weft.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cluster.ClusterPool;
import dev.weft.parallel.SerializableFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a function reaches a member: a stateless one once per member, then by its key (and again
 * when the member says it lacks it); one with state once per job and member
 * ({@link StatefulFunctionTransportTest}), each chunk its own copy.
 */
class FunctionTransportTest {

    @TempDir
    Path dir;

    static int plusOne(int x) {
        return x + 1;
    }

    interface Body {
        void run() throws Exception;
    }

    private List<RecordedEvent> chunkEvents(Body body) throws Exception {
        Path file = dir.resolve("chunks.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.PoolChunk").withThreshold(Duration.ZERO);
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.weft.PoolChunk"))
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .toList();
    }

    @Test
    void aStatelessFunctionHasAKeyAndIsEncodedOncePerClass() {
        SerializableFunction<Integer, Integer> fn = FunctionTransportTest::plusOne;
        PreparedFunction first = PreparedFunction.of(fn, "the cluster");
        assertNotNull(first.key());
        assertTrue(first.shared());
        assertSame(first, PreparedFunction.of(fn, "the cluster"), "the same lambda class is not encoded again");
        SerializableFunction<Integer, Integer> elsewhere = FunctionTransportTest::plusOne;
        assertEquals(first.key(), PreparedFunction.of(elsewhere, "the cluster").key(),
                "the same names, the same key, whichever call site made the lambda");
        int offset = 3;
        SerializableFunction<Integer, Integer> capturing = x -> x + offset;
        PreparedFunction withState = PreparedFunction.of(capturing, "the cluster");
        assertFalse(withState.shared(), "a lambda that captures has state: read per chunk");
        assertNotEquals(withState.key(), PreparedFunction.of(capturing, "the cluster").key(), "a key per job");
    }

    @Test
    void laterChunksGoWithoutTheFunctionAndAForgettingMemberGetsItAgain() throws Exception {
        List<RecordedEvent> events = chunkEvents(() -> {
            try (ClusterPool pool = ClusterPool.embedded()) {
                assertEquals(2, (int) pool.apply(FunctionTransportTest::plusOne, 1));
                assertEquals(3, (int) pool.apply(FunctionTransportTest::plusOne, 2));
                FunctionCache.clear(); // the member forgets: it answers "missing", and the parent resends
                assertEquals(4, (int) pool.apply(FunctionTransportTest::plusOne, 3));
                assertEquals(5, (int) pool.apply(FunctionTransportTest::plusOne, 4));
            }
        });
        assertEquals(4, events.size(), events.toString());
        long withFunction = events.get(0).getLong("bytesSent");
        long keyOnly = events.get(1).getLong("bytesSent");
        assertTrue(keyOnly < withFunction, keyOnly + " bytes, then " + withFunction);
        assertEquals(keyOnly + withFunction, events.get(2).getLong("bytesSent"), "sent by key, then again with it");
        assertEquals(keyOnly, events.get(3).getLong("bytesSent"));
        events.forEach(e -> assertEquals("answered", e.getString("outcome")));
    }

    @Test
    void aFunctionWithStateIsReadByEveryChunkAsItsOwnCopy() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (ClusterPool pool = ClusterPool.embedded()) {
            List<Integer> counts = pool.map(x -> calls.incrementAndGet(), List.of(1, 2, 3, 4, 5, 6), 1);
            assertEquals(List.of(1, 1, 1, 1, 1, 1), counts, "no chunk sees another chunk's copy");
            assertEquals(0, calls.get(), "the caller's copy is not the members'");
        }
    }
}
