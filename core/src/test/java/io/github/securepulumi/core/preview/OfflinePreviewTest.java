package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflinePreviewTest {

    private static final String TRAIL = "aws:cloudtrail/trail:Trail";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String ROLE = "aws:iam/role:Role";

    @Test
    void recordsExplicitAndImpliedDependencies() {
        ResourceGraph graph = OfflinePreview.builder().build().run(TestPrograms::logsRoleTrail).graphOrThrow();

        ResourceNode trail = graph.get(TRAIL, "trail");
        assertThat(trail.dependsOn()).containsExactly(ResourceNode.keyOf(ROLE, "role"));
        assertThat(trail.impliedDependsOn()).containsExactly(ResourceNode.keyOf(LOG_GROUP, "logs"));
        assertThat(graph.waitsFor(trail, graph.get(LOG_GROUP, "logs"))).isTrue();
        assertThat(graph.waitsFor(graph.get(ROLE, "role"), trail)).isFalse();
    }

    @Test
    void recordsDependenciesImpliedByNestedOutputs() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var bucket = new BucketV2("data");
            new Trail("trail", TrailArgs.builder()
                    .s3BucketName("bucket")
                    .advancedEventSelectors(TrailAdvancedEventSelectorArgs.builder()
                            .fieldSelectors(TrailAdvancedEventSelectorFieldSelectorArgs.builder()
                                    .field("resources.ARN")
                                    .startsWiths(bucket.arn().applyValue(arn -> List.of(arn + "/")))
                                    .build())
                            .build())
                    .build());
        }).graphOrThrow();

        assertThat(graph.get(TRAIL, "trail").impliedDependsOn()).containsExactly(ResourceNode.keyOf("aws:s3/bucketV2:BucketV2", "data"));
    }

    @Test
    void logGroupArnHasNoWildcardSuffix() {
        ResourceGraph graph = OfflinePreview.builder().build()
                .run(ctx -> new LogGroup("logs", LogGroupArgs.builder().name("/audit").build()))
                .graphOrThrow();

        assertThat(graph.get(LOG_GROUP, "logs").output("arn"))
                .contains("arn:aws:logs:us-east-1:123456789012:log-group:/audit");
    }

    @Test
    void resolvesInputsThatComeFromOutputs() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            new Trail("trail", TrailArgs.builder()
                    .s3BucketName("bucket")
                    .cloudWatchLogsGroupArn(logs.arn().applyValue(arn -> arn + ":*"))
                    .build());
        }).graphOrThrow();

        assertThat(graph.get(TRAIL, "trail").inputString("cloudWatchLogsGroupArn"))
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/audit:*");
    }

    @Test
    void autoNamesBucketsDeterministically() {
        OfflinePreview preview = OfflinePreview.builder().build();

        String first = (String) preview.run(ctx -> new BucketV2("logs")).graphOrThrow()
                .get("aws:s3/bucketV2:BucketV2", "logs").output("bucket").orElseThrow();
        String second = (String) preview.run(ctx -> new BucketV2("logs")).graphOrThrow()
                .get("aws:s3/bucketV2:BucketV2", "logs").output("bucket").orElseThrow();

        assertThat(first).matches("logs-[0-9a-f]{7}").isEqualTo(second);
    }

    @Test
    void recordsParentsOfComponentChildren() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var component = new ComponentResource("test:index:Group", "group");
            new LogGroup("group-logs", LogGroupArgs.builder().build(),
                    CustomResourceOptions.builder().parent(component).build());
        }).graphOrThrow();

        ResourceNode group = graph.get("test:index:Group", "group");
        assertThat(group.component()).isTrue();
        assertThat(graph.children(group)).extracting(ResourceNode::name).containsExactly("group-logs");
        assertThat(graph.customResources()).extracting(ResourceNode::name).containsExactly("group-logs");
    }

    @Test
    void returnsProgramFailureWithoutThrowing() {
        PreviewResult result = OfflinePreview.builder().build().run(ctx -> {
            throw new IllegalArgumentException("bad input");
        });

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("bad input");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void resolvesStackOutputs() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            ctx.export("logGroupName", logs.name());
            ctx.export("constant", Output.of(3));
        }).graphOrThrow();

        assertThat(graph.stackOutputs()).containsEntry("logGroupName", "/audit");
    }

    @Test
    void recordsInputWithNestedSecretAsSecret() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> new Function("handler", FunctionArgs.builder()
                .role("arn:aws:iam::123456789012:role/handler")
                .runtime("java17")
                .environment(FunctionEnvironmentArgs.builder()
                        .variables(Output.ofSecret(Map.of("API_TOKEN", "s3cr3t")))
                        .build())
                .build())).graphOrThrow();

        ResourceNode function = graph.get("aws:lambda/function:Function", "handler");
        assertThat(function.secretProperties()).containsExactly("environment");
    }

    @Test
    void recordsWhichStackOutputsAreSecret() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            ctx.export("password", Output.ofSecret("s3cr3t"));
            ctx.export("region", Output.of("us-east-1"));
        }).graphOrThrow();

        assertThat(graph.secretStackOutputs()).containsExactly("password");
    }

    @Test
    void leavesOutStackOutputThatFailed() {
        PreviewResult result = OfflinePreview.builder().build().run(ctx -> {
            ctx.export("broken", Output.of("x").applyValue(x -> {
                throw new IllegalStateException("cannot resolve");
            }));
            ctx.export("fine", Output.of("y"));
        });

        assertThat(result.graph().stackOutputs()).containsOnlyKeys("fine");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void outputOfSecretInputStaysSecret() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var parameter = new Parameter("token", ParameterArgs.builder()
                    .name("/app/token").type("SecureString").value(Output.ofSecret("s3cr3t-value")).build());
            ctx.export("tokenValue", parameter.value());
            ctx.export("tokenName", parameter.name());
        }).graphOrThrow();

        assertThat(graph.secretStackOutputs()).containsExactly("tokenValue");
        assertThat(JsonRenderer.render(graph)).doesNotContain("s3cr3t-value");
    }

    @Test
    void groupsIndependentResourcesIntoOneWave() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build());
            new Trail("trail", TrailArgs.builder()
                    .s3BucketName("bucket")
                    .cloudWatchLogsGroupArn(logs.arn())
                    .cloudWatchLogsRoleArn(role.arn())
                    .build());
        }).graphOrThrow();

        assertThat(graph.waves()).hasSize(2);
        assertThat(graph.waves().get(0)).extracting(ResourceNode::name).containsExactly("logs", "role");
        assertThat(graph.waves().get(1)).extracting(ResourceNode::name).containsExactly("trail");
    }
}
