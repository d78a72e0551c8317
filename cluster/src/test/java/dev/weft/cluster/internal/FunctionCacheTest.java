package dev.weft.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.internal.ChunkCodec;
import dev.weft.parallel.internal.ChunkRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's {@link FunctionCache}: one instance of a function without state, a copy per chunk of
 * one with state, nothing kept of a function that cannot be read, and a bound on what is kept.
 */
class FunctionCacheTest {
    private static final ChunkRunner.Site SITE = () -> "the test";

    static int plusOne(int x) {
        return x + 1;
    }

    @BeforeEach
    @AfterEach
    void forgetAll() {
        FunctionCache.clear();
    }

    private static byte[] withState(int offset) {
        return ChunkCodec.function((SerializableFunction<Integer, Integer>) x -> x + offset, "the test");
    }

    @Test
    void aSharedFunctionIsReadOnceAndOneInstanceServesEveryChunk() {
        byte[] bytes = ChunkCodec.function((SerializableFunction<Integer, Integer>) FunctionCacheTest::plusOne, "the test");
        ChunkRunner.Loaded first = FunctionCache.load("k", true, bytes, SITE);
        assertNull(first.failure());
        assertSame(first, FunctionCache.load("k", true, null, SITE), "by key alone, the same instance");
        assertEquals(2, first.function().apply(1));
    }

    @Test
    void aFunctionWithStateIsKeptAsBytesAndEveryChunkReadsItsOwnCopy() {
        ChunkRunner.Loaded first = FunctionCache.load("s", false, withState(10), SITE);
        ChunkRunner.Loaded second = FunctionCache.load("s", false, null, SITE);
        assertNotNull(second, "the bytes were kept");
        assertNotSame(first.function(), second.function(), "each chunk its own copy");
        assertEquals(11, second.function().apply(1));
        assertEquals(1, FunctionCache.withState());
        FunctionCache.forget("s");
        assertNull(FunctionCache.load("s", false, null, SITE), "forgotten: the member answers missing");
        assertEquals(0, FunctionCache.withState());
    }

    @Test
    void anUnknownKeyWithoutBytesIsMissingAndAFunctionThatCannotBeReadIsNotKept() {
        assertNull(FunctionCache.load("nothing", false, null, SITE));
        ChunkRunner.Loaded garbage = FunctionCache.load("bad", false, new byte[] {1, 2, 3}, SITE);
        assertNotNull(garbage.failure());
        assertFalse(FunctionCache.has("bad"), "the next chunk reads it again and fails the same way");
        assertNull(FunctionCache.load("bad", false, null, SITE));
        FunctionCache.forget("never-kept"); // no such key: nothing happens
        assertEquals(0, FunctionCache.size());
    }

    @Test
    void atMostMaxFunctionsAreKeptTheLeastRecentlyUsedGoFirst() {
        byte[] bytes = withState(1);
        for (int i = 0; i < FunctionCache.MAX + 50; i++) {
            FunctionCache.load("key-" + i, false, bytes, SITE);
            if (i >= 1) {
                FunctionCache.load("key-0", false, null, SITE); // used again and again: kept
            }
        }
        assertEquals(FunctionCache.MAX, FunctionCache.size());
        assertTrue(FunctionCache.has("key-0"), "recently used");
        assertFalse(FunctionCache.has("key-1"), "the least recently used went");
        assertTrue(FunctionCache.has("key-" + (FunctionCache.MAX + 49)));
    }
}
