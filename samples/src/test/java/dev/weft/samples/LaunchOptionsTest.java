package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsLists() {
        LaunchOptions options = LaunchOptions.parse();
        assertEquals(LaunchOptions.Command.LIST, options.command());
        assertEquals(1.0, options.scale());
        assertNull(options.timelineDir());
        assertFalse(options.online());
    }

    @Test
    void runWithEveryOption() {
        LaunchOptions options = LaunchOptions.parse("--scale", "0.5", "run", "a.b", "c",
                "--timeline", "out", "--online", "--ask", "--seed", "3");
        assertEquals(LaunchOptions.Command.RUN, options.command());
        assertEquals(List.of("a.b", "c"), options.ids());
        assertEquals(0.5, options.scale());
        assertEquals(Path.of("out"), options.timelineDir());
        assertTrue(options.online());
        assertTrue(options.ask());
        assertEquals(3L, options.seed());
    }

    @Test
    void badCommandLinesNameTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("run"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("jump"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("list", "x"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--scale"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--scale", "0"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--scale", "-1"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--scale", "x"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--seed", "1.5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("--fast"));
        assertTrue(e.getMessage().contains("--fast"));
    }

    @Test
    void jshellOpensThePromptOrRunsOneScript() {
        LaunchOptions prompt = LaunchOptions.parse("jshell");
        assertEquals(LaunchOptions.Command.JSHELL, prompt.command());
        assertNull(prompt.script());
        LaunchOptions script = LaunchOptions.parse("jshell", "jshell/threads.jsh");
        assertEquals(LaunchOptions.Command.JSHELL, script.command());
        assertEquals(Path.of("jshell/threads.jsh"), script.script());
        assertTrue(script.ids().isEmpty());
    }

    @Test
    void jshellTakesOneScriptAndNoOptionOfRun() {
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("jshell", "a.jsh", "b.jsh"));
        assertTrue(extra.getMessage().contains("b.jsh"), extra.getMessage());
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("jshell", "--scale", "0.1"));
        assertTrue(scale.getMessage().contains("--scale"), scale.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--online", "jshell"));
        assertNull(LaunchOptions.parse("run", "a.b").script());
    }

    @Test
    void helpIsACommand() {
        assertEquals(LaunchOptions.Command.HELP, LaunchOptions.parse("--help").command());
    }
}
