package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.SerializableRunnable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A chunk with an empty context on a thread no user code has touched ({@link ChunkRunner.Site#untouchedThread()},
 * a child JVM's first chunk) runs without installing it, so it does not start the child's logging
 * binding; once user code has run there (an initializer, a chunk), the context is installed as before.
 */
class FirstChunkContextTest {
    private static final String KEY = "weft.test.first-chunk";

    @AfterEach
    void clean() {
        MDC.clear();
    }

    /** A site that says its thread is untouched, or not. */
    private record Site(boolean untouched) implements ChunkRunner.Site {
        @Override
        public String name() {
            return "the test's worker";
        }

        @Override
        public boolean untouchedThread() {
            return untouched;
        }
    }

    private static Object runOnce(SerializableFunction<Object, Object> fn, ChunkRunner.Site site) throws Exception {
        byte[] function = ChunkCodec.function(fn, "the test");
        byte[] args = ChunkCodec.inputs(Arrays.asList((Object) 1), 0, "the test");
        ChunkRunner.Loaded loaded = ChunkRunner.load(function, 0, function.length, site);
        byte[] reply = ChunkRunner.run(loaded, args, 0, args.length, 0, site).bytes();
        List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply, 0, reply.length, 0, 1);
        return outcomes.get(0).getOrThrow();
    }

    @Test
    void anEmptyContextOnAnUntouchedThreadIsNotInstalled() throws Exception {
        // An MDC entry on the thread stands for "something was there": an untouched site leaves it (nothing
        // is installed, nothing cleared), which is what saves the child's first chunk the logging binding.
        MDC.put(KEY, "left");
        assertEquals("left", runOnce(x -> String.valueOf(MDC.get(KEY)), new Site(true)));
        assertEquals("left", MDC.get(KEY), "nothing to restore either");
    }

    @Test
    void anEmptyContextIsInstalledOnATouchedThreadAndByDefault() throws Exception {
        MDC.put(KEY, "left");
        assertEquals("null", runOnce(x -> String.valueOf(MDC.get(KEY)), new Site(false)), "cleared for the chunk");
        assertEquals("left", MDC.get(KEY), "and put back after it");
        ChunkRunner.Site plain = () -> "a default site";
        assertTrue(!plain.untouchedThread(), "a site is touched unless it says otherwise");
        assertEquals("null", runOnce(x -> String.valueOf(MDC.get(KEY)), plain));
    }

    @Test
    void aChildJvmsChunksDoNotSeeWhatItsInitializerPutInTheMdc() throws InterruptedException {
        SerializableRunnable initializer = () -> MDC.put(KEY, "from the initializer");
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).initializer(initializer)
                .keepIdleWorkers(java.time.Duration.ZERO).build();
        try (Pool pool = Pool.processes(options)) {
            List<String> seen = pool.map(x -> String.valueOf(MDC.get(KEY)), List.of(1, 2, 3), 1);
            assertEquals(List.of("null", "null", "null"), seen, "the initializer ran: every chunk installs its context");
        }
    }

    @Test
    void aChildJvmsFirstChunkStillGetsTheCallersMdc() throws InterruptedException {
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(1).keepIdleWorkers(java.time.Duration.ZERO)
                .build();
        try (Pool pool = Pool.processes(options)) {
            MDC.put(KEY, "from the caller");
            assertEquals(List.of("from the caller"), pool.map(x -> String.valueOf(MDC.get(KEY)), List.of(1)));
            MDC.remove(KEY);
            assertNull(MDC.get(KEY));
            assertEquals(List.of("null", "null"), pool.map(x -> String.valueOf(MDC.get(KEY)), List.of(1, 2), 1),
                    "a later chunk with an empty context clears what an earlier one had");
        }
    }
}
