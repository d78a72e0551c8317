package dev.weft.async;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Scopes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A gather and the TaskGroup one of its tasks opened, in {@link Scopes#dump()}. */
class ScopesDumpTest {

    @Test
    void aTaskGroupOpenedInAGatheredTaskHangsUnderThatTask() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Integer>> gathered = CompletableFuture.supplyAsync(() -> {
            try {
                return Async.gather(
                        () -> TaskGroup.run("in-gather", group -> {
                            group.createTask("grouped", () -> {
                                started.countDown();
                                return release.await(30, TimeUnit.SECONDS) ? 1 : -1;
                            });
                            return 0;
                        }),
                        () -> {
                            started.countDown();
                            return release.await(30, TimeUnit.SECONDS) ? 2 : -2;
                        });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(started.await(30, TimeUnit.SECONDS), "both tasks run");
            await().atMost(Duration.ofSeconds(30)).until(() -> Scopes.dump().contains("fork \"grouped\""));
            List<String> lines = Scopes.dump().lines().toList();
            int gather = find(lines, "[gather]");
            int first = find(lines, "[0]\" ");
            int group = find(lines, "scope \"in-gather\" [TaskGroup]");
            int grouped = find(lines, "fork \"grouped\"");
            assertTrue(gather < first && first < group && group < grouped, String.join("\n", lines));
            assertTrue(indent(lines.get(first)) < indent(lines.get(group)), String.join("\n", lines));
            assertTrue(lines.get(gather).contains("2 running of 2 forks"), lines.get(gather));
        } finally {
            release.countDown();
        }
        assertEquals(List.of(0, 2), gathered.get(30, TimeUnit.SECONDS));
        assertFalse(Scopes.dump().contains("in-gather"));
    }

    private static int find(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no " + part + " in\n" + String.join("\n", lines));
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
