package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TreeRendererTest {

    @Test
    void treeStartsWithStackAndHeader() {
        ResourceGraph graph = preview(ctx -> new LogGroup("logs", LogGroupArgs.builder().name("/audit").build()));

        String tree = TreeRenderer.render(graph);

        assertThat(tree).isEqualTo("""
                     Type                                 Name
                 +   pulumi:pulumi:Stack                  audit-dev
                 +   └─ aws:cloudwatch/logGroup:LogGroup  logs
                """);
    }

    @Test
    void treeNestsComponentChildren() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            var options = CustomResourceOptions.builder().parent(group).build();
            new LogGroup("group-logs", LogGroupArgs.builder().build(), options);
            new Role("group-role", RoleArgs.builder().assumeRolePolicy("{}").build(), options);
            new Role("solo", RoleArgs.builder().assumeRolePolicy("{}").build());
        });

        String tree = TreeRenderer.render(graph);

        assertThat(tree).isEqualTo("""
                     Type                                    Name
                 +   pulumi:pulumi:Stack                     audit-dev
                 +   ├─ test:index:Group                     group
                 +   │  ├─ aws:cloudwatch/logGroup:LogGroup  group-logs
                 +   │  └─ aws:iam/role:Role                 group-role
                 +   └─ aws:iam/role:Role                    solo
                """);
    }

    @Test
    void treeMarksRetainedResources() {
        ResourceGraph graph = preview(ctx -> new LogGroup("logs", LogGroupArgs.builder().build(),
                CustomResourceOptions.builder().retainOnDelete(true).build()));

        String tree = TreeRenderer.render(graph);

        assertThat(tree).contains("  logs [retain]\n");
    }

    @Test
    void treeMarksProtectedResources() {
        ResourceGraph graph = preview(ctx -> new LogGroup("logs", LogGroupArgs.builder().build(),
                CustomResourceOptions.builder().protect(true).retainOnDelete(true).build()));

        String tree = TreeRenderer.render(graph);

        assertThat(tree).contains("  logs [retain] [protect]\n");
    }

    @Test
    void treeOfEmptyProgramShowsOnlyStack() {
        ResourceGraph graph = preview(ctx -> { });

        String tree = TreeRenderer.render(graph);

        assertThat(tree).isEqualTo("""
                     Type                 Name
                 +   pulumi:pulumi:Stack  audit-dev
                """);
    }

    private static ResourceGraph preview(Consumer<Context> program) {
        return OfflinePreview.builder().projectName("audit").build().run(program).graphOrThrow();
    }
}
