package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WaveRendererTest {

    @Test
    void wavesShowParallelResourcesAndDependencies() {
        ResourceGraph graph = preview(TestPrograms::logsRoleTrail);

        String waves = WaveRenderer.render(graph);

        assertThat(waves).isEqualTo("""
                Wave 1 (2 in parallel)
                    aws:cloudwatch/logGroup:LogGroup  logs
                    aws:iam/role:Role                 role
                Wave 2 (1 resource)
                    aws:cloudtrail/trail:Trail        trail
                        waits for: role (dependsOn), logs (input)
                """);
    }

    @Test
    void wavesMarkExplicitAndImpliedDependency() {
        ResourceGraph graph = preview(TestPrograms::trailWaitingTwiceForLogs);

        String waves = WaveRenderer.render(graph);

        assertThat(waves).contains("        waits for: logs (dependsOn, input)\n");
    }

    @Test
    void wavesNameComponentDependencies() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            new LogGroup("group-logs", LogGroupArgs.builder().build(),
                    CustomResourceOptions.builder().parent(group).build());
            new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build(),
                    CustomResourceOptions.builder().dependsOn(group).build());
        });

        String waves = WaveRenderer.render(graph);

        assertThat(waves).isEqualTo("""
                Wave 1 (1 resource)
                    aws:cloudwatch/logGroup:LogGroup  group-logs
                Wave 2 (1 resource)
                    aws:iam/role:Role                 role
                        waits for: group (dependsOn)
                """);
    }

    @Test
    void wavesQualifyNamesSharedByTwoResources() {
        ResourceGraph graph = preview(ctx -> {
            var role = new Role("audit", RoleArgs.builder().assumeRolePolicy("{}").build());
            new LogGroup("audit", LogGroupArgs.builder().build(),
                    CustomResourceOptions.builder().dependsOn(role).build());
        });

        String waves = WaveRenderer.render(graph);

        assertThat(waves).contains("waits for: aws:iam/role:Role audit (dependsOn)\n");
    }

    @Test
    void wavesOfEmptyProgramSayNothingToCreate() {
        ResourceGraph graph = preview(ctx -> new ComponentResource("test:index:Group", "group"));

        String waves = WaveRenderer.render(graph);

        assertThat(waves).isEqualTo("No waves: the program registered no resources to create.\n");
    }

    private static ResourceGraph preview(Consumer<Context> program) {
        return OfflinePreview.builder().build().run(program).graphOrThrow();
    }
}
