package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's {@code jshell} command: where jshell is found, its command line, its startup. */
class JshellTest {

    @Test
    void findsJshellNextToTheRunningJava(@TempDir Path empty) {
        Path jshell = Jshell.executable();
        assertTrue(Files.isExecutable(jshell), jshell.toString());
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        assertEquals(java.toAbsolutePath().getParent(), jshell.getParent());
        assertEquals(jshell, Jshell.executable(Optional.of(empty.resolve("java").toString()),
                Path.of(System.getProperty("java.home"))), "falls back to java.home/bin");
    }

    @Test
    void noJshellIsAClearError(@TempDir Path jre) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Jshell.executable(Optional.empty(), jre));
        assertTrue(e.getMessage().contains("jshell introuvable") && e.getMessage().contains(jre.toString()),
                e.getMessage());
    }

    @Test
    void commandPutsWeftOnTheClassPathAndTheStartupAfterJshellsDefault() {
        Path jshell = Path.of("/jdk/bin/jshell");
        Path startup = Path.of("/tmp/weft-startup.jsh");
        List<String> prompt = Jshell.command(jshell, "a.jar:b", startup, null);
        assertEquals("/jdk/bin/jshell", prompt.getFirst());
        assertEquals("a.jar:b", prompt.get(prompt.indexOf("--class-path") + 1));
        int first = prompt.indexOf("--startup");
        assertEquals(List.of("--startup", "DEFAULT", "--startup", startup.toString()),
                prompt.subList(first, first + 4));
        assertEquals(startup.toString(), prompt.getLast(), "the prompt: no script");
        List<String> script = Jshell.command(jshell, "a.jar:b", startup, Path.of("jshell/threads.jsh"));
        assertEquals(Path.of("jshell/threads.jsh").toString(), script.getLast());
        assertThrows(NullPointerException.class, () -> Jshell.command(jshell, null, startup, null));
    }

    @Test
    void startupImportsWeftsPackagesAndPrefersWeftsClashingNames(@TempDir Path dir) throws Exception {
        String startup = Files.readString(Jshell.writeStartup(dir), StandardCharsets.UTF_8);
        for (String module : List.of("core", "sync", "async", "parallel", "decorators")) {
            assertTrue(startup.contains("import dev.weft." + module + ".*;"), module);
        }
        for (String name : List.of("Semaphore", "Timer", "Lock", "Condition")) {
            assertTrue(startup.contains("import dev.weft.sync." + name + ";"), name);
        }
        assertTrue(startup.contains("import java.time.Duration;"));
    }

    @Test
    void aMissingScriptIsABadCommandLine(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path missing = dir.resolve("absent.jsh");
        int status = Samples.run(List.of(), new String[] {"jshell", missing.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("absent.jsh"), err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
