package dev.weft.parallel.internal;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How this JVM was launched, and the one command line of every child JVM weft starts (pool
 * workers, {@code JvmProcess}es, and through them cluster members): the same {@code java}, class
 * path, module path and root modules, the module flags user code may depend on, then the main
 * class, from its module when weft runs as a named module.
 *
 * <pre>{@code
 * List<String> command = LaunchLayout.current().command(flags, jvmArgs, WorkerMain.class, List.of());
 * }</pre>
 *
 * <p>Of the parent's own JVM arguments only {@link #PASSED_ON} travel (both the
 * {@code --flag value} and {@code --flag=value} forms): no debug agent, heap size or
 * {@code -XX} option, which are the pool's {@code jvmArgs} to choose.
 *
 * @param javaExecutable the {@code java} to run
 * @param classPath the class path ({@code java.class.path}), empty for none
 * @param modulePath the module path ({@code jdk.module.path}), empty for none
 * @param upgradeModulePath the upgrade module path ({@code jdk.module.upgrade.path}), empty for none
 * @param mainModule the module of the main class ({@code jdk.module.main}), empty when none
 * @param inputArguments the JVM's options, as {@link LauncherOptions} or the {@code RuntimeMXBean} give them
 */
public record LaunchLayout(String javaExecutable, String classPath, String modulePath, String upgradeModulePath,
        String mainModule, List<String> inputArguments) {

    /** The JVM flags of the parent that its children get too: those that change what code may do. */
    public static final Set<String> PASSED_ON = Set.of("--add-opens", "--add-exports", "--add-reads", "--add-modules",
            "--patch-module", "--limit-modules", "--enable-preview", "--enable-native-access",
            "--illegal-native-access", "--sun-misc-unsafe-memory-access");

    /** The flags of {@link #PASSED_ON} that take no value. */
    private static final Set<String> NO_VALUE = Set.of("--enable-preview");

    private static final String BOOT_LOADER_PREFIX = "org.springframework.boot.loader.";

    /** Copies the arguments; null strings become empty. */
    public LaunchLayout {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        classPath = Objects.requireNonNullElse(classPath, "");
        modulePath = Objects.requireNonNullElse(modulePath, "");
        upgradeModulePath = Objects.requireNonNullElse(upgradeModulePath, "");
        mainModule = Objects.requireNonNullElse(mainModule, "");
        inputArguments = List.copyOf(inputArguments);
    }

    /** {@return how this JVM was launched} */
    public static LaunchLayout current() {
        return Current.LAYOUT;
    }

    /**
     * Read once: none of it changes while a JVM runs. The JVM options come from the process's
     * command line when it was started by {@code java}; else (an embedding native launcher, a
     * platform that does not give a process's arguments) from the {@code RuntimeMXBean}. On Linux
     * the command line is read where {@code ProcessHandle.Info} reads it, {@code /proc/self/exe}
     * and {@code /proc/self/cmdline}, without {@code ProcessHandle}, whose first use costs a cold
     * JVM about 10 ms (the first spawn pays it instead).
     */
    private static final class Current {
        private static final Launcher LAUNCHER = Launcher.ofThisProcess();
        static final LaunchLayout LAYOUT = new LaunchLayout(javaOfThisJvm(), System.getProperty("java.class.path"),
                System.getProperty("jdk.module.path"), System.getProperty("jdk.module.upgrade.path"),
                System.getProperty("jdk.module.main"), jvmOptions());

        private static String javaOfThisJvm() {
            return LAUNCHER.startedByJava() ? LAUNCHER.command()
                    : Path.of(System.getProperty("java.home"), "bin", "java").toString()
                            + (File.separatorChar == '\\' ? ".exe" : "");
        }

        private static List<String> jvmOptions() {
            return LAUNCHER.startedByJava() && LAUNCHER.arguments() != null
                    ? LauncherOptions.of(LAUNCHER.arguments())
                    : ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
    }

    /**
     * The executable and arguments of a process's command line, as {@code ProcessHandle.Info}
     * gives them.
     *
     * @param command the executable, or null if unknown
     * @param arguments its arguments (without the executable), or null if unknown
     */
    record Launcher(String command, List<String> arguments) {
        private static final File PROC_EXE = new File("/proc/self/exe");
        private static final File PROC_CMDLINE = new File("/proc/self/cmdline");

        /** Copies the arguments. */
        Launcher {
            arguments = arguments == null ? null : List.copyOf(arguments);
        }

        /** {@return whether the executable is a {@code java} launcher} */
        boolean startedByJava() {
            return command != null && isJavaLauncher(command);
        }

        /** {@return this process's command line: from {@code /proc/self} where it is there, else {@code ProcessHandle}} */
        static Launcher ofThisProcess() {
            Launcher fromProc = fromProc(PROC_EXE, PROC_CMDLINE);
            if (fromProc != null) {
                return fromProc;
            }
            ProcessHandle.Info info = ProcessHandle.current().info();
            return new Launcher(info.command().orElse(null), info.arguments().map(List::of).orElse(null));
        }

        /**
         * {@return the command line of Linux's {@code /proc/<pid>/exe} link and NUL-separated
         * {@code cmdline}, as {@code ProcessHandle.Info} reads them, or null if they cannot be read}
         */
        static Launcher fromProc(File exe, File cmdline) {
            if (!exe.exists() || !cmdline.exists()) {
                return null; // not Linux, or /proc not mounted: ProcessHandle reads it
            }
            // java.io, not java.nio.file: its classes are those a cold JVM has already loaded
            try (FileInputStream in = new FileInputStream(cmdline)) {
                String command = exe.getCanonicalPath();
                byte[] bytes = in.readAllBytes();
                Charset encoding = platformEncoding();
                List<String> words = new ArrayList<>();
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == 0) {
                        words.add(new String(bytes, start, i - start, encoding));
                        start = i + 1;
                    }
                }
                if (start < bytes.length) {
                    words.add(new String(bytes, start, bytes.length - start, encoding));
                }
                return words.isEmpty() ? new Launcher(command, null) : new Launcher(command, words.subList(1, words.size()));
            } catch (IOException | RuntimeException unreadable) {
                return null; // ProcessHandle reads it
            }
        }

        /** {@return the encoding the JDK decodes a command line with ({@code sun.jnu.encoding})} */
        private static Charset platformEncoding() {
            try {
                return Charset.forName(System.getProperty("sun.jnu.encoding"), Charset.defaultCharset());
            } catch (RuntimeException unknown) {
                return Charset.defaultCharset();
            }
        }
    }

    /** {@return true if {@code executable} is a {@code java} launcher} */
    static boolean isJavaLauncher(String executable) {
        String name = Path.of(executable).getFileName().toString();
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    /**
     * {@return the command line of a child whose main class is {@code mainClass}}: {@code java},
     * {@code leadingFlags}, the parent's {@link #passedOnFlags()}, {@code jvmArgs}, the paths and root
     * modules, then {@code -m module/class} when {@code mainClass} is in a named module (else the
     * class name), then {@code mainArgs}.
     *
     * @param leadingFlags flags weft needs, first
     * @param jvmArgs the user's JVM arguments
     * @param mainClass the child's main class
     * @param mainArgs its arguments
     * @throws IllegalStateException if this layout cannot start a child ({@link #unsupportedReason()})
     */
    public List<String> command(List<String> leadingFlags, List<String> jvmArgs, Class<?> mainClass,
            List<String> mainArgs) {
        Module module = mainClass.getModule();
        return command(leadingFlags, jvmArgs, module.isNamed() ? module.getName() : null, mainClass.getName(), mainArgs);
    }

    /**
     * The command line of a child whose main class is {@code mainClass} in module {@code module}.
     *
     * @param module the main class's module, or null when it is on the class path
     * @see #command(List, List, Class, List)
     * @return the command
     */
    public List<String> command(List<String> leadingFlags, List<String> jvmArgs, String module, String mainClass,
            List<String> mainArgs) {
        requireSupported();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(leadingFlags);
        command.addAll(passedOnFlags());
        command.addAll(jvmArgs);
        if (!upgradeModulePath.isEmpty()) {
            command.add("--upgrade-module-path");
            command.add(upgradeModulePath);
        }
        if (!modulePath.isEmpty()) {
            command.add("--module-path");
            command.add(modulePath);
        }
        if (!mainModule.isEmpty() && !mainModule.equals(module)) {
            command.add("--add-modules"); // the application's module, whose classes the tasks use
            command.add(mainModule);
        }
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath);
        }
        if (module != null) {
            command.add("-m");
            command.add(module + "/" + mainClass);
        } else {
            command.add(mainClass);
        }
        command.addAll(mainArgs);
        return command;
    }

    /** {@return the parent's {@link #PASSED_ON} flags, each as one {@code --flag=value} argument} */
    public List<String> passedOnFlags() {
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < inputArguments.size(); i++) {
            String argument = inputArguments.get(i);
            int equals = argument.indexOf('=');
            String flag = equals < 0 ? argument : argument.substring(0, equals);
            if (!PASSED_ON.contains(flag)) {
                continue;
            }
            if (equals >= 0 || NO_VALUE.contains(flag)) {
                flags.add(argument);
            } else if (i + 1 < inputArguments.size()) {
                flags.add(flag + "=" + inputArguments.get(++i));
            }
        }
        return flags;
    }

    /**
     * Fails if this layout cannot start a child.
     *
     * @throws IllegalStateException saying why, and what to do instead
     */
    public void requireSupported() {
        Optional<String> why = unsupportedReason(); // no lambda: this runs at a JVM's first pool
        if (why.isPresent()) {
            throw new IllegalStateException(why.orElseThrow());
        }
    }

    /**
     * {@return why a child cannot be started from this layout, if it cannot}: weft itself loaded
     * by a class loader of its own (a child would not find it), or a Spring Boot executable jar,
     * whose classes are nested jars that only Spring Boot's launcher reads.
     */
    public Optional<String> unsupportedReason() {
        if (!ShippedClasses.loadableByName(WorkerMain.class)) {
            return Optional.of("child JVMs cannot start: weft was loaded by " + WorkerMain.class.getClassLoader()
                    + ", not from this JVM's class path or module path, so a child would not find it. Put weft on the"
                    + " class path or module path of the JVM (in jshell: --class-path, with its default remote"
                    + " execution), or use Pool.threads");
        }
        return bootJarReason();
    }

    private Optional<String> bootJarReason() {
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath);
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        String launcher;
        boolean bootLayout;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            launcher = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            bootLayout = file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null
                    || file.getEntry("BOOT-INF/lib/") != null;
        } catch (IOException unreadable) {
            return Optional.empty(); // the child's own start reports a broken class path
        }
        boolean bootLauncher = launcher != null && launcher.startsWith(BOOT_LOADER_PREFIX);
        if (!bootLauncher && !bootLayout) {
            return Optional.empty();
        }
        return Optional.of("child JVMs cannot start from the Spring Boot executable jar " + jar
                + (bootLauncher ? " (Main-Class " + launcher + ")" : " (it has BOOT-INF/)")
                + ": its classes are nested jars under BOOT-INF/ that only Spring Boot's launcher can read, so a child"
                + " given this jar as its class path would find neither weft nor the application. Run the application"
                + " from its extracted layout instead (java -Djarmode=tools -jar app.jar extract, then java -jar"
                + " app/app.jar), or use Pool.threads");
    }
}
