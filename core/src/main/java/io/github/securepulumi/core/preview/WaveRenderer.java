package io.github.securepulumi.core.preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the order in which AWS resources can be created, as the waves of
 * {@link ResourceGraph#waves()}: every resource of a wave can be created in parallel once the
 * earlier waves are done.
 *
 * <pre>
 * Wave 1 (2 in parallel)
 *     aws:cloudwatch/logGroup:LogGroup  logs
 *     aws:iam/role:Role                 role
 * Wave 2 (1 resource)
 *     aws:cloudtrail/trail:Trail        trail
 *         waits for: role (dependsOn), logs (input)
 * </pre>
 *
 * <p>The line under a resource lists what it waits for directly: {@code dependsOn} marks the
 * {@code dependsOn} option and {@code input} an output of that resource passed into one of its
 * inputs. A component in that list means every resource inside it. A name that several resources
 * share is shown with its type.
 */
public final class WaveRenderer {

    private static final String RESOURCE_INDENT = "    ";
    private static final String WAITS_FOR_INDENT = "        ";
    private static final int COLUMN_GAP = 2;

    private WaveRenderer() {
    }

    /**
     * Renders every wave as a heading line and one line per resource, each line ending in a newline,
     * or a single line saying that there is nothing to create.
     */
    public static String render(ResourceGraph graph) {
        List<List<ResourceNode>> waves = graph.waves();
        if (waves.isEmpty()) {
            return "No waves: the program registered no resources to create.\n";
        }

        int typeWidth = 0;
        for (ResourceNode node : graph.customResources()) {
            typeWidth = Math.max(typeWidth, node.type().length());
        }
        Map<String, Integer> nameUses = countNames(graph);

        StringBuilder out = new StringBuilder();
        for (int i = 0; i < waves.size(); i++) {
            List<ResourceNode> wave = waves.get(i);
            out.append("Wave ").append(i + 1).append(" (").append(sizeOf(wave)).append(")\n");
            for (ResourceNode node : wave) {
                String type = node.type() + " ".repeat(typeWidth - node.type().length() + COLUMN_GAP);
                out.append(RESOURCE_INDENT).append(type).append(node.name()).append('\n');
                if (!node.allDependencies().isEmpty()) {
                    out.append(WAITS_FOR_INDENT).append("waits for: ")
                            .append(describeDependencies(graph, node, nameUses)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String sizeOf(List<ResourceNode> wave) {
        return wave.size() == 1 ? "1 resource" : wave.size() + " in parallel";
    }

    /** Lists explicit dependencies first, then implied ones, each group ordered by key. */
    private static String describeDependencies(ResourceGraph graph, ResourceNode node, Map<String, Integer> nameUses) {
        List<String> parts = new ArrayList<>();
        for (String key : new TreeSet<>(node.dependsOn())) {
            String kind = node.impliedDependsOn().contains(key) ? "dependsOn, input" : "dependsOn";
            parts.add(label(graph, key, nameUses) + " (" + kind + ")");
        }
        for (String key : new TreeSet<>(node.impliedDependsOn())) {
            if (!node.dependsOn().contains(key)) {
                parts.add(label(graph, key, nameUses) + " (input)");
            }
        }
        return String.join(", ", parts);
    }

    private static String label(ResourceGraph graph, String key, Map<String, Integer> nameUses) {
        return graph.byKey(key)
                .map(node -> nameUses.getOrDefault(node.name(), 0) > 1 ? node.type() + " " + node.name() : node.name())
                .orElse(key);
    }

    private static Map<String, Integer> countNames(ResourceGraph graph) {
        Map<String, Integer> uses = new HashMap<>();
        for (ResourceNode node : graph.resources()) {
            uses.merge(node.name(), 1, Integer::sum);
        }
        return uses;
    }
}
