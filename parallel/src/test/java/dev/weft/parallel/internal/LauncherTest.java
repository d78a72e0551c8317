package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LaunchLayout.Launcher}: this process's command line read from Linux's {@code /proc/self}
 * as {@code ProcessHandle.Info} reads it, and the fallback when it is not there.
 */
class LauncherTest {

    @Test
    void theCommandLineIsTheNulSeparatedWordsAfterTheExecutable(@TempDir Path dir) throws IOException {
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "");
        Path exe = Files.createSymbolicLink(dir.resolve("exe"), java);
        Path cmdline = Files.write(dir.resolve("cmdline"),
                "java\0--add-opens\0java.base/java.lang=ALL-UNNAMED\0-cp\0a b.jar\0demo.Main\0".getBytes(StandardCharsets.UTF_8));
        LaunchLayout.Launcher launcher = LaunchLayout.Launcher.fromProc(exe.toFile(), cmdline.toFile());
        assertNotNull(launcher);
        assertEquals(java.toRealPath().toString(), launcher.command(), "the link, resolved");
        assertEquals(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", "a b.jar", "demo.Main"),
                launcher.arguments());
        assertTrue(launcher.startedByJava());
    }

    @Test
    void aLastWordWithoutItsNulAndAnEmptyWordAreKept(@TempDir Path dir) throws IOException {
        Path exe = Files.writeString(dir.resolve("launcher"), "");
        Path cmdline = Files.write(dir.resolve("cmdline"), "launcher\0\0x".getBytes(StandardCharsets.UTF_8));
        LaunchLayout.Launcher launcher = LaunchLayout.Launcher.fromProc(exe.toFile(), cmdline.toFile());
        assertNotNull(launcher);
        assertEquals(List.of("", "x"), launcher.arguments());
        assertEquals(false, launcher.startedByJava(), "not a java launcher");
    }

    @Test
    void anEmptyCommandLineHasNoArguments(@TempDir Path dir) throws IOException {
        Path exe = Files.writeString(dir.resolve("java"), "");
        Path cmdline = Files.write(dir.resolve("cmdline"), new byte[0]);
        LaunchLayout.Launcher launcher = LaunchLayout.Launcher.fromProc(exe.toFile(), cmdline.toFile());
        assertNotNull(launcher);
        assertNull(launcher.arguments(), "unknown: the RuntimeMXBean is asked");
    }

    @Test
    void withoutProcTheCommandLineIsUnknownHere(@TempDir Path dir) throws IOException {
        Path cmdline = Files.write(dir.resolve("cmdline"), "java\0".getBytes(StandardCharsets.UTF_8));
        assertNull(LaunchLayout.Launcher.fromProc(dir.resolve("no-exe").toFile(), cmdline.toFile()));
        assertNull(LaunchLayout.Launcher.fromProc(cmdline.toFile(), dir.resolve("no-cmdline").toFile()));
    }

    @Test
    void onLinuxItIsWhatProcessHandleSays() {
        assumeTrue(Files.exists(Path.of("/proc/self/cmdline")), "Linux only");
        LaunchLayout.Launcher launcher = LaunchLayout.Launcher.ofThisProcess();
        ProcessHandle.Info info = ProcessHandle.current().info();
        assertEquals(info.command().orElse(null), launcher.command());
        assertEquals(info.arguments().map(List::of).orElse(null), launcher.arguments());
    }

    @Test
    void theArgumentsAreCopied() {
        java.util.ArrayList<String> words = new java.util.ArrayList<>(List.of("-cp", "x"));
        LaunchLayout.Launcher launcher = new LaunchLayout.Launcher("/jdk/bin/java", words);
        words.clear();
        assertEquals(List.of("-cp", "x"), launcher.arguments());
        assertNull(new LaunchLayout.Launcher(null, null).arguments());
        assertEquals(false, new LaunchLayout.Launcher(null, null).startedByJava());
    }
}
