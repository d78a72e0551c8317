package dev.weft.parallel.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Scopes;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live process pool's workers in {@link Scopes#dump()}. */
class PoolDumpTest {

    static int nap(int millis) {
        try {
            Thread.sleep(millis); // the workload: long enough to be seen running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    @Test
    void theWorkersOfALivePoolShowWithPidStateChunkAndTasksDone() throws Exception {
        String name;
        try (Pool pool = Pool.processes(ProcessPoolOptions.builder().workers(1).jvmArgs(List.of("-Xmx64m")).build())) {
            assertEquals(List.of(1), pool.map(PoolDumpTest::nap, List.of(1)));
            var running = pool.applyAsync(PoolDumpTest::nap, 60_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> Scopes.dump().contains("(1 inputs from index 0)"));
            String dump = Scopes.dump();
            String poolLine = dump.lines().filter(l -> l.startsWith("pool \"weft-processes-")).findFirst().orElseThrow();
            name = poolLine.substring("pool \"".length(), poolLine.indexOf('"', "pool \"".length()));
            assertTrue(poolLine.endsWith("[processes]"), poolLine);
            String worker = dump.lines().filter(l -> l.contains("worker pid ")).findFirst().orElseThrow();
            assertTrue(worker.matches("  worker pid \\d+ RUNNING, chunk \\d+ \\(1 inputs from index 0\\), 1 tasks done"), worker);
            assertTrue(Scopes.dumpJson().contains("\"backend\":\"processes\""));
            pool.terminate();
            running.cancel(true);
        }
        assertFalse(Scopes.dump().contains("pool \"" + name + "\""), "a closed pool leaves the dump");
    }
}
