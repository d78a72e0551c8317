import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged Maven Central bundle (a repository layout, as {@code ./mvnw -Prelease verify}
 * leaves in {@code target/central-staging}) against what Central requires of each component:
 * a POM with coordinates, name, description, url, license, developers and scm (inherited from a
 * parent POM in the same bundle counts); for a jar component its sources and javadoc jars; an
 * {@code .md5} and a {@code .sha1} that match every file; and an {@code .asc} signature for
 * every file, whose absence is accepted only when signing was skipped (said, not hidden).
 *
 * <p>Run: {@code java scripts/CheckBundle.java [target/central-staging] [--require-signatures]}.
 * Exits 0 when the bundle is acceptable, 1 when something Central requires is missing.
 */
public final class CheckBundle {

    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int unsigned;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "target/central-staging");
        boolean requireSignatures = List.of(args).contains("--require-signatures");
        if (!Files.isDirectory(root)) {
            System.err.println("no staged bundle at " + root + ": run ./mvnw -Prelease verify first");
            System.exit(2);
        }
        System.exit(new CheckBundle().check(root, requireSignatures) ? 0 : 1);
    }

    private boolean check(Path root, boolean requireSignatures) throws Exception {
        Map<String, Path> poms = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".pom")).forEach(p -> poms.put(artifactId(p), p));
        }
        if (poms.isEmpty()) {
            problems.add("no POM in " + root);
        }
        Map<String, Element> models = new TreeMap<>();
        for (var e : poms.entrySet()) {
            models.put(e.getKey(), parse(e.getValue()));
        }
        for (var e : poms.entrySet()) {
            checkComponent(e.getKey(), e.getValue(), models);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(CheckBundle::isPrimary).toList()) {
                checkChecksums(file);
                if (!Files.exists(sibling(file, ".asc"))) {
                    unsigned++;
                }
            }
        }
        if (unsigned > 0) {
            String why = unsigned + " files have no .asc signature: signing was skipped (no MAVEN_GPG_KEY);"
                    + " Central refuses an unsigned upload, so a real release sets the key";
            if (requireSignatures) {
                problems.add(why);
            } else {
                notes.add(why);
            }
        }
        notes.forEach(n -> System.out.println("note: " + n));
        problems.forEach(p -> System.out.println("MISSING: " + p));
        System.out.println(problems.isEmpty()
                ? "bundle accepted: " + poms.size() + " components in " + root
                : "bundle refused: " + problems.size() + " problems");
        return problems.isEmpty();
    }

    private void checkComponent(String artifactId, Path pom, Map<String, Element> models) {
        Element model = models.get(artifactId);
        String version = text(model, "version", models);
        for (String field : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
            if (text(model, field, models).isBlank()) {
                problems.add(artifactId + ": the POM has no <" + field + ">");
            }
        }
        for (String[] nested : new String[][] {
                {"licenses", "license", "name"}, {"developers", "developer", "name"},
                {"scm", "url", null}, {"scm", "connection", null}}) {
            if (!has(model, nested, models)) {
                problems.add(artifactId + ": the POM has no <" + String.join("/", nonNull(nested)) + ">");
            }
        }
        if (version.endsWith("-SNAPSHOT")) {
            notes.add(artifactId + " is " + version + ": Central takes releases only; a release sets the version");
        }
        String packaging = child(model, "packaging").map(Node::getTextContent).orElse("jar");
        if (!packaging.equals("pom")) {
            String base = pom.getFileName().toString().replaceFirst("\\.pom$", "");
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                if (!Files.exists(pom.resolveSibling(base + suffix))) {
                    problems.add(artifactId + ": no " + base + suffix);
                }
            }
        }
        System.out.println("component " + artifactId + " " + version + " (" + packaging + ")");
    }

    private void checkChecksums(Path file) throws IOException, NoSuchAlgorithmException {
        byte[] bytes = Files.readAllBytes(file);
        for (String algorithm : List.of("MD5", "SHA-1")) {
            Path sum = sibling(file, algorithm.equals("MD5") ? ".md5" : ".sha1");
            if (!Files.exists(sum)) {
                problems.add("no " + sum.getFileName());
                continue;
            }
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
            String actual = Files.readString(sum).trim().split("\\s+")[0];
            if (!expected.equalsIgnoreCase(actual)) {
                problems.add(sum.getFileName() + " does not match " + file.getFileName());
            }
        }
    }

    private static boolean isPrimary(Path p) {
        String name = p.getFileName().toString();
        return (name.endsWith(".jar") || name.endsWith(".pom")) && !name.startsWith("maven-metadata");
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String artifactId(Path pom) {
        return pom.getParent().getParent().getFileName().toString();
    }

    private static Element parse(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    /** The model's own value of a top-level field, else its parent's (within the bundle). */
    private static String text(Element model, String field, Map<String, Element> models) {
        var own = child(model, field).map(Node::getTextContent).orElse("");
        if (!own.isBlank()) {
            return own.trim();
        }
        var parent = child(model, "parent");
        if (parent.isEmpty()) {
            return "";
        }
        if (field.equals("groupId") || field.equals("version")) {
            return child(parent.get(), field).map(Node::getTextContent).orElse("").trim();
        }
        var parentModel = models.get(child(parent.get(), "artifactId").map(Node::getTextContent).orElse(""));
        return parentModel == null ? "" : text(parentModel, field, models);
    }

    private static boolean has(Element model, String[] path, Map<String, Element> models) {
        var node = child(model, path[0]).flatMap(n -> child(n, path[1]));
        if (node.isPresent() && path[2] != null) {
            node = child(node.get(), path[2]);
        }
        if (node.isPresent() && !node.get().getTextContent().isBlank()) {
            return true;
        }
        var parent = child(model, "parent")
                .flatMap(p -> child(p, "artifactId"))
                .map(a -> models.get(a.getTextContent().trim()));
        return parent.isPresent() && parent.get() != null && has(parent.get(), path, models);
    }

    private static java.util.Optional<Element> child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> nonNull(String[] parts) {
        return Stream.of(parts).filter(p -> p != null).toList();
    }
}
