package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.github.securepulumi.core.ComponentOutputs;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecurePipelineDefaultsTest {

    private static PipelineStack stack;

    @BeforeAll
    static void preview() {
        stack = PipelineStack.of(SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub("my-org/my-app", "main"))
                .addStages(BuildStage.builder().buildspec("version: 0.2\n").build())
                .build());
    }

    @Test
    void pipelineIsNamedAfterComponent() {
        assertThat(stack.pipeline().inputString("name")).isEqualTo(PipelineStack.NAME);
    }

    @Test
    void pipelineIsVersion2() {
        assertThat(stack.pipeline().inputString("pipelineType")).isEqualTo("V2");
    }

    @Test
    void artifactStoreUsesKeyArn() {
        assertThat(stack.pipeline().input("artifactStores")).contains(List.of(Map.of(
                "type", "S3",
                "location", stack.output(stack.bucket(), "bucket"),
                "encryptionKey", Map.of("type", "KMS", "id", stack.keyArn()))));
    }

    @Test
    void keyRotatesAndIsRetained() {
        assertThat(stack.key().input("enableKeyRotation")).describedAs("key rotation").contains(true);
        assertThat(stack.key().retainOnDelete()).isTrue();
    }

    @Test
    void noTriggerByDefault() {
        assertThat(stack.pipeline().input("triggers")).isEmpty();
    }

    @Test
    void buildStageNamesDefault() {
        List<?> stages = (List<?>) stack.pipeline().input("stages").orElseThrow();
        Map<?, ?> build = (Map<?, ?>) stages.get(1);
        Map<?, ?> action = (Map<?, ?>) ((List<?>) build.get("actions")).get(0);

        assertThat(build.get("name")).isEqualTo("Build");
        assertThat(action.get("name")).isEqualTo("Build");
        assertThat(action.get("inputArtifacts")).isEqualTo(List.of("Source"));
        assertThat(action.get("outputArtifacts")).isEqualTo(List.of("BuildOutput"));
        assertThat(action.get("configuration")).isEqualTo(Map.of("ProjectName", "app-Build"));
    }

    @Test
    void sourceStageComesFirst() {
        List<?> stages = (List<?>) stack.pipeline().input("stages").orElseThrow();

        assertThat(((Map<?, ?>) stages.get(0)).get("name")).isEqualTo("Source");
        assertThat(stages).hasSize(2);
    }

    @Test
    void projectUsesPinnedImage() {
        assertThat(environment().get("image")).isEqualTo("aws/codebuild/amazonlinux2-x86_64-standard:5.0");
        assertThat(environment().get("computeType")).isEqualTo("BUILD_GENERAL1_SMALL");
    }

    @Test
    void projectIsNotPrivileged() {
        assertThat(environment().get("privilegedMode")).describedAs("privileged mode off without a Docker build").isEqualTo(false);
    }

    @Test
    void dockerBuildTurnsOnPrivilegedMode() {
        PipelineStack docker = PipelineStack.of(SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub("my-org/my-app", "main"))
                .addStages(BuildStage.builder().buildspec("version: 0.2\n")
                        .dockerBuild(Justification.of("the build produces the service's container image"))
                        .build())
                .build());

        Map<?, ?> environment = (Map<?, ?>) docker.project("Build").input("environment").orElseThrow();
        assertThat(environment.get("privilegedMode")).isEqualTo(true);
        assertThat(docker.graph.optOuts()).singleElement().satisfies(optOut -> {
            assertThat(optOut.ruleId()).isEqualTo("SP-PIPELINE-PRIVILEGED");
            assertThat(optOut.input()).isEqualTo("stages[Build].dockerBuild");
            assertThat(optOut.justification().text()).isEqualTo("the build produces the service's container image");
        });
    }

    @Test
    void defaultPipelineReportsNoOptOut() {
        assertThat(stack.graph.optOuts()).isEmpty();
    }

    @Test
    void projectTimeoutsAreOneHour() {
        assertThat(((Number) stack.project("Build").input("buildTimeout").orElseThrow()).intValue()).isEqualTo(60);
        assertThat(((Number) stack.project("Build").input("queuedTimeout").orElseThrow()).intValue()).isEqualTo(60);
    }

    @Test
    void projectEncryptsWithKeyArnNotId() {
        assertThat(stack.project("Build").inputString("encryptionKey")).isEqualTo(stack.keyArn()).startsWith("arn:aws:kms:");
    }

    @Test
    void projectWritesToItsOwnLogGroup() {
        assertThat(stack.project("Build").input("logsConfig")).contains(Map.of("cloudwatchLogs",
                Map.of("status", "ENABLED", "groupName", "/aws/codebuild/app-Build")));
        assertThat(stack.logGroup("Build").inputString("name")).isEqualTo("/aws/codebuild/app-Build");
    }

    @Test
    void projectRunsAsItsStageRole() {
        assertThat(stack.project("Build").inputString("serviceRole")).isEqualTo(stack.output(stack.stageRole("Build"), "arn"));
        assertThat(stack.project("Build").inputString("name")).isEqualTo("app-Build");
    }

    @Test
    void logGroupKeepsLogsOneYearEncrypted() {
        assertThat(((Number) stack.logGroup("Build").input("retentionInDays").orElseThrow()).intValue()).isEqualTo(365);
        assertThat(stack.logGroup("Build").inputString("kmsKeyId")).isEqualTo(stack.keyArn());
    }

    @Test
    void connectionUsesSourceProvider() {
        assertThat(stack.connection().inputString("providerType")).isEqualTo("GitHub");
        assertThat(stack.connection().inputString("name")).isEqualTo(PipelineStack.NAME);
    }

    @Test
    void noApprovalTopicWithoutApproval() {
        assertThat(stack.graph.ofType(PipelineStack.TOPIC)).isEmpty();
        assertThat(stack.policy(stack.pipelineRolePolicy(), "policy").sids()).doesNotContain("NotifyApprovers");
    }

    @Test
    void artifactBucketIsASecureBucket() {
        assertThat(stack.graph.find("securepulumi:security:SecureBucket", "app-artifacts")).isPresent();
        assertThat(stack.graph.get("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "app-artifacts-encryption").input("rules").orElseThrow().toString()).contains(stack.keyArn());
    }

    @Test
    void pulumiDeployDefaultsToSourceAndNoApproval() {
        PulumiDeployStage deploy = PulumiDeployStage.builder().stackName("my-org/app/prod").pulumiCliVersion("3.118.0")
                .pulumiCliSha256(PipelineStack.TEST_SHA256).accessTokenSecretArn(PipelineStack.TOKEN_SECRET_ARN).build();

        assertThat(deploy.name()).isEqualTo("Deploy-my-org-app-prod");
        assertThat(deploy.inputArtifact()).isEqualTo("Source");
        assertThat(deploy.manualApproval()).isFalse();
        assertThat(deploy.permissions()).isEmpty();
        assertThat(deploy.image()).isEqualTo(AbstractBuildStage.DEFAULT_IMAGE);
        assertThat(deploy.buildTimeoutMinutes()).isEqualTo(60);
        assertThat(deploy.queuedTimeoutMinutes()).isEqualTo(60);
    }

    @Test
    void cloudFormationDeployDefaults() {
        CloudFormationDeployStage deploy = CloudFormationDeployStage.builder().stackName("my-app-prod").templatePath("template.yaml")
                .addPermissions(DeployPermission.of("Queue", List.of("sqs:CreateQueue"), List.of("arn:aws:sqs:us-east-1:123456789012:q")))
                .build();

        assertThat(deploy.name()).isEqualTo("Deploy-my-app-prod");
        assertThat(deploy.inputArtifact()).isEqualTo("BuildOutput");
        assertThat(deploy.capabilities()).isEmpty();
        assertThat(deploy.manualApproval()).isFalse();
        assertThat(deploy.changeSetName()).isEqualTo("securepulumi-pipeline");
    }

    @Test
    void buildStageDefaults() {
        BuildStage build = BuildStage.builder().buildspec("version: 0.2\n").build();

        assertThat(build.name()).isEqualTo("Build");
        assertThat(build.actionName()).isEmpty();
        assertThat(build.inputArtifact()).isEqualTo("Source");
        assertThat(build.outputArtifact()).isEqualTo("BuildOutput");
        assertThat(build.dockerBuild()).isEmpty();
        assertThat(build.environmentVariables()).isEmpty();
        assertThat(BuildStage.builder().buildspec("x").name("Unit.Tests").build().outputArtifact()).isEqualTo("Unit-TestsOutput");
    }

    @Test
    void argsDefaultRetentionAndNoFilters() {
        SecurePipelineArgs args = SecurePipelineArgs.builder().source(PipelineSource.s3("bucket-name", "app.zip")).build();

        assertThat(args.logRetentionDays()).isEqualTo(365);
        assertThat(args.pushFilters()).isEmpty();
        assertThat(args.source().outputArtifact()).isEqualTo("Source");
    }

    @Test
    void outputFieldsMatchRegisteredOutputs() {
        AtomicReference<Map<String, Output<?>>> registered = new AtomicReference<>();
        OfflinePreview.builder().build().run(ctx -> registered.set(ComponentOutputs.of(
                new SecurePipeline("app", PipelineStack.typicalArgs(), null)))).graphOrThrow();

        assertThat(registered.get()).containsOnlyKeys("pipelineArn", "pipelineName", "artifactBucketName", "kmsKeyArn",
                "pipelineRoleArn", "connectionArn", "approvalTopicArn", "projectNames");
    }

    private static Map<?, ?> environment() {
        ResourceNode project = stack.project("Build");
        return (Map<?, ?>) project.input("environment").orElseThrow();
    }
}
