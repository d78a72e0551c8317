package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.parallel.SerializableFunction;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chunk codec end to end without a worker process: {@link ChunkRunner} on one side,
 * {@link ChunkCodec#decodeReply} on the other, and each way a reply can fail to be read.
 */
class ChunkCodecTest {
    private static final ChunkRunner.Site SITE = () -> "the test's worker";

    /** Serializes, but its readObject throws: a result that cannot be read back. */
    static final class Unreadable implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            throw new UnsupportedOperationException("no reading this");
        }
    }

    static Object run(Object x) {
        return switch (x) {
            case Integer i when i == 7 -> throw new IllegalArgumentException("seven");
            case Integer i when i == 8 -> new Object(); // does not serialize
            case Integer i when i == 9 -> new Unreadable();
            default -> x;
        };
    }

    private static byte[] reply(SerializableFunction<Object, Object> fn, long firstIndex, Object... inputs) throws IOException {
        byte[] function = ChunkCodec.function(fn, "the test");
        byte[] args = ChunkCodec.inputs(Arrays.asList(inputs), firstIndex, "the test");
        ChunkRunner.Loaded loaded = ChunkRunner.load(function, 0, function.length, SITE);
        assertNull(loaded.failure());
        return ChunkRunner.run(loaded, args, 0, args.length, firstIndex, SITE).bytes();
    }

    private static Throwable failure(Outcome<Object> outcome) {
        return assertInstanceOf(Outcome.Failure.class, outcome).error();
    }

    private static void assertMessage(Throwable error, String... parts) {
        for (String part : parts) {
            assertTrue(String.valueOf(error.getMessage()).contains(part), "'" + part + "' in " + error.getMessage());
        }
    }

    @Test
    void resultsAndFailuresComeBackPerInput() throws IOException {
        byte[] reply = reply(ChunkCodecTest::run, 5, 1, 7, 8, "x");
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply, 0, reply.length, 5, 4);
        assertEquals(Outcome.success(1), outcomes.get(0));
        assertMessage(assertInstanceOf(IllegalArgumentException.class, failure(outcomes.get(1))), "seven");
        assertMessage(assertInstanceOf(IllegalArgumentException.class, failure(outcomes.get(2))),
                "the result of input #7 (a java.lang.Object) cannot be sent back from the test's worker");
        assertEquals(Outcome.success("x"), outcomes.get(3));
    }

    @Test
    void rawValueArraysComeBack() throws IOException {
        byte[] reply = reply(x -> x, 0, 1, 2, 3);
        assertEquals(List.of(Outcome.success(1), Outcome.success(2), Outcome.success(3)),
                ChunkCodec.decodeReply(reply, 0, reply.length, 0, 3));
    }

    @Test
    void aResultWhoseReadObjectThrowsFailsTheChunkNamingItsInputsAndTheCause() throws IOException {
        byte[] reply = reply(ChunkCodecTest::run, 3, 1, 9);
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply, 0, reply.length, 3, 2);
        for (Outcome<Object> outcome : outcomes) {
            Throwable error = failure(outcome);
            assertMessage(error, "the reply for inputs #3..4 could not be read", "no reading this");
            assertInstanceOf(UnsupportedOperationException.class, error.getCause());
        }
    }

    @Test
    void aWrongCountFailsEveryInput() throws IOException {
        byte[] reply = reply(x -> x, 0, 1, 2, 3);
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply, 0, reply.length, 10, 2);
        assertEquals(2, outcomes.size());
        assertMessage(failure(outcomes.get(0)), "replied 3 results for inputs #10..11");
    }

    @Test
    void truncatedEmptyAndGarbageRepliesFailEveryInputNamingThem() throws IOException {
        byte[] reply = reply(ChunkCodecTest::run, 0, "a", 1);
        for (int cut = 0; cut < reply.length; cut++) {
            List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply, 0, cut, 20, 2);
            assertEquals(2, outcomes.size());
            assertMessage(failure(outcomes.get(1)), "inputs #20..21");
        }
        assertMessage(failure(ChunkCodec.decodeReply(new byte[] {9, 1, 2}, 0, 3, 4, 1).get(0)), "input #4", "not a reply");
        assertMessage(failure(ChunkCodec.decodeReply(new byte[] {0, 1, 0x7f, -1, -1, -1}, 0, 6, 4, 1).get(0)),
                "input #4", "bad value array length");
        assertMessage(failure(ChunkCodec.decodeReply(new byte[0], 0, 0, 4, 1).get(0)), "input #4", "empty");
        List<Outcome<Object>> none = ChunkCodec.decodeReply(null, 0, 0, 4, 2);
        assertEquals(2, none.size());
        assertMessage(failure(none.get(1)), "inputs #4..5", "empty");
    }

    @Test
    void aFunctionThatCannotBeReadFailsTheChunkWithTheReason() throws IOException {
        ChunkRunner.Loaded garbage = ChunkRunner.load(new byte[] {0, 1, 2, 3}, 0, 4, SITE);
        assertMessage(garbage.failure(), "the function could not be read in the test's worker");
        byte[] args = ChunkCodec.inputs(List.of(1, 2), 0, "the test");
        ChunkRunner.Reply reply = ChunkRunner.run(garbage, args, 0, args.length, 0, SITE);
        assertTrue(reply.anyFailed());
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply.bytes(), 0, reply.bytes().length, 0, 2);
        assertMessage(failure(outcomes.get(0)), "the function could not be read");
        assertEquals(failure(outcomes.get(0)).getMessage(), failure(outcomes.get(1)).getMessage());
        ChunkRunner.Reply unknown = ChunkRunner.run(null, args, 0, args.length, 0, SITE);
        assertMessage(failure(ChunkCodec.decodeReply(unknown.bytes(), 0, unknown.bytes().length, 0, 2).get(1)),
                "does not know the function");
    }

    @Test
    void inputsThatCannotBeReadFailTheChunkNamingTheFirstInput() throws IOException {
        byte[] function = ChunkCodec.function((SerializableFunction<Object, Object>) x -> x, "the test");
        byte[] args = ChunkCodec.inputs(List.of(new Unreadable(), 2), 12, "the test");
        ChunkRunner.Reply reply = ChunkRunner.run(ChunkRunner.load(function, 0, function.length, SITE), args, 0, args.length,
                12, SITE);
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply.bytes(), 0, reply.bytes().length, 12, 2);
        assertMessage(failure(outcomes.get(1)), "from input #12 could not be read in the test's worker", "no reading this");
    }

    @Test
    void aMissingClassIsNamedWithTheSiteByDefault() throws IOException {
        byte[] renamed = ChunkCodec.inputs(List.of(new Unreadable()), 0, "the test");
        String text = new String(renamed, java.nio.charset.StandardCharsets.ISO_8859_1).replace("$Unreadable", "$Unreadabl_");
        renamed = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] function = ChunkCodec.function((SerializableFunction<Object, Object>) x -> x, "the test");
        ChunkRunner.Loaded fn = ChunkRunner.load(function, 0, function.length, SITE);
        ChunkRunner.Reply reply = ChunkRunner.run(fn, renamed, 0, renamed.length, 0, SITE);
        assertMessage(failure(ChunkCodec.decodeReply(reply.bytes(), 0, reply.bytes().length, 0, 1).get(0)),
                "class dev.weft.parallel.internal.ChunkCodecTest$Unreadabl_ is not on the class path of the test's worker");
    }

    @Test
    void aMissingClassIsWhatTheSiteSaysItIs() throws IOException {
        ChunkRunner.Site site = new ChunkRunner.Site() {
            @Override
            public String name() {
                return "nowhere";
            }

            @Override
            public Throwable classMissing(String className, Throwable cause) {
                return new IllegalStateException("missing " + className, cause);
            }
        };
        byte[] function = ChunkCodec.function((SerializableFunction<Object, Object>) x -> x, "the test");
        byte[] renamed = new String(function, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("ChunkCodecTest", "ChunkCodecTesX").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertMessage(ChunkRunner.load(renamed, 0, renamed.length, site).failure(), "missing dev.weft.parallel.internal.ChunkCodecTesX");
    }
}
