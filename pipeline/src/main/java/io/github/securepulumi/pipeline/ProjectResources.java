package io.github.securepulumi.pipeline;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentEnvironmentVariableArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import io.github.securepulumi.security.kms.SecureKey;
import io.github.securepulumi.security.s3.SecureBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The role, log group and project of one stage, created in two steps around the key. */
final class ProjectResources {

    final CodeBuildStage stage;
    final String projectName;
    final Role role;
    Project project;

    private ProjectResources(CodeBuildStage stage, String projectName, Role role) {
        this.stage = stage;
        this.projectName = projectName;
        this.role = role;
    }

    String projectName() {
        return projectName;
    }

    /** Derives the project's name; CodeBuild project names accept letters, digits, - and _ only. */
    static String projectName(String pipelineName, PipelineStage stage) {
        return (pipelineName + "-" + stage.name()).replaceAll("[^A-Za-z0-9_-]", "-");
    }

    String logGroupName() {
        return SecurePipeline.LOG_GROUP_PREFIX + projectName;
    }

    String prefix(String componentName) {
        return componentName + "-" + stage.name();
    }

    static ProjectResources roleFor(SecurePipeline parent, String componentName, String pipelineName, CodeBuildStage stage,
            PipelinePolicies policies, Map<String, String> tags) {
        String projectName = projectName(pipelineName, stage);
        Role role = new Role(componentName + "-" + stage.name() + "-role", RoleArgs.builder()
                .description("Lets CodeBuild run stage " + stage.name() + " of pipeline " + pipelineName)
                .assumeRolePolicy(policies.projectTrustPolicy(projectName))
                .tags(tags)
                .build(),
                parent.childOptions(List.of()));
        return new ProjectResources(stage, projectName, role);
    }

    void createProject(SecurePipeline parent, String componentName, SecureKey key, SecureBucket bucket,
            PipelinePolicies policies, int retentionDays, Map<String, String> tags) {
        String prefix = prefix(componentName);
        List<EnvironmentVariable> variables = variables();

        // CloudWatch Logs checks at creation that its regional principal may use the key. Before
        // the key policy is in place, CreateLogGroup fails with an access-denied error.
        LogGroup logGroup = new LogGroup(prefix + "-logs", LogGroupArgs.builder()
                .name(logGroupName())
                .retentionInDays(retentionDays)
                .kmsKeyId(key.keyArn)
                .tags(tags)
                .build(),
                parent.childOptions(List.of(key.keyPolicy())));
        RolePolicy rolePolicy = new RolePolicy(prefix + "-role-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(policies.stageRolePolicy(stage, logGroup.arn(), bucket.bucketArn, key.keyArn, variables))
                .build(),
                parent.childOptions(List.of()));

        // The pipeline may start a build as soon as the project exists. Without the role policy the
        // build cannot read its input artifact or secrets. Without the log group, CodeBuild tries to
        // create it with the stage role, which lacks logs:CreateLogGroup, so the build fails.
        this.project = new Project(prefix + "-project", projectArgs(key, variables, tags),
                parent.childOptions(List.of(rolePolicy, logGroup)));
    }

    private ProjectArgs projectArgs(SecureKey key, List<EnvironmentVariable> variables, Map<String, String> tags) {
        boolean docker = stage instanceof BuildStage build && build.dockerBuild().isPresent();
        String buildspec = stage instanceof BuildStage build ? build.buildspec() : PulumiBuildspec.render((PulumiDeployStage) stage);
        String computeType = stage instanceof BuildStage build ? build.computeType() : "BUILD_GENERAL1_SMALL";
        return ProjectArgs.builder()
                .name(projectName)
                .description("Stage " + stage.name() + " of a securepulumi pipeline")
                .serviceRole(role.arn())
                // CodeBuild documents a key ARN or an alias here, not a key id, so the ARN is passed.
                .encryptionKey(key.keyArn)
                .buildTimeout(stage.buildTimeoutMinutes())
                .queuedTimeout(stage.queuedTimeoutMinutes())
                .source(ProjectSourceArgs.builder().type("CODEPIPELINE").buildspec(buildspec).build())
                .artifacts(ProjectArtifactsArgs.builder().type("CODEPIPELINE").build())
                .environment(ProjectEnvironmentArgs.builder()
                        .type("LINUX_CONTAINER")
                        .computeType(computeType)
                        .image(stage.image())
                        .imagePullCredentialsType("CODEBUILD")
                        .privilegedMode(docker)
                        .environmentVariables(variables.stream().map(v -> ProjectEnvironmentEnvironmentVariableArgs.builder()
                                .name(v.name()).type(v.type().name()).value(v.value()).build()).toList())
                        .build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .status("ENABLED")
                                .groupName(logGroupName())
                                .build())
                        .build())
                .tags(tags)
                .build();
    }

    /** Lists the stage's variables, plus {@code PULUMI_ACCESS_TOKEN} read from its store for a deploy stage. */
    private List<EnvironmentVariable> variables() {
        List<EnvironmentVariable> variables = new ArrayList<>(stage.environmentVariables());
        if (stage instanceof PulumiDeployStage deploy) {
            deploy.accessTokenSecretArn().ifPresent(arn ->
                    variables.add(EnvironmentVariable.secretsManager(SecurePipeline.PULUMI_ACCESS_TOKEN, arn)));
            deploy.accessTokenParameterName().ifPresent(parameter ->
                    variables.add(EnvironmentVariable.parameterStore(SecurePipeline.PULUMI_ACCESS_TOKEN, parameter)));
        }
        return variables;
    }
}
