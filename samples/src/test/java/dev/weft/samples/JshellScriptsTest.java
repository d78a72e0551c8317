package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each script of {@code samples/jshell/} in jshell, as {@code Samples jshell FILE.jsh} does
 * (same command line, the samples' class path without the test-only entries), and checks the
 * notebook's French lines come out, in order, with no jshell error or exception.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class JshellScriptsTest {
    private static final Path SCRIPTS = Path.of("jshell");
    /** Far above the few seconds a script takes, below the class's JUnit timeout. */
    private static final long WAIT_SECONDS = 120;
    /** What jshell prints for a snippet that does not compile or throws, and what an uncaught exception prints. */
    private static final Pattern TROUBLE = Pattern.compile(
            "^(\\|\\s+)?(Error:|Exception\\b|Caused by:)|\\|  Error|Exception in thread");
    private static final List<String> TEST_ONLY = List.of("test-classes", "/org/junit/", "/org/opentest4j/",
            "/org/apiguardian/", "/org/awaitility/", "/org/hamcrest/", "weft-testkit", "testkit/target", "surefire");

    @TempDir
    Path dir;

    @Test
    void threadsRunInSequenceThenTogether() throws Exception {
        List<String> lines = run("threads.jsh");
        String o = "oooooooooooo";
        String x = "xxxxxxxxxxxx";
        assertEquals(List.of("# séquentiel", o, o, o, x, x, x, "# threads"),
                lines.subList(0, 8), "the sequential part, one process after the other");
        List<String> together = new ArrayList<>(lines.subList(8, 14));
        together.sort(null);
        assertEquals(List.of(o, o, o, x, x, x), together, "the threaded part: " + lines);
        assertEquals("Fin de Programme !", lines.get(14), "after both threads: " + lines);
    }

    @Test
    void semaphoreLockAndRLockEachGuardTheCountTo100() throws Exception {
        List<String> lines = run("locks.jsh");
        List<Line> expected = new ArrayList<>();
        for (String zone : List.of("# Semaphore", "# Lock", "# RLock")) {
            expected.add(line(zone));
            expected.add(matching("Thread: [12] essais d'entrée à la zonne critique"));
            IntStream.rangeClosed(2, 100).forEach(v -> expected.add(line("La valeur est " + v)));
        }
        expected.add(line("verrouillé: true"));
        expected.add(line("verrouillé: false"));
        assertInOrder(lines, expected);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Thread: 2 sortie de la zonne critique")), "" + lines);
    }

    @Test
    void queueServerAndClientTakeTurns() throws Exception {
        List<String> lines = run("queues.jsh");
        Handovers h = handovers(lines, 3, "element (\\d+) ajouté à la liste par Thread-1",
                "element (\\d+) extrait de la liste par Thread-2");
        List<Integer> added = h.added();
        List<Integer> taken = h.taken();
        for (int i = 0; i < 2; i++) {
            assertTrue(taken.get(i) < added.get(i + 1), "join() waits for task_done before the next put: " + lines);
        }
        int closed = lines.indexOf("La queue est fermée: fin du client Thread-2");
        assertTrue(closed > taken.getLast(), "" + lines);
        assertEquals("éléments restants: 0", lines.getLast());
        assertInOrder(lines, List.of(line("Début de traitement au niveau serveur"),
                line("Passe la main au thread client"), line("Passe la main au thread serveur")));
    }

    @Test
    void eventTellsTheClientTheElementIsThere() throws Exception {
        List<String> lines = run("events.jsh");
        Handovers h = handovers(lines, 1, "Element (\\d+) à été ajouté au niveau de la liste par Thread-1",
                "Element (\\d+) à été extrait de la liste par Thread-2");
        int handOver = lines.indexOf("Passe la main au thread client");
        assertTrue(h.added().getFirst() < handOver && handOver < h.taken().getFirst(),
                "set() comes before the take: " + lines);
        assertInOrder(lines, List.of(line("Passe la main au thread serveur"),
                line("événement levé: false, attendu 10 ms: false")));
    }

    @Test
    void decoratorsPrintAroundTheFunctionInTheOrderOfThe_atLines() throws Exception {
        List<String> lines = run("decorators.jsh");
        String before = "voici ce que renvoie la fonction print_hello_world";
        assertEquals(List.of(before, "hello world",
                "# @print_after_execution puis @print_before_execution :", before, "hello world",
                "La fonction a fini de tourner",
                "# @print_before_execution puis @print_after_execution :", before, "hello world",
                "La fonction a fini de tourner",
                "importé: adult.csv", "la première entrée doit contenir .csv"), lines.subList(0, 12));
        assertInOrder(lines.subList(12, lines.size()), List.of(
                matching("Cette fonction s'est exécutée en \\d\\.\\d+(E-\\d+)? s"), line("fini"),
                line("nom: print_hello_world")));
    }

    @Test
    void lruCacheComputesEachFactorialOnce() throws Exception {
        List<String> lines = run("lru-cache.jsh");
        Line timed = matching("Cette fonction s'est exécutée en \\d\\.\\d+(E-\\d+)? s");
        assertInOrder(lines, List.of(timed,
                line("[1, 2, 6, 24, 120] ... 156 chiffres pour 99!"),
                line("CacheInfo(hits=98, misses=99, maxSize=128, currSize=99)"),
                timed, timed,
                line("hello hello CacheInfo(hits=1, misses=1, maxSize=128, currSize=1)")));
    }

    @Test
    void gatherOverlapsTheWaits() throws Exception {
        List<String> lines = run("gather.jsh");
        Line total = matching("Durée totale d'exécution: \\d+\\.\\d\\d secondes");
        assertInOrder(lines, List.of(line("Subroutine :"), line("Daniel"), line("Donna"), line("Diane"), total,
                line("Coroutine :")));
        int coroutine = lines.indexOf("Coroutine :");
        List<String> names = new ArrayList<>(lines.subList(coroutine + 1, coroutine + 4));
        names.sort(null);
        assertEquals(List.of("Daniel", "Diane", "Donna"), names, "each name once, in any order: " + lines);
        assertInOrder(lines.subList(coroutine + 4, lines.size()), List.of(total, line("longueurs: [6, 5, 5]")));
    }

    /**
     * {@code Pool.processes(2).map} of lambdas typed at the prompt: the child JVMs must receive the
     * classes jshell compiled for them (the parallel module's change for REPL-defined classes);
     * without it the child fails with {@code ClassNotFoundException: REPL.$JShell$...}.
     */
    @Test
    void poolMapRunsLambdasTypedAtThePromptInChildJvms() throws Exception {
        List<String> lines = run("pool-map.jsh");
        Line seconds = matching("\\d+\\.\\d+(E-\\d+)?");
        assertInOrder(lines, List.of(
                matching("Durée de la solution 1 : " + seconds.pattern()),
                line("# 4 résultats, le même que sans pool: true"),
                matching("La complétion du programme en parallèle prend : " + seconds.pattern()),
                line("# 4 résultats, de longueurs [1000, 5000, 4000, 7000]")));
    }

    // ---- running a script

    /** Runs a script as {@code Samples jshell} does; returns its lines, checked free of errors. */
    private List<String> run(String script) throws Exception {
        Path startup = Jshell.writeStartup(dir);
        Path log = dir.resolve(script + ".out");
        List<String> command = Jshell.command(Jshell.executable(), classPath(), startup, SCRIPTS.resolve(script));
        Process jshell = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            jshell.getOutputStream().close();   // no input: a script without /exit would end at once
            boolean ended = jshell.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(ended, script + " still running after " + WAIT_SECONDS + " s:\n" + read(log));
            assertEquals(0, jshell.exitValue(), script + " exit status:\n" + read(log));
        } finally {
            jshell.descendants().forEach(ProcessHandle::destroyForcibly);
            jshell.destroyForcibly();
        }
        String output = read(log);
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String l : lines) {
            if (TROUBLE.matcher(l).find()) {
                fail(script + " printed an error: " + l + "\n" + output);
            }
        }
        assertTrue(!lines.isEmpty(), script + " printed nothing");
        return lines;
    }

    /** The test JVM's class path without what only tests use: the launcher's class path under exec:exec. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> TEST_ONLY.stream().noneMatch(entry.replace('\\', '/')::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String read(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }

    // ---- checking lines

    /** An expected line: a literal (compared stripped) or a pattern. */
    private record Line(Pattern pattern, String shown) {
    }

    private static Line line(String literal) {
        return new Line(Pattern.compile(Pattern.quote(literal.strip())), literal);
    }

    private static Line matching(String regex) {
        return new Line(Pattern.compile(regex), "/" + regex + "/");
    }

    /** Each expected line appears after the one before it (other lines may come between). */
    private static void assertInOrder(List<String> lines, List<Line> expected) {
        int at = 0;
        for (Line want : expected) {
            while (at < lines.size() && !want.pattern().matcher(lines.get(at)).matches()) {
                at++;
            }
            if (at == lines.size()) {
                fail("missing, or out of order: " + want.shown() + "\nin:\n" + String.join("\n", lines));
            }
            at++;
        }
    }

    /** Where the server's and the client's lines are: the same elements, added and taken. */
    private record Handovers(List<Integer> added, List<Integer> taken) {
    }

    private static Handovers handovers(List<String> lines, int count, String addedRegex, String takenRegex) {
        List<Integer> added = indexes(lines, addedRegex);
        List<Integer> taken = indexes(lines, takenRegex);
        assertEquals(count, added.size(), "elements added: " + lines);
        assertEquals(numbers(lines, added), numbers(lines, taken), "taken as added: " + lines);
        return new Handovers(added, taken);
    }

    /** The indexes of the lines matching {@code regex}, whose group 1 is a number. */
    private static List<Integer> indexes(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        return IntStream.range(0, lines.size()).filter(i -> p.matcher(lines.get(i)).matches()).boxed().toList();
    }

    private static List<String> numbers(List<String> lines, List<Integer> indexes) {
        Pattern number = Pattern.compile("(\\d+)");
        return indexes.stream().map(i -> {
            Matcher m = number.matcher(lines.get(i));
            assertTrue(m.find(), lines.get(i));
            return m.group(1);
        }).toList();
    }
}
