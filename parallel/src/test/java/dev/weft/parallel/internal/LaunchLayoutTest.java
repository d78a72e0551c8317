package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.launch.TestApps;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LaunchLayout} on synthetic launches: class path, jar, module path, flags, Spring Boot jars. */
class LaunchLayoutTest {
    private static final List<String> LEADING = List.of("-Xlog:disable");
    private static final List<String> USER = List.of("-Xmx64m");
    private static final String MAIN = "dev.weft.parallel.internal.WorkerMain";

    private static LaunchLayout layout(String classPath, String modulePath, String mainModule, List<String> args) {
        return new LaunchLayout("/jdk/bin/java", classPath, modulePath, null, mainModule, args);
    }

    @Test
    void onTheClassPathTheChildGetsTheClassPathAndTheMainClassByName() {
        List<String> command = layout("a.jar:b/classes", null, null, List.of())
                .command(LEADING, USER, null, MAIN, List.of("--once"));
        assertEquals(List.of("/jdk/bin/java", "-Xlog:disable", "-Xmx64m", "-cp", "a.jar:b/classes", MAIN, "--once"), command);
    }

    @Test
    void aJarRunWithDashJarIsTheChildsClassPath() {
        List<String> command = layout("app.jar", null, null, List.of()).command(LEADING, USER, null, MAIN, List.of());
        assertEquals(List.of("/jdk/bin/java", "-Xlog:disable", "-Xmx64m", "-cp", "app.jar", MAIN), command);
    }

    @Test
    void onTheModulePathTheChildRunsTheMainFromItsModuleWithTheAppsModuleAdded() {
        List<String> command = layout("", "mods:lib", "app", List.of("--module-path=mods:lib", "-Djdk.module.main=app"))
                .command(LEADING, USER, "dev.weft.parallel", MAIN, List.of());
        assertEquals(List.of("/jdk/bin/java", "-Xlog:disable", "-Xmx64m", "--module-path", "mods:lib",
                "--add-modules", "app", "-m", "dev.weft.parallel/" + MAIN), command);
    }

    @Test
    void aModulePathAndAClassPathTogetherBothReachTheChild() {
        List<String> command = layout("extra.jar", "mods", null, List.of("--add-modules=dev.weft.parallel"))
                .command(List.of(), List.of(), "dev.weft.parallel", MAIN, List.of());
        assertEquals(List.of("/jdk/bin/java", "--add-modules=dev.weft.parallel", "--module-path", "mods", "-cp",
                "extra.jar", "-m", "dev.weft.parallel/" + MAIN), command);
    }

    @Test
    void weftsOwnModuleAsTheMainModuleIsNotAddedTwice() {
        List<String> command = layout("", "mods", "dev.weft.parallel", List.of())
                .command(List.of(), List.of(), "dev.weft.parallel", MAIN, List.of());
        assertEquals(List.of("/jdk/bin/java", "--module-path", "mods", "-m", "dev.weft.parallel/" + MAIN), command);
    }

    @Test
    void theUpgradeModulePathIsPassedOn() {
        LaunchLayout layout = new LaunchLayout("java", "", "mods", "upgrades", "app", List.of());
        assertEquals(List.of("java", "--upgrade-module-path", "upgrades", "--module-path", "mods", "--add-modules", "app",
                "-m", "m/" + MAIN), layout.command(List.of(), List.of(), "m", MAIN, List.of()));
    }

