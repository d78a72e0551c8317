package dev.weft.cluster;

import dev.weft.parallel.SerializableFunction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a class at test time into its own directory and loads it with a class loader of its
 * own: the caller can use and serialize it, but no cluster member finds it on its class path.
 */
final class HiddenClasses {

    private HiddenClasses() {
    }

    /**
     * Compiles {@code source} (a public class {@code className} that may use weft-parallel) and
     * loads it.
     *
     * @return the loader holding the class; close it after use
     */
    static URLClassLoader compile(Path dir, String className, String source) throws IOException {
        Path file = dir.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String parallelJar;
        try {
            parallelJar = Path.of(SerializableFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        int status = javac.run(null, null, null, "-classpath", parallelJar, "-d", dir.toString(), file.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with " + status + " on " + file);
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, HiddenClasses.class.getClassLoader());
    }
}
