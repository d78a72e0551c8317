package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.launch.TestApps;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ShippedClasses} and {@link ClassReferences}, with a plugin compiled at test time and
 * loaded by a class loader of its own (a child JVM cannot load its classes by name): its bytes and
 * static state travel with its functions, to this JVM's decoder and to real children.
 */
class ShippedClassesTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final ProcessPoolOptions SMALL = ProcessPoolOptions.builder().workers(2)
            .jvmArgs(List.of("-Xmx64m", "-XX:+UseSerialGC")).build();

    @TempDir
    static Path dir;
    private static URLClassLoader plugin;
    private static URLClassLoader secretive;

    @BeforeAll
    static void compileThePlugin() throws IOException {
        String source;
        try (InputStream in = ShippedClassesTest.class.getResourceAsStream("/launch/plugin/Offset.java.txt")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path classes = TestApps.compile(dir, Map.of("plugin/Offset.java", source),
                List.of("-cp", TestApps.join(TestApps.weftPath())));
        URL[] urls = {classes.toUri().toURL()};
        plugin = new URLClassLoader(urls, ShippedClassesTest.class.getClassLoader());
        secretive = new URLClassLoader(urls, ShippedClassesTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return null; // defines classes it does not show, as a loader of generated code may
            }
        };
    }

    @AfterAll
    static void closeLoaders() throws IOException {
        plugin.close();
        secretive.close();
    }

    private static Class<?> offset(ClassLoader loader) throws ClassNotFoundException {
        return Class.forName("plugin.Offset", true, loader);
    }

    @SuppressWarnings("unchecked") // the plugin's functions
    private static <T, R> SerializableFunction<T, R> function(ClassLoader loader, String factory, Object... args)
            throws ReflectiveOperationException {
        Class<?> type = offset(loader);
        if (factory == null) {
            return (SerializableFunction<T, R>) type.getConstructor().newInstance();
        }
        Class<?>[] types = args.length == 0 ? new Class<?>[0] : new Class<?>[] {int.class};
        return (SerializableFunction<T, R>) type.getMethod(factory, types).invoke(null, args);
    }

    private static void setOffset(ClassLoader loader, int value) throws ReflectiveOperationException {
        offset(loader).getField("offset").setInt(null, value);
    }

    @Test
    void onlyClassesOfOtherLoadersAreShipped() throws ReflectiveOperationException {
        assertTrue(ShippedClasses.loadableByName(String.class));
        assertTrue(ShippedClasses.loadableByName(int.class));
        assertTrue(ShippedClasses.loadableByName(String[][].class));
        assertTrue(ShippedClasses.loadableByName(ShippedClassesTest.class), "the class path");
        assertTrue(ShippedClasses.loadableByName(Class.forName("java.sql.Connection")), "the platform loader");
        assertFalse(ShippedClasses.loadableByName(offset(plugin)));
        assertFalse(ShippedClasses.loadableByName(offset(plugin).arrayType()));
    }

    @Test
    void theClosureHoldsThePluginsClassesItRefersToAndNothingElse() throws ClassNotFoundException {
        Map<String, Class<?>> closure = ShippedClasses.closure(List.of(offset(plugin).arrayType(), String.class), "fn");
        assertEquals(Set.of("plugin.Offset", "plugin.Helper"), closure.keySet(), "Helper is used by Offset's code only");
        assertTrue(ShippedClasses.closure(List.of(String.class, ShippedClassesTest.class), "fn").isEmpty());
    }

    @Test
    void theReferencesOfAClassFileAreReadFromItsConstantPool() throws IOException, ClassNotFoundException {
        Set<String> names = ClassReferences.of(ShippedClasses.bytesOf(offset(plugin), "fn"));
        assertTrue(names.containsAll(Set.of("plugin.Offset", "plugin.Helper", "dev.weft.parallel.SerializableFunction",
                "java.lang.Integer", "java.lang.Object")), names.toString());
        assertThrows(IOException.class, () -> ClassReferences.of(new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 0, 0}));
        byte[] classFile = ShippedClasses.bytesOf(offset(plugin), "fn");
        assertThrows(IOException.class, () -> ClassReferences.of(java.util.Arrays.copyOf(classFile, 40)), "truncated");
    }

    @Test
    void staticValuesThatSerializeTravelAndTheOthersDoNot() throws ReflectiveOperationException {
        setOffset(plugin, 5);
        offset(plugin).getField("unsendable").set(null, new Object());
        try {
            assertEquals(Map.of("plugin.Offset", Map.of("offset", 5)), ShippedClasses.statics(List.of(offset(plugin))));
        } finally {
            offset(plugin).getField("unsendable").set(null, null);
        }
    }

    @Test
    void aShippedFunctionIsDefinedFromItsBytesWhereItsClassesAreUnknown() throws Exception {
        setOffset(plugin, 5);
        byte[] bytes = FunctionCodec.encode(function(plugin, null), "the function");
        assertEquals(2, bytes[0], "the SHIPPED form");
        setOffset(plugin, 0);

        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        Object decoded;
        try {
            thread.setContextClassLoader(ClassLoader.getSystemClassLoader()); // as in a child: no plugin there
            decoded = FunctionCodec.decode(bytes, 0, bytes.length);
        } finally {
            thread.setContextClassLoader(context);
        }
        assertInstanceOf(ShippedClasses.Loader.class, decoded.getClass().getClassLoader());
        assertEquals(decoded.getClass().getClassLoader(), FunctionCodec.shippedLoader(decoded));
        assertNull(FunctionCodec.shippedLoader(function(plugin, null)), "not a shipped class");
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> fn = (Function<Integer, Integer>) decoded;
        assertEquals(106, fn.apply(1), "1 + the offset as it was when sent + Helper's 100");
        assertTrue(decoded.getClass().getClassLoader().getResourceAsStream("plugin/Helper.class") != null,
                "the child can send them on");
    }

    @Test
    void corruptShippedBytesFailAsIoErrors() {
        assertThrows(IOException.class, () -> FunctionCodec.decode(new byte[] {2, -1, -1, -1, -1}, 0, 5), "negative count");
        byte[] badSize = {2, 0, 0, 0, 1, 0, 1, 'X', 0x7f, 0, 0, 0};
        assertThrows(IOException.class, () -> FunctionCodec.decode(badSize, 0, badSize.length), "size beyond the end");
    }

    @Test
    void aFunctionWhoseBytesCannotBeReadFailsAtSubmissionAndThePoolGoesOn() throws Exception {
        SerializableFunction<Integer, Integer> hidden = function(secretive, null);
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> FunctionCodec.encode(hidden, "the function"));
        assertTrue(direct.getMessage().contains("plugin.Offset") && direct.getMessage().contains("Pool.threads"),
                direct.getMessage());
        try (Pool pool = Pool.processes(SMALL)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> pool.map(hidden, List.of(1, 2)));
            assertEquals(direct.getMessage(), refused.getMessage());
            assertEquals(List.of(2, 3), pool.map(x -> x + 1, List.of(1, 2)), "the pool still works");
        }
        assertThrows(IllegalArgumentException.class, () -> JvmProcess.start(hidden, 1), "no child is started");
        try (Pool pool = Pool.threads(2)) {
            assertEquals(List.of(101), pool.map(hidden, List.of(1)), "threads need nothing");
        }
    }

    @Test
    void childrenRunThePluginsFunctionsWithTheirState() throws Exception {
        setOffset(plugin, 5);
        try (Pool pool = Pool.processes(SMALL)) {
            assertEquals(List.of(106, 107, 108), pool.map(function(plugin, null), List.of(1, 2, 3)));
            assertEquals(List.of(16, 17), pool.map(function(plugin, "adder", 10), List.of(1, 2)), "a capturing lambda");
            offset(plugin).getField("unsendable").set(null, new Object());
            assertEquals(List.of("true"), pool.map(function(plugin, "unsendableIsNull"), List.of(1)),
                    "a static value that cannot travel is left at its default");
        } finally {
            offset(plugin).getField("unsendable").set(null, null);
        }
        SerializableFunction<Integer, Integer> fn = function(plugin, null);
        JvmProcess<Integer> process = JvmProcess.start(fn, 2, List.of("-Xmx64m"));
        assertTrue(process.join(LONG), "the process ended within " + LONG);
        assertEquals(107, process.result());
    }
}
