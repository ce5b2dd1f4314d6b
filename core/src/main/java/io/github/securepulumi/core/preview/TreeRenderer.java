package io.github.securepulumi.core.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a resource graph as the tree that {@code pulumi preview} prints: the stack first, then
 * every resource under its parent, components included, each marked for creation.
 *
 * <pre>
 *      Type                                    Name
 *  +   pulumi:pulumi:Stack                     audit-dev
 *  +   ├─ test:index:Group                     group
 *  +   │  └─ aws:cloudwatch/logGroup:LogGroup  group-logs [retain]
 *  +   └─ aws:iam/role:Role                    solo
 * </pre>
 *
 * <p>Children are ordered by name. A resource with the {@code retainOnDelete} option ends with
 * {@value #RETAIN_MARK} and one with the {@code protect} option with {@value #PROTECT_MARK}.
 */
public final class TreeRenderer {

    /** Mark after the name of a resource that {@code pulumi destroy} leaves in AWS. */
    public static final String RETAIN_MARK = "[retain]";

    /** Mark after the name of a resource with the {@code protect} option, which Pulumi does not delete. */
    public static final String PROTECT_MARK = "[protect]";

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final String CREATE_PREFIX = " +   ";
    private static final String HEADER_INDENT = "     ";
    private static final int COLUMN_GAP = 2;

    private record Line(String typeColumn, String name, boolean retain, boolean protect) {
    }

    private TreeRenderer() {
    }

    /** Renders the tree, one line per resource after a header line, each line ending in a newline. */
    public static String render(ResourceGraph graph) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(STACK_TYPE, graph.projectName() + "-" + graph.stackName(), false, false));
        addChildren(graph, graph.roots(), "", lines);

        int typeWidth = "Type".length();
        for (Line line : lines) {
            typeWidth = Math.max(typeWidth, line.typeColumn().length());
        }
        int nameColumn = typeWidth + COLUMN_GAP;

        StringBuilder out = new StringBuilder();
        out.append(HEADER_INDENT).append(pad("Type", nameColumn)).append("Name\n");
        for (Line line : lines) {
            out.append(CREATE_PREFIX).append(pad(line.typeColumn(), nameColumn)).append(line.name());
            if (line.retain()) {
                out.append(' ').append(RETAIN_MARK);
            }
            if (line.protect()) {
                out.append(' ').append(PROTECT_MARK);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Adds one line per node and, depth first, lines for its children.
     *
     * @param indent the connectors of the ancestors' levels, drawn before this level's connector
     */
    private static void addChildren(ResourceGraph graph, List<ResourceNode> nodes, String indent, List<Line> lines) {
        for (int i = 0; i < nodes.size(); i++) {
            ResourceNode node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            String connector = last ? "└─ " : "├─ ";
            lines.add(new Line(indent + connector + node.type(), node.name(), node.retainOnDelete(), node.protect()));

            String childIndent = indent + (last ? "   " : "│  ");
            addChildren(graph, graph.children(node), childIndent, lines);
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
