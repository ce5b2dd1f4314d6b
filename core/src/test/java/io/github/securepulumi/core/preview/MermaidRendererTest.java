package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MermaidRendererTest {

    @Test
    void mermaidDrawsNodesSubgraphsAndEdges() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build(),
                    CustomResourceOptions.builder().parent(group).build());
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build());
            new Trail("trail", TrailArgs.builder()
                    .s3BucketName("bucket")
                    .cloudWatchLogsGroupArn(logs.arn())
                    .build(),
                    CustomResourceOptions.builder().dependsOn(role).build());
        });

        String mermaid = MermaidRenderer.render(graph);

        assertThat(mermaid).isEqualTo("""
                flowchart TD
                %% audit-dev: an arrow points from a dependency to the resource that waits for it, \
                in creation order. Solid arrows are the dependsOn option, dotted arrows an output passed into an input.
                    subgraph g4["group<br/>test:index:Group"]
                        r2["logs<br/>aws:cloudwatch/logGroup:LogGroup"]
                    end
                    r3["role<br/>aws:iam/role:Role"]
                    r1["trail<br/>aws:cloudtrail/trail:Trail"]
                    r3 --> r1
                    r2 -.-> r1
                """);
    }

    @Test
    void mermaidNestsComponentsInComponents() {
        ResourceGraph graph = preview(ctx -> {
            var outer = new ComponentResource("test:index:Outer", "outer");
            var inner = new ComponentResource("test:index:Inner", "inner", ComponentResourceOptions.builder().parent(outer).build());
            new LogGroup("logs", LogGroupArgs.builder().build(), CustomResourceOptions.builder().parent(inner).build());
        });

        String mermaid = MermaidRenderer.render(graph);

        assertThat(mermaid).endsWith("""
                    subgraph g3["outer<br/>test:index:Outer"]
                        subgraph g2["inner<br/>test:index:Inner"]
                            r1["logs<br/>aws:cloudwatch/logGroup:LogGroup"]
                        end
                    end
                """);
    }

    @Test
    void mermaidDrawsEdgeFromComponentDependency() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            new LogGroup("logs", LogGroupArgs.builder().build(), CustomResourceOptions.builder().parent(group).build());
            new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build(),
                    CustomResourceOptions.builder().dependsOn(group).build());
        });

        String mermaid = MermaidRenderer.render(graph);

        assertThat(mermaid).contains("    g3 --> r2\n");
    }

    @Test
    void mermaidDrawsExplicitAndImpliedDependencyOnce() {
        ResourceGraph graph = preview(TestPrograms::trailWaitingTwiceForLogs);

        String mermaid = MermaidRenderer.render(graph);

        assertThat(mermaid).contains("    r2 --> r1\n");
        assertThat(mermaid).doesNotContain("-.->");
    }

    @Test
    void mermaidEscapesLabels() {
        ResourceGraph graph = preview(ctx -> new LogGroup("say \"hi\" <b>#1</b> & `x`", LogGroupArgs.builder().build()));

        String mermaid = MermaidRenderer.render(graph);

        assertThat(mermaid).contains(
                "    r1[\"say #34;hi#34; #60;b#62;#35;1#60;/b#62; #38; #96;x#96;<br/>aws:cloudwatch/logGroup:LogGroup\"]\n");
    }

    @Test
    void escapeTurnsLineBreaksIntoSpaces() {
        String label = "first\nsecond\r\nthird";

        String escaped = MermaidRenderer.escape(label);

        assertThat(escaped).isEqualTo("first second  third");
    }

    private static ResourceGraph preview(Consumer<Context> program) {
        return OfflinePreview.builder().projectName("audit").build().run(program).graphOrThrow();
    }
}
