package dev.weft.parallel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JVM options of a {@code java} command line: the arguments before its main class, jar or
 * module, with {@code @argfiles} expanded, as the launcher reads them. Cheaper than the
 * {@code RuntimeMXBean}'s input arguments (whose first use costs a JVM about 0.1 s), and without
 * the {@code JDK_JAVA_OPTIONS} a child gets anyway from the environment it inherits.
 *
 * <pre>{@code
 * LauncherOptions.of(List.of("--add-opens", "a/b=c", "-cp", "x", "demo.Main", "arg"));
 * // [--add-opens, a/b=c, -cp, x]
 * }</pre>
 */
final class LauncherOptions {
    /** Options whose value is the next argument (the launcher's own list). */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--enable-native-access", "--limit-modules", "--add-exports",
            "--add-opens", "--add-reads", "--patch-module", "--describe-module", "-d", "--source");
    /** What ends the options: the main is the next argument. */
    private static final Set<String> MAIN_FOLLOWS = Set.of("-jar", "-m", "--module");

    private LauncherOptions() {
    }

    /**
     * Reads the options.
     *
     * @param arguments the command line's arguments, without the {@code java} before them
     * @return the options, in order, each argfile replaced by its arguments
     */
    static List<String> of(List<String> arguments) {
        List<String> expanded = new ArrayList<>();
        boolean expand = true;
        for (String argument : arguments) {
            if (expand && argument.startsWith("@") && !argument.startsWith("@@")) {
                expanded.addAll(argFile(Path.of(argument.substring(1)))); // not recursive, as the launcher
                continue;
            }
            if (argument.equals("--disable-@files")) {
                expand = false;
            }
            expanded.add(expand && argument.startsWith("@@") ? argument.substring(1) : argument);
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; i < expanded.size(); i++) {
            String argument = expanded.get(i);
            if (!argument.startsWith("-") || MAIN_FOLLOWS.contains(argument) || argument.startsWith("--module=")) {
                break;
            }
            options.add(argument);
            if (WITH_VALUE.contains(argument) && i + 1 < expanded.size()) {
                options.add(expanded.get(++i));
            }
        }
        return options;
    }

    /**
     * {@return the arguments of an argfile}: separated by white space, grouped by single or
     * double quotes, {@code #} starting a comment to the end of its line; none if it cannot be read
     * (the launcher would have refused to start).
     */
    static List<String> argFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>();
        StringBuilder current = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                current = current == null ? new StringBuilder() : current;
            } else if (c == '#' && current == null) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                if (current != null) {
                    arguments.add(current.toString());
                    current = null;
                }
            } else {
                current = current == null ? new StringBuilder() : current;
                current.append(c);
            }
        }
        if (current != null) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