    @Test
    void moduleFlagsArePassedOnInBothFormsAndNothingElse() {
        LaunchLayout layout = layout("cp", null, null, List.of(
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=app",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-reads", "app=ALL-UNNAMED",
                "--add-modules=java.sql", "--enable-preview", "--enable-native-access=ALL-UNNAMED",
                "-agentlib:jdwp=transport=dt_socket,address=5005", "-javaagent:agent.jar", "-XX:+PauseAtStartup",
                "-Xmx2g", "-Dsecret=1", "--module-path=mods", "-Djdk.module.main=app"));
        assertEquals(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=app",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-reads=app=ALL-UNNAMED", "--add-modules=java.sql",
                "--enable-preview", "--enable-native-access=ALL-UNNAMED"), layout.passedOnFlags());
        List<String> command = layout.command(LEADING, USER, null, MAIN, List.of());
        assertEquals(LEADING.get(0), command.get(1), "weft's flags come first");
        assertEquals(layout.passedOnFlags(), command.subList(2, 9), "then the parent's");
        assertEquals("-Xmx64m", command.get(9), "then the user's, which may override them");
    }

    @Test
    void aFlagMissingItsValueAtTheEndIsDropped() {
        assertEquals(List.of(), layout("cp", null, null, List.of("--add-opens")).passedOnFlags());
    }

    @Test
    void nullPathsAreEmptyAndAnEmptyClassPathIsNotGiven() {
        LaunchLayout layout = layout(null, null, null, List.of());
        assertEquals("", layout.classPath());
        assertEquals(List.of("/jdk/bin/java", MAIN), layout.command(List.of(), List.of(), null, MAIN, List.of()));
        assertThrows(NullPointerException.class, () -> new LaunchLayout(null, "", "", "", "", List.of()));
    }

    @Test
    void theCurrentLayoutIsThisJvmsAndStartsWorkerMainFromTheClassPathHere() {
        LaunchLayout current = LaunchLayout.current();
        assertEquals(System.getProperty("java.class.path"), current.classPath());
        List<String> command = current.command(List.of(), List.of(), WorkerMain.class, List.of());
        assertEquals(WorkerMain.class.getName(), command.get(command.size() - 1), "tests run on the class path");
        assertTrue(current.unsupportedReason().isEmpty(), "the test JVM can start children");
    }

    @Test
    void aSpringBootLauncherJarIsRefusedWithWhyAndWhatToDo(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("boot.jar"), "org.springframework.boot.loader.launch.JarLauncher", "BOOT-INF/lib/");
        LaunchLayout layout = layout(jar.toString(), null, null, List.of());
        String why = layout.unsupportedReason().orElseThrow();
        assertTrue(why.contains("Spring Boot") && why.contains("JarLauncher") && why.contains("Pool.threads")
                && why.contains("extract"), why);
        IllegalStateException refused = assertThrows(IllegalStateException.class, layout::requireSupported);
        assertEquals(why, refused.getMessage());
        assertThrows(IllegalStateException.class, () -> layout.command(List.of(), List.of(), null, MAIN, List.of()));
    }

    @Test
    void aJarWithBootInfIsRefusedWhateverItsMainClass(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("app.jar"), "demo.Main", "BOOT-INF/classes/");
        assertTrue(layout(jar.toString(), null, null, List.of()).unsupportedReason().orElseThrow().contains("BOOT-INF"));
    }

    @Test
    void anOrdinaryJarAMissingJarAndAPathOfSeveralAreSupported(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("app.jar"), "demo.Main", "demo/");
        assertTrue(layout(jar.toString(), null, null, List.of()).unsupportedReason().isEmpty());
        assertTrue(layout(dir.resolve("missing.jar").toString(), null, null, List.of()).unsupportedReason().isEmpty());
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertTrue(layout(notAJar.toString(), null, null, List.of()).unsupportedReason().isEmpty(),
                "the child's own start reports a broken jar");
        Path boot = jar(dir.resolve("boot.jar"), "org.springframework.boot.loader.launch.JarLauncher", "BOOT-INF/");
        assertTrue(layout(boot + java.io.File.pathSeparator + jar, null, null, List.of()).unsupportedReason().isEmpty(),
                "a Boot jar among others is an ordinary class path entry");
    }

    @Test
    void weftLoadedByALoaderOfItsOwnIsRefusedWithWhy() throws Exception {
        URL[] weft = TestApps.weftPath().stream().map(LaunchLayoutTest::url).toArray(URL[]::new);
        try (URLClassLoader isolated = new URLClassLoader(weft, ClassLoader.getPlatformClassLoader())) {
            Class<?> layout = isolated.loadClass(LaunchLayout.class.getName());
            Object current = layout.getMethod("current").invoke(null);
            Optional<?> why = (Optional<?>) layout.getMethod("unsupportedReason").invoke(current);
            String message = String.valueOf(why.orElseThrow());
            assertTrue(message.contains("weft was loaded by") && message.contains("Pool.threads"), message);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path jar(Path path, String mainClass, String directory) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(directory));
            out.closeEntry();
        }
        return path;
    }
}
