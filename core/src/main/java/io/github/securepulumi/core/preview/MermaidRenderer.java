package io.github.securepulumi.core.preview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders a resource graph as a Mermaid flowchart, for pull requests and docs that display Mermaid.
 *
 * <pre>
 * flowchart TD
 * %% project-dev: an arrow points from a dependency to the resource that waits for it ...
 *     r1["trail&lt;br/&gt;aws:cloudtrail/trail:Trail"]
 *     subgraph g3["group&lt;br/&gt;test:index:Group"]
 *         r2["logs&lt;br/&gt;aws:cloudwatch/logGroup:LogGroup"]
 *     end
 *     r2 -.-&gt; r1
 * </pre>
 *
 * <p>Every resource AWS creates is a node labelled with its name and type, and every component is
 * a {@code subgraph} around its children, nested as the components are. Arrows follow creation
 * order, from a dependency to its dependent: a solid arrow ({@code -->}) is the {@code dependsOn}
 * option and a dotted one ({@code -.->}) an output passed into an input. A dependency that is both
 * is drawn once, solid. Ids ({@code r1}, {@code g2}, ...) are numbered in key order, so that they
 * never contain characters from names. Labels escape quotes and HTML characters as Mermaid entity
 * codes such as {@code #34;}.
 */
public final class MermaidRenderer {

    private static final String INDENT = "    ";

    private MermaidRenderer() {
    }

    /** Renders the flowchart, each line ending in a newline. */
    public static String render(ResourceGraph graph) {
        Map<String, String> ids = assignIds(graph);

        StringBuilder out = new StringBuilder();
        out.append("flowchart TD\n");
        out.append("%% ").append(graph.projectName()).append('-').append(graph.stackName())
                .append(": an arrow points from a dependency to the resource that waits for it, in creation order.")
                .append(" Solid arrows are the dependsOn option, dotted arrows an output passed into an input.\n");
        appendNodes(graph, graph.roots(), ids, INDENT, out);
        appendEdges(graph, ids, out);
        return out.toString();
    }

    private static Map<String, String> assignIds(ResourceGraph graph) {
        Map<String, String> ids = new HashMap<>();
        List<ResourceNode> resources = graph.resources();
        for (int i = 0; i < resources.size(); i++) {
            ResourceNode node = resources.get(i);
            ids.put(node.key(), (node.component() ? "g" : "r") + (i + 1));
        }
        return ids;
    }

    private static void appendNodes(ResourceGraph graph, List<ResourceNode> nodes, Map<String, String> ids,
            String indent, StringBuilder out) {
        for (ResourceNode node : nodes) {
            String label = "[\"" + escape(node.name()) + "<br/>" + escape(node.type()) + "\"]";
            if (node.component()) {
                out.append(indent).append("subgraph ").append(ids.get(node.key())).append(label).append('\n');
                appendNodes(graph, graph.children(node), ids, indent + INDENT, out);
                out.append(indent).append("end\n");
            } else {
                out.append(indent).append(ids.get(node.key())).append(label).append('\n');
            }
        }
    }

    private static void appendEdges(ResourceGraph graph, Map<String, String> ids, StringBuilder out) {
        for (ResourceNode node : graph.resources()) {
            String dependent = ids.get(node.key());
            for (String key : new TreeSet<>(node.dependsOn())) {
                appendEdge(ids.get(key), " --> ", dependent, out);
            }
            for (String key : new TreeSet<>(node.impliedDependsOn())) {
                if (!node.dependsOn().contains(key)) {
                    appendEdge(ids.get(key), " -.-> ", dependent, out);
                }
            }
        }
    }

    private static void appendEdge(String dependency, String arrow, String dependent, StringBuilder out) {
        if (dependency == null) {
            return;
        }
        out.append(INDENT).append(dependency).append(arrow).append(dependent).append('\n');
    }

    /**
     * Escapes text for a quoted Mermaid label. Quotes, {@code #}, HTML characters and backticks become
     * entity codes, and line breaks become spaces.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"', '#', '&', '<', '>', '`' -> escaped.append('#').append((int) c).append(';');
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
