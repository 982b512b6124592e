// The layering of the packages, read from the sources under java/: every reference from one package to
// another (imports and fully qualified names in code, comments aside) must be an edge of LAYERS, the
// one place the allowed edges are written, so that a layer skipped (cli reaching nativeapi), a layer
// called upward (search importing cli) or an import cycle fails the build. The graph the sources give
// must also be acyclic on its own, and every package must be named in LAYERS.
package org.autogan4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PackageLayersTest {
    private static final Path SOURCES = Path.of("java", "org", "autogan4j");
    /** Where the build writes the generated binding (package nativeapi; tools/GenerateBinding.java). */
    private static final Path GENERATED = Path.of("target", "generated-sources", "binding", "org", "autogan4j");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.autogan4j\\.([a-z]+)\\.");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** Each package and the packages it may use: downward only, each layer through the one below it. */
    private static final Map<String, Set<String>> LAYERS = Map.ofEntries(
            Map.entry("nativeapi", Set.of()),
            Map.entry("tensor", Set.of("nativeapi")),
            Map.entry("nn", Set.of("tensor")),
            Map.entry("optim", Set.of("nn", "tensor")),
            Map.entry("gan", Set.of("nn", "optim", "tensor")),
            Map.entry("data", Set.of("io", "tensor")),
            Map.entry("io", Set.of("tensor")),
            Map.entry("metrics", Set.of("data", "io", "nn", "optim", "tensor")),
            Map.entry("report", Set.of("gan", "io")),
            Map.entry("search", Set.of("gan", "nn", "tensor")),
            Map.entry("app", Set.of("search", "gan", "metrics", "data", "io", "report", "nn", "optim", "tensor")),
            Map.entry("cli", Set.of("app")));

    /** package -> (used package -> the files that use it). */
    private static Map<String, Map<String, Set<String>>> graph() throws IOException {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(SOURCES), Files.walk(GENERATED))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 50, "the sources are found from the project folder: " + files.size());
        for (Path file : files) {
            Path relative = (file.startsWith(SOURCES) ? SOURCES : GENERATED).relativize(file);
            String from = relative.getName(0).toString();
            String name = relative.toString().replace('\\', '/');
            Map<String, Set<String>> uses = out.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher m = REFERENCE.matcher(COMMENTS.matcher(Files.readString(file)).replaceAll(""));
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(from)) {
                    uses.computeIfAbsent(to, k -> new TreeSet<>()).add(name);
                }
            }
        }
        return out;
    }

    @Test
    void everyReferenceFollowsTheLayers() throws IOException {
        Map<String, Map<String, Set<String>>> graph = graph();
        assertEquals(new TreeSet<>(LAYERS.keySet()), new TreeSet<>(graph.keySet()), "every package has its layer");
        List<String> wrong = new ArrayList<>();
        graph.forEach((from, uses) -> uses.forEach((to, files) -> {
            if (!LAYERS.get(from).contains(to)) {
                wrong.add(from + " -> " + to + " (" + String.join(", ", files) + ")");
            }
        }));
        assertEquals(List.of(), wrong, "references that skip or climb a layer");
    }

    @Test
    void thePackageGraphHasNoCycle() throws IOException {
        Map<String, Map<String, Set<String>>> graph = graph();
        for (String start : graph.keySet()) {
            List<String> cycle = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)));
            assertEquals(List.of(), cycle, "an import cycle through " + start);
        }
        for (String start : LAYERS.keySet()) {
            assertTrue(!reaches(start, start, new TreeSet<>()), "LAYERS itself has a cycle through " + start);
        }
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Map<String, Set<String>>> graph,
            List<String> path) {
        for (String next : graph.getOrDefault(at, Map.of()).keySet()) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (!path.contains(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, graph, path);
                path.remove(path.size() - 1);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    private static boolean reaches(String target, String at, Set<String> seen) {
        for (String next : LAYERS.get(at)) {
            if (next.equals(target) || (seen.add(next) && reaches(target, next, seen))) {
                return true;
            }
        }
        return false;
    }
}
