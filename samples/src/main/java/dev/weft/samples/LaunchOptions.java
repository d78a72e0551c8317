package dev.weft.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The launcher's command line, parsed: {@code [list] | run ID... | run all | jshell [FILE.jsh]}, with
 * {@code --scale F}, {@code --timeline DIR}, {@code --jfr FILE}, {@code --online}, {@code --ask} and {@code --seed N}
 * anywhere (they are {@code run}'s: {@code jshell} takes none of them).
 *
 * <pre>{@code
 * LaunchOptions options = LaunchOptions.parse("run", "threading.semaphore", "--scale", "0.1");
 * options.command();   // RUN
 * options.ids();       // [threading.semaphore]
 * options.scale();     // 0.1
 * }</pre>
 *
 * @param command what to do
 * @param ids the cells to run ({@code all}, ids, or section names such as {@code threading})
 * @param scale the time and work scale
 * @param timelineDir where to write one SVG a cell, or null
 * @param online whether the Wikipedia cells fetch the real site
 * @param ask whether {@code input()} waits for the user to type on standard input
 * @param seed the random seed, or null
 * @param script the script {@code jshell} runs, or null to open the prompt
 * @param jfrFile where to write a JDK Flight Recorder recording of the run, or null
 */
public record LaunchOptions(Command command, List<String> ids, double scale, Path timelineDir,
                            boolean online, boolean ask, Long seed, Path script, Path jfrFile) {

    /** What the launcher is asked to do. */
    public enum Command {
        /** List the cells. */
        LIST,
        /** Run cells. */
        RUN,
        /** Open jshell with weft on its class path, or run a script in it. */
        JSHELL,
        /** Show the usage. */
        HELP
    }

    /** The usage text. */
    public static final String USAGE = """
            usage: Samples [list]                       la liste des cellules (id, titre)
                   Samples run ID... | run all          exécute des cellules (ou une section: run threading)
                   Samples jshell [FICHIER.jsh]         l'invite Java (jshell) avec weft et les imports des notebooks,
                                                        ou y exécute un script (samples/jshell/*.jsh)
            options:
                   --scale F       multiplie chaque attente et chaque taille de calcul (1 = durées du notebook)
                   --timeline DIR  écrit DIR/<id>.svg par cellule et montre la même chronologie en ASCII
                   --jfr FICHIER   enregistre l'exécution avec JFR (événements dev.weft.*, chaque fork)
                   --online        les cellules Wikipédia lisent le vrai site (sinon un serveur local)
                   --ask           input() attend une réponse tapée au clavier (sinon "Donna")
                   --seed N        graine des nombres aléatoires (randint)
            """;

    private static final List<String> RUN_OPTIONS = List.of("--scale", "--timeline", "--jfr", "--online", "--ask", "--seed");

    /** Checks the fields. */
    public LaunchOptions {
        Objects.requireNonNull(command, "command");
        ids = List.copyOf(ids);
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException for an unknown option, a missing or bad value, or
     *     {@code run} without ids, {@code jshell} with more than one script or with an option of {@code run}
     */
    public static LaunchOptions parse(String... args) {
        Command command = null;
        List<String> ids = new ArrayList<>();
        double scale = 1;
        Path timeline = null;
        boolean online = false;
        boolean ask = false;
        Long seed = null;
        Path script = null;
        Path jfr = null;
        boolean runOption = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            runOption |= RUN_OPTIONS.contains(arg);
            switch (arg) {
                case "--scale" -> scale = parseScale(value(args, ++i, arg));
                case "--timeline" -> timeline = Path.of(value(args, ++i, arg));
                case "--jfr" -> jfr = Path.of(value(args, ++i, arg));
                case "--online" -> online = true;
                case "--ask" -> ask = true;
                case "--seed" -> seed = parseSeed(value(args, ++i, arg));
                case "-h", "--help", "help" -> command = Command.HELP;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("option inconnue: " + arg);
                    }
                    if (command == null) {
                        command = switch (arg.toLowerCase(Locale.ROOT)) {
                            case "list" -> Command.LIST;
                            case "run" -> Command.RUN;
                            case "jshell" -> Command.JSHELL;
                            default -> throw new IllegalArgumentException("commande inconnue: " + arg);
                        };
                    } else if (command == Command.RUN) {
                        ids.add(arg);
                    } else if (command == Command.JSHELL && script == null) {
                        script = Path.of(arg);
                    } else {
                        throw new IllegalArgumentException("argument en trop: " + arg);
                    }
                }
            }
        }
        if (command == Command.RUN && ids.isEmpty()) {
            throw new IllegalArgumentException("run: donnez des ids de cellules, ou all");
        }
        if (command == Command.JSHELL && runOption) {
            throw new IllegalArgumentException("jshell: --scale, --timeline, --jfr, --online, --ask et --seed sont des options de run");
        }
        return new LaunchOptions(command == null ? Command.LIST : command, ids, scale, timeline,
                online, ask, seed, script, jfr);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + ": valeur manquante");
        }
        return args[index];
    }

    private static double parseScale(String text) {
        double scale;
        try {
            scale = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--scale: pas un nombre: " + text, e);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("--scale doit être positif: " + text);
        }
        return scale;
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed: pas un entier: " + text, e);
        }
    }
}
