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
import com.pulumi.resources.CustomResourceOptions;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SummaryRendererTest {

    private static final SecurityOptOut SHORT_RETENTION = new SecurityOptOut("SP-TEST-RETENTION", "Group \"group\"",
            "logRetentionDays", "Logs expire after one day.", Justification.of("ephemeral CI stack, destroyed after each run"));
    private static final SecurityOptOut NO_ENCRYPTION = new SecurityOptOut("SP-TEST-KMS", "Group \"group\"",
            "encryption", "Logs are not encrypted with a customer managed key.",
            Justification.of("the logs hold only synthetic test data"));

    @Test
    void summaryUsesPluralForManyOrNone() {
        ResourceGraph graph = preview(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build());
            new Role("other", RoleArgs.builder().assumeRolePolicy("{}").build(),
                    CustomResourceOptions.builder().dependsOn(logs, role).build());
        });

        String summary = SummaryRenderer.render(graph);

        assertThat(summary).isEqualTo("Preview of audit-dev: 3 resources in 0 components, 2 waves, "
                + "2 explicit and 0 implied dependencies, 0 security opt-outs.\n");
    }

    @Test
    void summaryUsesSingularForOne() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            new LogGroup("logs", LogGroupArgs.builder().name("/audit").build(),
                    CustomResourceOptions.builder().parent(group).build());
            OptOutReporter.report(group, SHORT_RETENTION);
        });

        String summary = SummaryRenderer.render(graph);

        assertThat(summary).startsWith("Preview of audit-dev: 1 resource in 1 component, 1 wave, "
                + "0 explicit and 0 implied dependencies, 1 security opt-out.\n");
    }

    @Test
    void summaryAgreesWithImpliedCount() {
        ResourceGraph graph = preview(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build());
            var other = new Role("other", RoleArgs.builder().assumeRolePolicy("{}").build());
            new Trail("trail", TrailArgs.builder()
                    .s3BucketName("bucket")
                    .cloudWatchLogsGroupArn(logs.arn())
                    .build(),
                    CustomResourceOptions.builder().dependsOn(role, other).build());
        });

        String summary = SummaryRenderer.render(graph);

        assertThat(summary).contains(", 2 explicit and 1 implied dependency, ");
    }

    @Test
    void summaryListsEachOptOut() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            OptOutReporter.report(group, SHORT_RETENTION);
            OptOutReporter.report(group, NO_ENCRYPTION);
        });

        String summary = SummaryRenderer.render(graph);

        assertThat(summary.lines()).containsExactly(
                "Preview of audit-dev: 0 resources in 1 component, 0 waves, "
                        + "0 explicit and 0 implied dependencies, 2 security opt-outs.",
                "  " + SHORT_RETENTION.describe(),
                "  " + NO_ENCRYPTION.describe());
    }

    private static ResourceGraph preview(Consumer<Context> program) {
        return OfflinePreview.builder().projectName("audit").build().run(program).graphOrThrow();
    }
}
