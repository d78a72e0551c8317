package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.internal.ForkContext;
import dev.weft.parallel.context.TenantAccessor;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@link ContextCodec}: what travels in front of a chunk's inputs, and what a worker makes of it. */
class ContextCodecTest {

    /** Claims to be serializable, but its writeObject throws: a value left out, never a failed task. */
    static final class Unwritable implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            throw new IOException("no writing this");
        }
    }

    /** Serializes, but its readObject throws: in a worker, as a value whose class is missing there. */
    static final class Unreadable implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void readObject(java.io.ObjectInputStream in) throws IOException {
            throw new IOException("no reading this");
        }
    }

    private static ForkContext read(byte[] bytes) throws IOException {
        ContextCodec.Read read = ContextCodec.decode(bytes, 0, bytes.length);
        assertEquals(bytes.length, read.next(), "the inputs start right after it");
        return read.context();
    }

    @Test
    void anEmptyContextIsOneByte() throws IOException {
        byte[] bytes = ContextCodec.encode(ForkContext.empty());
        assertArrayEquals(new byte[] {ContextCodec.NONE}, bytes);
        assertTrue(read(bytes).isEmpty());
    }

    @Test
    void theMdcTheValuesAndTheDeadlineComeBack() throws IOException {
        Instant deadline = Instant.parse("2030-01-02T03:04:05.123456789Z");
        ForkContext sent = ForkContext.fromPortable(Map.of("requestId", "req-17", "user", "ünïcode"),
                Map.of(TenantAccessor.KEY, "tenant-a"), deadline);
        ForkContext got = read(ContextCodec.encode(sent));
        assertEquals(sent.mdc(), got.mdc());
        assertEquals(Map.of(TenantAccessor.KEY, "tenant-a"), got.portableValues());
        assertEquals(deadline, got.deadline().orElseThrow());
    }

    @Test
    void aValueThatDoesNotSerializeIsLeftOut() throws IOException {
        ForkContext sent = ForkContext.fromPortable(Map.of("requestId", "r"), Map.of(TenantAccessor.KEY, new Unwritable()),
                null);
        ForkContext got = read(ContextCodec.encode(sent));
        assertEquals(Map.of("requestId", "r"), got.mdc());
        assertEquals(Map.of(), got.portableValues());
    }

    @Test
    void aValueTheWorkerCannotReadIsLeftOutThere() throws IOException {
        ForkContext sent = ForkContext.fromPortable(Map.of("requestId", "r"), Map.of(TenantAccessor.KEY, new Unreadable()),
                null);
        byte[] bytes = ContextCodec.encode(sent);
        assertTrue(bytes.length > 1, "it was written");
        ForkContext got = read(bytes);
        assertEquals(Map.of("requestId", "r"), got.mdc());
        assertEquals(Map.of(), got.portableValues());
    }

    @Test
    void garbageIsAnIOException() {
        assertThrows(IOException.class, () -> ContextCodec.decode(new byte[0], 0, 0));
        assertThrows(IOException.class, () -> ContextCodec.decode(new byte[] {7}, 0, 1));
        assertThrows(IOException.class, () -> ContextCodec.decode(new byte[] {ContextCodec.PRESENT, 0, 0, 0, 9, 0}, 0, 6));
        byte[] whole = ContextCodec.encode(ForkContext.fromPortable(Map.of("k", "v"), Map.of(), null));
        assertThrows(IOException.class, () -> ContextCodec.decode(Arrays.copyOf(whole, whole.length - 1), 0, whole.length - 1));
    }

    @Test
    void aWorkerFailsAChunkWhoseContextItCannotReadOrWhoseDeadlinePassed() throws IOException {
        ChunkRunner.Site site = () -> "the test's worker";
        byte[] function = ChunkCodec.function((dev.weft.parallel.SerializableFunction<Object, Object>) x -> x, "the test");
        ChunkRunner.Loaded loaded = ChunkRunner.load(function, 0, function.length, site);
        byte[] late = ChunkCodec.inputs(List.of(1), 0, "the test",
                ForkContext.fromPortable(Map.of(), Map.of(), Instant.now().minusSeconds(1)));
        byte[] reply = ChunkRunner.run(loaded, late, 0, late.length, 0, site).bytes();
        Outcome<Object> outcome = ChunkCodec.decodeReply(reply, 0, reply.length, 0, 1).get(0);
        assertInstanceOf(TimeoutException.class, assertInstanceOf(Outcome.Failure.class, outcome).error());

        byte[] garbage = {9, 9, 9};
        byte[] failed = ChunkRunner.run(loaded, garbage, 0, garbage.length, 0, site).bytes();
        Throwable error = assertInstanceOf(Outcome.Failure.class, ChunkCodec.decodeReply(failed, 0, failed.length, 0, 1).get(0))
                .error();
        assertTrue(error.getMessage().contains("context"), error.getMessage());
    }
}
