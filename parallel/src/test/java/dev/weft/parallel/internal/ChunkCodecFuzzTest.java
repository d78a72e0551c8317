package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.core.Outcome;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Arbitrary bytes fed to the parent's side of the channel: the frame reader ({@link Frames#read})
 * and the reply decoder ({@link ChunkCodec#decodeReply}). Whatever the bytes, the reader returns
 * frames or throws an {@link IOException} (the parent then kills the child), and the decoder
 * returns exactly one outcome per input of the chunk it was told, every failure naming those
 * inputs; nothing else may escape, and no input may hang: the module's default JUnit timeout
 * (120 s) bounds each seed, and Jazzer passes it to libFuzzer as the {@code -timeout} of each
 * input when fuzzing. (A JUnit {@code @Timeout} here would also bound the whole fuzzing run.)
 *
 * <p>{@code verify} replays the corpus in {@code ChunkCodecFuzzTestInputs/<target>/} (Jazzer's
 * regression mode: valid frames and replies, truncated ones, wrong counts, a reply whose result's
 * {@code readObject} throws; contexts empty, full, truncated, with a value whose class is missing); {@code -Pfuzz} fuzzes one target, {@code -Dtest='ChunkCodecFuzzTest#replies'}.
 */
class ChunkCodecFuzzTest {
    /** The first input of the chunk a reply claims to be. */
    private static final long FIRST_INDEX = 40;

    @FuzzTest(maxDuration = "60s")
    void frames(byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            // Every frame takes 8 bytes at least: more reads than bytes would be a loop.
            for (int read = 0; read <= bytes.length; read++) {
                Frames.Frame frame = Frames.read(in);
                if (frame == null) {
                    return;
                }
                assertTrue(frame.type() >= Frames.READY && frame.type() <= Frames.MESSAGE_END, "type " + frame.type());
                if (frame.type() == Frames.RESULT && frame.payload().length >= 8) {
                    assertReplyIsOutcomes(frame.payload(), 8, frame.payload().length - 8, 1 + (frame.payload()[7] & 7));
                }
            }
            throw new AssertionError("more frames than bytes");
        } catch (IOException garbage) {
            // the documented answer to bytes that are not frames
        }
    }

    /** The first byte says how many inputs the chunk has (1 to 8); the rest is the reply. */
    @FuzzTest(maxDuration = "60s")
    void replies(byte[] bytes) {
        int size = bytes.length == 0 ? 1 : 1 + (bytes[0] & 7);
        assertReplyIsOutcomes(bytes, 1, bytes.length - 1, size);
    }

    /**
     * A worker's side: arbitrary bytes where a chunk's context ({@link ContextCodec}) should be.
     * They are a context, with the inputs' offset inside the bytes, or an {@link IOException}
     * (the chunk then fails); nothing else escapes.
     */
    @FuzzTest(maxDuration = "60s")
    void contexts(byte[] bytes) {
        try {
            ContextCodec.Read read = ContextCodec.decode(bytes, 0, bytes.length);
            assertNotNull(read.context(), "a context");
            assertTrue(read.next() > 0 && read.next() <= bytes.length, "the inputs' offset " + read.next());
        } catch (IOException garbage) {
            // the documented answer to bytes that are not a context
        }
    }

    /**
     * One outcome per input, each a value or a failure with its error: never a cancellation, never
     * null. (A failure may be an error the bytes themselves carry, as a worker's would be; those the
     * decoder makes name the inputs, which {@code ChunkCodecTest} checks case by case.)
     */
    private static void assertReplyIsOutcomes(byte[] bytes, int offset, int length, int size) {
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(bytes, offset, length, FIRST_INDEX, size);
        assertEquals(size, outcomes.size(), "one outcome per input");
        for (Outcome<Object> outcome : outcomes) {
            assertNotNull(outcome, "an outcome");
            assertFalse(outcome instanceof Outcome.Cancelled<Object>, "a decoded reply cancels nothing");
            if (outcome instanceof Outcome.Failure<Object> failure) {
                assertNotNull(failure.error(), "a failure's error");
            }
        }
    }
}
