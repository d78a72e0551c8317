package dev.weft.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The launcher: lists the ported notebook cells, and runs one, several, a section or all of them.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.Samples                          # the list: ids and titles
 * java -cp ... dev.weft.samples.Samples run threading.semaphore --scale 0.05
 * java -cp ... dev.weft.samples.Samples run all --scale 0.02 --timeline target/timelines
 * java -cp ... dev.weft.samples.Samples jshell                  # the Java prompt, weft imported
 * java -cp ... dev.weft.samples.Samples jshell samples/jshell/threads.jsh
 * }</pre>
 *
 * <p>See {@link LaunchOptions#USAGE} for every option. Each sample class also has its own
 * {@code main}, which runs that one cell with the same options ({@link #runCell}).
 */
public final class Samples {

    private Samples() {
    }

    /**
     * Runs the launcher; exits with status 1 if a cell failed, 2 for a bad command line.
     *
     * @param args the command line, see {@link LaunchOptions#USAGE}
     */
    public static void main(String[] args) {
        int status = run(Catalogue.cells(), args, System.out, System.err, System.in);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs one cell with the launcher's options: what each sample's own {@code main} does.
     *
     * @param cell the cell
     * @param args options ({@code --scale}, {@code --timeline}, {@code --online}, ...)
     */
    public static void runCell(Cell cell, String[] args) {
        List<String> withRun = new ArrayList<>(List.of("run", cell.id()));
        withRun.addAll(List.of(args));
        int status = run(List.of(cell), withRun.toArray(String[]::new), System.out, System.err, System.in);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the launcher against {@code catalogue}, printing to {@code out} and {@code err}.
     *
     * @param catalogue the cells that can be listed and run
     * @param args the command line
     * @param out where the list and the cells print
     * @param err where errors go
     * @param in where the answers to {@code input()} are read from (read only when bytes are
     *     waiting, or always with {@code --ask})
     * @return 0 when all went well, 1 if a cell failed, 2 for a bad command line; for
     *     {@code jshell}, jshell's exit status (1 if it could not be started)
     */
    public static int run(List<Cell> catalogue, String[] args, PrintStream out, PrintStream err, InputStream in) {
        LaunchOptions options;
        List<Cell> selected;
        try {
            options = LaunchOptions.parse(args);
            selected = options.command() == LaunchOptions.Command.RUN ? select(catalogue, options.ids()) : List.of();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(LaunchOptions.USAGE);
            return 2;
        }
        switch (options.command()) {
            case HELP -> out.print(LaunchOptions.USAGE);
            case LIST -> list(catalogue, out);
            case RUN -> {
                LineSource input = LineSource.from(in, options.ask());
                RunRecording recording = RunRecording.start(options.jfrFile(), err);
                try {
                    return new CellRunner(options, out, err, input).runAll(selected) == 0 ? 0 : 1;
                } finally {
                    recording.close();
                }
            }
            case JSHELL -> {
                return jshell(options, out, err);
            }
        }
        return 0;
    }

    private static int jshell(LaunchOptions options, PrintStream out, PrintStream err) {
        if (options.script() != null && !Files.isRegularFile(options.script())) {
            err.println("jshell: pas de script " + options.script().toAbsolutePath());
            return 2;
        }
        try {
            return Jshell.run(options.script(), out);
        } catch (IOException | IllegalStateException e) {
            err.println("jshell: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("jshell: interrompu");
            return 1;
        }
    }

    /**
     * Prints the cells: id and title, one a line.
     *
     * @param catalogue the cells
     * @param out where to print
     */
    static void list(List<Cell> catalogue, PrintStream out) {
        int width = catalogue.stream().mapToInt(c -> c.id().length()).max().orElse(0);
        out.printf(Locale.ROOT, "%d cellules — Samples run ID... | run all [--scale F] [--timeline DIR]%n",
                catalogue.size());
        for (Cell cell : catalogue) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", cell.id(), cell.title());
        }
    }

    /**
     * Picks cells by id, by section ({@code threading} picks every {@code threading.*}), or all.
     *
     * @param catalogue the cells
     * @param ids what was asked for
     * @return the cells, in catalogue order for a section and in the asked order otherwise
     * @throws IllegalArgumentException for an id that matches nothing
     */
    static List<Cell> select(List<Cell> catalogue, List<String> ids) {
        Set<Cell> picked = new LinkedHashSet<>();
        for (String id : ids) {
            if (id.equals("all")) {
                picked.addAll(catalogue);
                continue;
            }
            List<Cell> matches = catalogue.stream()
                    .filter(c -> c.id().equals(id) || c.id().startsWith(id + "."))
                    .toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("cellule inconnue: " + id + " (Samples list donne la liste)");
            }
            picked.addAll(matches);
        }
        return List.copyOf(picked);
    }
}
