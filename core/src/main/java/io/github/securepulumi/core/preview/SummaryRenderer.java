package io.github.securepulumi.core.preview;

import io.github.securepulumi.core.optout.SecurityOptOut;
import java.util.Map;

/**
 * Renders the closing summary of a preview: one line of counts, then one line per security opt-out.
 *
 * <pre>
 * Preview of audit-dev: 3 resources in 1 component, 2 waves, 1 explicit and 1 implied dependency, 1 security opt-out.
 *   [SP-AUDIT-RETAIN] SecureAuditTrail "org-trail": ...
 * </pre>
 *
 * <p>Resources are the resources AWS creates, so components are not counted among them. Each opt-out
 * line is {@link SecurityOptOut#describe()}, indented by two spaces.
 */
public final class SummaryRenderer {

    private static final String OPT_OUT_INDENT = "  ";

    private SummaryRenderer() {
    }

    /** Renders the summary line and the opt-out lines, each ending in a newline. */
    public static String render(ResourceGraph graph) {
        Map<String, Integer> counts = graph.counts();
        int explicit = counts.get("explicitDependencies");
        int implied = counts.get("impliedDependencies");

        StringBuilder out = new StringBuilder();
        out.append("Preview of ").append(graph.projectName()).append('-').append(graph.stackName()).append(": ")
                .append(quantity(counts.get("resources"), "resource", "resources"))
                .append(" in ").append(quantity(counts.get("components"), "component", "components"))
                .append(", ").append(quantity(counts.get("waves"), "wave", "waves"))
                .append(", ").append(explicit).append(" explicit and ")
                // The noun agrees with the count next to it: "2 explicit and 1 implied dependency".
                .append(quantity(implied, "implied dependency", "implied dependencies"))
                .append(", ").append(quantity(counts.get("optOuts"), "security opt-out", "security opt-outs"))
                .append(".\n");
        for (SecurityOptOut optOut : graph.optOuts()) {
            out.append(OPT_OUT_INDENT).append(optOut.describe()).append('\n');
        }
        return out.toString();
    }

    private static String quantity(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
