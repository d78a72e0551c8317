package dev.weft.reliability.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the project's README.md against weft, so that the README
 * cannot show code that does not compile. Each block becomes the body of a method in a class of
 * its own, which imports every weft package. The HTML comment right above a block (invisible on
 * the rendered page) gives what the block needs around it:
 *
 * <pre>
 * &lt;!-- java-check
 * imports: java.util.function.Function, java.math.BigInteger
 * method: Page page(int id) throws Exception
 * declare:
 *   record Page(String user) {}
 *   String fetchUser(int id) { return "user " + id; }
 * --&gt;
 * </pre>
 *
 * {@code imports} and {@code method} are optional (the method defaults to
 * {@code void example() throws Exception}); the lines after {@code declare:} are members of the
 * class. A block without a comment is compiled with the defaults alone; a block that starts with
 * {@code package} is a whole compilation unit and is compiled as it is.
 */
class ReadmeJavaBlocksTest {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- java-check\\n(?<check>.*?)-->\\n)?```java\\n(?<code>.*?)```", Pattern.DOTALL);

    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    private static final List<String> WEFT_PACKAGES = List.of("dev.weft.core", "dev.weft.sync", "dev.weft.async",
            "dev.weft.parallel", "dev.weft.decorators", "dev.weft.cluster");

    /** One README block, made a compilation unit. */
    private record Block(int number, int readmeLine, String className, String source, int firstCodeLine) {}

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        Path file = here.resolve("README.md");
        return Files.exists(file) ? file : here.getParent().resolve("README.md");
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int number = blocks.size() + 1;
            int readmeLine = (int) text.substring(0, m.start("code")).lines().count() + 1;
            String check = m.group("check") == null ? "" : m.group("check");
            List<String> imports = new ArrayList<>();
            String method = "void example() throws Exception";
            StringBuilder declarations = new StringBuilder();
            boolean declaring = false;
            for (String line : check.split("\n")) {
                if (declaring) {
                    declarations.append("    ").append(line).append('\n');
                } else if (line.startsWith("imports:")) {
                    for (String name : line.substring("imports:".length()).split(",")) {
                        if (!name.isBlank()) {
                            imports.add(name.strip());
                        }
                    }
                } else if (line.startsWith("method:")) {
                    method = line.substring("method:".length()).strip();
                } else if (line.startsWith("declare:")) {
                    declaring = true;
                }
            }
            String code = m.group("code");
            if (code.startsWith("package ")) {
                // A whole compilation unit (the README's complete test class): compiled as it is.
                Matcher declared = CLASS.matcher(code);
                if (!declared.find()) {
                    throw new IllegalStateException("README block " + number + " has a package but no class");
                }
                blocks.add(new Block(number, readmeLine, declared.group(1), code, 1));
                continue;
            }
            String className = "ReadmeBlock" + number;
            StringBuilder source = new StringBuilder("package readme;\n");
            WEFT_PACKAGES.forEach(p -> source.append("import ").append(p).append(".*;\n"));
            imports.forEach(i -> source.append("import ").append(i).append(";\n"));
            source.append("class ").append(className).append(" {\n").append(declarations)
                    .append("    ").append(method).append(" {\n");
            int firstCodeLine = (int) source.toString().lines().count() + 1;
            source.append(code).append("    }\n}\n");
            blocks.add(new Block(number, readmeLine, className, source.toString(), firstCodeLine));
        }
        return blocks;
    }

    private static JavaFileObject unit(Block block) {
        return new SimpleJavaFileObject(URI.create("string:///readme/" + block.className() + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return block.source();
            }
        };
    }

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path out) throws IOException {
        List<Block> blocks = blocks(Files.readString(readme()).replace("\r\n", "\n"));
        assertTrue(blocks.size() >= 8, "expected the README's Java blocks, found " + blocks.size());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "21", "-proc:none", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    blocks.stream().map(ReadmeJavaBlocksTest::unit).toList()).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> describe(d, blocks))
                    .collect(Collectors.joining("\n"));
            assertTrue(compiled && errors.isEmpty(), "README Java blocks that do not compile:\n" + errors);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d, List<Block> blocks) {
        String name = d.getSource() == null ? "" : d.getSource().getName();
        for (Block block : blocks) {
            if (name.endsWith(block.className() + ".java")) {
                long line = d.getLineNumber() - block.firstCodeLine();
                String where = line >= 0
                        ? "README.md line " + (block.readmeLine() + line)
                        : "the java-check comment above README.md line " + block.readmeLine();
                return "block " + block.number() + ", " + where + ": " + d.getMessage(Locale.ROOT);
            }
        }
        return name + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
    }
}
