package dev.weft.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The launcher's {@code jshell} command: opens the JDK's Java prompt with weft on its class path
 * and the notebooks' imports already typed, or runs a {@code .jsh} script there.
 *
 * <pre>{@code
 * Samples jshell                               # the prompt; /exit leaves it
 * Samples jshell samples/jshell/threads.jsh    # one notebook section, cell by cell
 * }</pre>
 *
 * <p>The notebooks were read at a Python prompt, a cell at a time; jshell is Java's prompt. The
 * class path is the launcher's own ({@code java.class.path}: every weft module and its
 * dependencies), and the startup script ({@value #STARTUP_RESOURCE}, next to this class) runs
 * jshell's {@code DEFAULT} imports and then weft's packages. jshell comes from the JDK that runs
 * the launcher, and inherits its terminal.
 */
public final class Jshell {
    /** The startup script, a resource next to this class. */
    static final String STARTUP_RESOURCE = "jshell/startup.jsh";

    private Jshell() {
    }

    /**
     * Runs jshell in the terminal of this JVM and waits until it ends.
     *
     * @param script a script to run (ending with {@code /exit}), or null for the prompt
     * @param out where the greeting goes (before the prompt only)
     * @return jshell's exit status
     * @throws IOException if jshell cannot be started
     * @throws InterruptedException if interrupted while jshell runs; jshell is then stopped
     */
    public static int run(Path script, PrintStream out) throws IOException, InterruptedException {
        Path startup = writeStartup(Files.createTempDirectory("weft-jshell"));
        try {
            List<String> command = command(executable(), System.getProperty("java.class.path"), startup, script);
            if (script == null) {
                out.println("jshell avec weft: dev.weft.core, sync, async, parallel et decorators sont importés;"
                        + " /exit pour sortir.");
                out.flush();
            }
            Process jshell = new ProcessBuilder(command).inheritIO().start();
            Thread stopper = new Thread(() -> stop(jshell), "weft-jshell-stopper");
            Runtime.getRuntime().addShutdownHook(stopper);   // a killed launcher leaves no jshell behind
            try {
                return jshell.waitFor();
            } finally {
                stop(jshell);
                removeHook(stopper);
            }
        } finally {
            Files.deleteIfExists(startup);
            Files.deleteIfExists(startup.getParent());
        }
    }

    /**
     * The jshell command line.
     *
     * @param jshell the jshell executable
     * @param classPath the class path of the prompt (and of the JVM that runs its snippets)
     * @param startup the startup script, run after jshell's {@code DEFAULT} imports
     * @param script a script to run, or null for the prompt
     * @return the command and its arguments
     */
    static List<String> command(Path jshell, String classPath, Path startup, Path script) {
        List<String> command = new ArrayList<>(List.of(jshell.toString(),
                // jshell's own JVM compiles each snippet: C1 alone and the serial GC start it in
                // half the time on a busy machine; the JVM that runs the snippets keeps its defaults.
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "--class-path", Objects.requireNonNull(classPath, "classPath"),
                "--startup", "DEFAULT", "--startup", startup.toString()));
        if (script != null) {
            command.add(script.toString());
        }
        return command;
    }

    /**
     * Finds jshell next to the {@code java} that runs this JVM, else in {@code java.home}.
     *
     * @return the jshell executable
     * @throws IllegalStateException if the runtime has no jshell (a JRE, or a jlinked image)
     */
    static Path executable() {
        return executable(ProcessHandle.current().info().command(), Path.of(System.getProperty("java.home")));
    }

    /**
     * Finds jshell next to {@code javaCommand}, else in {@code javaHome/bin}.
     *
     * @param javaCommand the running {@code java}, when the platform tells it
     * @param javaHome the runtime's home
     * @return the jshell executable
     * @throws IllegalStateException if neither directory has one
     */
    static Path executable(Optional<String> javaCommand, Path javaHome) {
        List<Path> dirs = new ArrayList<>();
        javaCommand.map(c -> Path.of(c).toAbsolutePath().getParent()).ifPresent(dirs::add);
        dirs.add(javaHome.resolve("bin"));
        for (Path dir : dirs) {
            for (String name : List.of("jshell", "jshell.exe")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("jshell introuvable dans " + dirs
                + ": lancez Samples avec un JDK 21+ complet (JAVA_HOME), pas un JRE");
    }

    /**
     * Writes the startup script into {@code dir}.
     *
     * @param dir an existing directory
     * @return the file written
     * @throws IOException if it cannot be written
     */
    static Path writeStartup(Path dir) throws IOException {
        Path file = dir.resolve("weft-startup.jsh");
        try (InputStream in = Jshell.class.getResourceAsStream(STARTUP_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ressource manquante: " + STARTUP_RESOURCE);
            }
            Files.copy(in, file);
        }
        return file;
    }

    /** Stops jshell and the JVM it runs snippets in. */
    private static void stop(Process jshell) {
        jshell.descendants().forEach(ProcessHandle::destroyForcibly);
        jshell.destroyForcibly();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs, and stopping twice does no harm
        }
    }
}
