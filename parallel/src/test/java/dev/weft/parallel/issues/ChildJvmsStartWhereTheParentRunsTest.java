package dev.weft.parallel.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.launch.TestApps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 14): a modular application's pool died at once ("Could not find or load main
 * class dev.weft.parallel.internal.WorkerMain"), and a lambda typed into jshell failed in the child
 * ({@code ClassNotFoundException: REPL.$JShell$5}). Child JVMs now start wherever their parent
 * runs: black-box, with a small application compiled and
 * started as a user would (on the module path with {@code -m}, as a shaded jar with {@code -jar},
 * typed into {@code jshell}, from a Spring Boot-style jar), and its printed results checked. Each
 * application runs a process pool and a {@code JvmProcess}.
 */
class ChildJvmsStartWhereTheParentRunsTest {
    private static final String MAIN_SOURCE = "demo/Main.java";

    private static String resource(String name) throws IOException {
        try (InputStream in = ChildJvmsStartWhereTheParentRunsTest.class.getResourceAsStream("/launch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(TestApps.java(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(arguments));
        return command;
    }

    @Test
    void aModularAppRunsTasksInChildrenStartedFromItsModulePath(@TempDir Path dir) throws Exception {
        String weft = TestApps.join(TestApps.weftPath());
        Path app = TestApps.compile(dir, Map.of(
                "module-info.java", "module app { requires dev.weft.parallel; }",
                MAIN_SOURCE, resource("Main.java.txt")), List.of("-p", weft));

        TestApps.Run run = TestApps.run(java("--module-path", weft + java.io.File.pathSeparator + app,
                "--add-opens", "java.base/java.lang=app", "-m", "app/demo.Main"), "");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("[1, 4, 9]", run.line("RESULT "), "a method reference of a module that opens nothing");
        assertEquals("[4, 5, 6]", run.line("CAPTURING "), "a capturing lambda");
        assertEquals("[open]", run.line("OPENS "), "the parent's --add-opens (given as two arguments) reached the child");
        assertEquals("[app]", run.line("MODULE "), "the task ran in the app's named module in the child");
        assertEquals("49", run.line("PROCESS "));
    }

    @Test
    void aShadedJarRunWithDashJarIsTheChildrensClassPath(@TempDir Path dir) throws Exception {
        List<Path> weft = TestApps.weftPath();
        Path app = TestApps.compile(dir, Map.of(MAIN_SOURCE, resource("Main.java.txt")), List.of("-cp", TestApps.join(weft)));
        List<Path> contents = new ArrayList<>(weft);
        contents.add(app);
        Path jar = TestApps.jar(dir.resolve("app.jar"), Map.of("Main-Class", "demo.Main"), List.of(), contents);

        TestApps.Run run = TestApps.run(java("--add-opens=java.base/java.lang=ALL-UNNAMED", "-jar", jar.toString()), "");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("[1, 4, 9]", run.line("RESULT "));
        assertEquals("[4, 5, 6]", run.line("CAPTURING "));
        assertEquals("[open]", run.line("OPENS "), "the parent's --add-opens=... reached the child");
        assertEquals("[null]", run.line("MODULE "), "on the class path: the unnamed module");
        assertEquals("49", run.line("PROCESS "));
    }

    @Test
    void functionsTypedIntoJshellRunInChildrenWithTheirClassesAndVariables() throws Exception {
        TestApps.Run run = TestApps.run(List.of(TestApps.jshell(), "-J-Xmx256m", "-J-XX:TieredStopAtLevel=1", "-R-Xmx128m",
                "-R-XX:TieredStopAtLevel=1", "-s", "--class-path", TestApps.join(TestApps.weftPath())), resource("repl.jsh"));

        assertEquals("[11, 12, 13]", run.line("LAMBDA "), "a REPL lambda, and the REPL variable k it reads");
        assertEquals("[Point[a=2], Point[a=10]]", run.line("RECORD "), "a record declared in the REPL, as input and result");
        assertEquals("40", run.line("PROCESS "));
        assertTrue(!run.stdout().contains("ClassNotFoundException"), run.toString());
    }

    @Test
    void aSpringBootJarIsRefusedAtPoolCreationWithWhyWhileThreadsWork(@TempDir Path dir) throws Exception {
        List<Path> weft = TestApps.weftPath();
        Path launcher = TestApps.compile(dir, Map.of("org/springframework/boot/loader/launch/JarLauncher.java",
                resource("JarLauncher.java.txt")), List.of("-cp", TestApps.join(weft)));
        List<Path> contents = new ArrayList<>(weft);
        contents.add(launcher);
        Path jar = TestApps.jar(dir.resolve("boot.jar"),
                Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher", "Start-Class", "demo.Main"),
                List.of("BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/lib/"), contents);

        TestApps.Run run = TestApps.run(java("-jar", jar.toString()), "");

        assertEquals(0, run.exitCode(), run.toString());
        String pool = run.line("POOL ");
        assertTrue(pool.contains("Spring Boot executable jar") && pool.contains("BOOT-INF") && pool.contains("Pool.threads"),
                pool);
        assertEquals(pool, run.line("PROCESS "), "JvmProcess says the same");
        assertEquals("[2]", run.line("THREADS "), "Pool.threads needs nothing");
    }
}
