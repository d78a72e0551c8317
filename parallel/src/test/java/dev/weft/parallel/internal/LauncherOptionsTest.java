package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LauncherOptions}: the JVM options of synthetic {@code java} command lines. */
class LauncherOptionsTest {

    @Test
    void theOptionsEndAtTheMainClassWithTheirValues() {
        assertEquals(List.of("-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", "a.jar", "-Dx=1"),
                LauncherOptions.of(List.of("-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", "a.jar",
                        "-Dx=1", "demo.Main", "--add-opens", "not/a=jvm-option")));
    }

    @Test
    void theOptionsEndAtAJarOrAModule() {
        assertEquals(List.of("--enable-preview"), LauncherOptions.of(List.of("--enable-preview", "-jar", "app.jar", "-x")));
        assertEquals(List.of("-p", "mods"), LauncherOptions.of(List.of("-p", "mods", "-m", "app/demo.Main", "-y")));
        assertEquals(List.of("-p", "mods"), LauncherOptions.of(List.of("-p", "mods", "--module=app", "-y")));
        assertEquals(List.of("--module-path", "mods"), LauncherOptions.of(List.of("--module-path", "mods", "--module", "app")));
    }

    @Test
    void aValueThatLooksLikeAClassNameIsNotTheMain() {
        assertEquals(List.of("--add-modules", "java.sql", "-Xss1m"),
                LauncherOptions.of(List.of("--add-modules", "java.sql", "-Xss1m", "Main")));
        assertEquals(List.of("--add-modules"), LauncherOptions.of(List.of("--add-modules")), "a value missing at the end");
        assertEquals(List.of(), LauncherOptions.of(List.of()));
    }

    @Test
    void argFilesAreExpandedOnceAndEscapedAtSignsKept(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("opts"), """
                # module flags
                --add-opens java.base/java.util=ALL-UNNAMED
                "-Dspaced=a b" @nested
                """);
        assertEquals(List.of("--add-opens", "java.base/java.util=ALL-UNNAMED", "-Dspaced=a b", "@nested"),
                LauncherOptions.argFile(file));
        List<String> options = LauncherOptions.of(List.of("-Xmx1g", "@" + file, "Main"));
        assertEquals(List.of("-Xmx1g", "--add-opens", "java.base/java.util=ALL-UNNAMED", "-Dspaced=a b"), options,
                "the @nested inside stops the options: the launcher does not expand files in files");
        assertEquals(List.of(), LauncherOptions.of(List.of("@@notAFile", "-x")), "@@ escapes: a main class named @...");
        assertEquals(List.of("--disable-@files"), LauncherOptions.of(List.of("--disable-@files", "@" + file)));
    }

    @Test
    void anUnreadableArgFileGivesNothing(@TempDir Path dir) {
        assertEquals(List.of(), LauncherOptions.argFile(dir.resolve("missing")));
        assertEquals(List.of("-Xmx1g"), LauncherOptions.of(List.of("@" + dir.resolve("missing"), "-Xmx1g", "Main")));
    }

    @Test
    void javaLaunchersAreRecognisedByName() {
        assertTrue(LaunchLayout.isJavaLauncher("/usr/lib/jvm/jdk/bin/java"));
        assertTrue(LaunchLayout.isJavaLauncher("/c/jdk/bin/java.exe"));
        assertFalse(LaunchLayout.isJavaLauncher("/opt/app/bin/App"), "a jpackage launcher");
    }
}
