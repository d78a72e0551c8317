package dev.weft.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.core.TaskScope;
import dev.weft.parallel.Pool;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Small applications built and started as a user would: sources compiled with the JDK's compiler
 * against weft's built classes, packed into jars, and run with this JVM's {@code java} (or
 * {@code jshell}), their output read back.
 */
public final class TestApps {
    /** Far above what a start needs on a loaded 2-core machine; must not fire. */
    public static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    private TestApps() {
    }

    /** What a finished program printed. */
    public record Run(int exitCode, String stdout, String stderr) {
        /**
         * {@return what a line printed after {@code prefix}} (after jshell's prompts, if any),
         * failing with the whole output if no line has it
         */
        public String line(String prefix) {
            return stdout.lines().filter(l -> l.contains(prefix)).map(l -> l.substring(l.indexOf(prefix) + prefix.length()))
                    .findFirst().orElseGet(() -> fail("no line with '" + prefix + "' in: " + this));
        }
    }

    /**
     * {@return weft's parallel module and what it needs (core, SLF4J), where this test found
     * them: directories of classes or jars, usable as class path or module path}
     */
    public static List<Path> weftPath() {
        return Stream.of(Pool.class, TaskScope.class, org.slf4j.Logger.class)
                .map(TestApps::locationOf).distinct().toList();
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return {@code paths} joined as a class path or module path} */
    public static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /**
     * Writes {@code sources} (path → text) under {@code dir/src} and compiles them into {@code dir/classes}.
     *
     * @param options javac options, such as {@code -cp} or {@code -p}
     * @return the classes directory
     */
    public static Path compile(Path dir, Map<String, String> sources, List<String> options) throws IOException {
        Path src = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-d", classes.toString(), "-proc:none", "-Xlint:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        assertTrue(status == 0, "the test app compiles: javac " + arguments);
        return classes;
    }

    /**
     * Packs directories of classes and jars into one jar (a shaded jar), without their module
     * descriptors and manifests.
     *
     * @param manifest the jar's manifest attributes ({@code Main-Class} ...)
     * @param extraDirectories directory entries to add ({@code BOOT-INF/})
     */
    public static Path jar(Path jar, Map<String, String> manifest, List<String> extraDirectories, List<Path> contents)
            throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
        Set<String> written = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf)) {
            for (String directory : extraDirectories) {
                put(out, written, directory, null);
            }
            for (Path content : contents) {
                if (Files.isDirectory(content)) {
                    try (Stream<Path> files = Files.walk(content)) {
                        for (Path path : files.filter(Files::isRegularFile).toList()) {
                            put(out, written, content.relativize(path).toString().replace(File.separatorChar, '/'),
                                    Files.readAllBytes(path));
                        }
                    }
                } else {
                    try (JarFile in = new JarFile(content.toFile())) {
                        for (JarEntry entry : in.stream().filter(e -> !e.isDirectory()).toList()) {
                            try (InputStream bytes = in.getInputStream(entry)) {
                                put(out, written, entry.getName(), bytes.readAllBytes());
                            }
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, Set<String> written, String name, byte[] bytes) throws IOException {
        boolean descriptor = name.endsWith("module-info.class") || name.startsWith("META-INF/MANIFEST")
                || name.startsWith("META-INF/versions/") || name.endsWith(".SF") || name.endsWith(".RSA");
        if (descriptor || !written.add(name)) {
            return;
        }
        out.putNextEntry(new JarEntry(name));
        if (bytes != null) {
            out.write(bytes);
        }
        out.closeEntry();
    }

    /** {@return this JVM's {@code java}} */
    public static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** {@return the {@code jshell} beside this JVM's {@code java}} */
    public static String jshell() {
        return Path.of(java()).resolveSibling("jshell").toString();
    }

    /**
     * Runs a program to its end and reads what it printed; kills it (and fails) if it outlives
     * {@link #RUN_LIMIT}.
     *
     * @param command the command line
     * @param stdin what to write to its standard input, then close it
     */
    public static Run run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            fail("did not end within " + RUN_LIMIT + ": " + command);
        }
        try {
            return new Run(process.exitValue(), out.get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS),
                    err.get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("reading the output of " + command + " failed", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
