package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.internal.registry.MiniJson;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Dump} against a child JVM that runs a known nested structure. */
class DumpTest {
    private Process child;

    @BeforeEach
    void startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DumpChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        assertEquals("READY", first, "the child runs its scopes");
    }

    @AfterEach
    void stopChild() throws InterruptedException, java.io.IOException {
        child.getOutputStream().close();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void printsTheChildsTreeWithTheInnerScopeUnderItsFork() throws Exception {
        String tree = Dump.fetch(child.pid(), false);
        List<String> lines = tree.lines().toList();
        int a = indexOf(lines, "fork \"child-a\"");
        int inner = indexOf(lines, "scope \"child-inner\"");
        int leaf = indexOf(lines, "fork \"child-leaf\"");
        assertTrue(indexOf(lines, "scope \"child-outer\"") < a && a < inner && inner < leaf, tree);
    }

    @Test
    void withJsonPrintsJsonThatParses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Dump.run(new String[] {Long.toString(child.pid()), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(MiniJson.parse(json.strip()).toString().contains("child-leaf"), json);
    }

    @Test
    void badArgumentsAndUnreachableProcessesExitWithTwoAndSayWhy() {
        for (String[] args : List.of(new String[0], new String[] {"abc"}, new String[] {"1", "--xml"},
                new String[] {Long.toString(Long.MAX_VALUE)})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Dump.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, String.join(" ", args));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertTrue(!err.toString(StandardCharsets.UTF_8).isBlank());
        }
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no " + start + " in\n" + String.join("\n", lines));
    }
}
