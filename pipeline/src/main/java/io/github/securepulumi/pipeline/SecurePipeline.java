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
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.codestarconnections.ConnectionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.securepulumi.core.ComponentOutputs;
import io.github.securepulumi.core.Tags;
import io.github.securepulumi.security.AwsEnvironment;
import io.github.securepulumi.security.kms.SecureKey;
import io.github.securepulumi.security.kms.SecureKeyArgs;
import io.github.securepulumi.security.s3.SecureBucket;
import io.github.securepulumi.security.s3.SecureBucketArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CodePipeline (V2) that takes source from Git, S3 or CodeCommit, builds it in CodeBuild and
 * deploys it with Pulumi, with least-privilege roles throughout.
 *
 * <p>What it creates:
 * <ul>
 *   <li>an artifact store: a {@link SecureBucket} encrypted with a {@link SecureKey} (rotation on)
 *       whose key policy grants exactly the pipeline role, each stage role, and CloudWatch Logs for
 *       the stages' log groups;</li>
 *   <li>for a GitHub, GitLab or Bitbucket source, a CodeConnections connection, which an account
 *       administrator must complete once in the console before the first run;</li>
 *   <li>per stage: a CodeBuild project with its own role, role policy and KMS-encrypted log group;</li>
 *   <li>when a deploy stage needs approval, an SNS topic encrypted with the key, to which only the
 *       pipeline role may publish, and only over TLS;</li>
 *   <li>the pipeline role, whose policy names this pipeline's bucket, key, source, projects and topic
 *       only.</li>
 * </ul>
 *
 * <p>Limitations: CloudFormation deploy actions, pull-request triggers, cross-region actions and
 * projects in a VPC are not supported. Parameters read by {@code PARAMETER_STORE} variables must be
 * encrypted with the AWS managed key {@code aws/ssm}, because the stage roles get no grant on other
 * keys. S3 and CodeCommit sources rely on CodePipeline's default change detection.
 */
public final class SecurePipeline extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "securepulumi:pipeline:SecurePipeline";

    /** Name of the source stage and of its action, always the first stage. */
    public static final String SOURCE_STAGE = "Source";

    /** Prefix of each stage's log group name; the project name follows it. */
    public static final String LOG_GROUP_PREFIX = "/aws/codebuild/";

    /** ARN of the pipeline. */
    public final Output<String> pipelineArn;

    /** Name of the pipeline. */
    public final Output<String> pipelineName;

    /** Name of the artifact bucket. */
    public final Output<String> artifactBucketName;

    /** ARN of the KMS key that encrypts artifacts, logs and approval notifications. */
    public final Output<String> kmsKeyArn;

    /** ARN of the role CodePipeline assumes. */
    public final Output<String> pipelineRoleArn;

    /** ARN of the source connection; empty for S3 and CodeCommit sources. */
    public final Output<String> connectionArn;

    /** ARN of the approval topic; empty when no stage needs approval. */
    public final Output<String> approvalTopicArn;

    /** Names of the CodeBuild projects, one per stage, in stage order. */
    public final Output<List<String>> projectNames;

    /**
     * Creates the pipeline and everything it needs.
     *
     * @param name    logical name; also the pipeline's name unless {@code pipelineName} is set
     * @param args    inputs; the source and at least one stage are required
     * @param options Pulumi options of the component, or {@code null}
     * @throws io.github.securepulumi.core.InvalidArgsException before anything is registered, listing
     *     every invalid input
     */
    public SecurePipeline(String name, SecurePipelineArgs args, ComponentResourceOptions options) {
        super(TYPE, SecurePipelineValidation.validated(name, args), options);
        String physicalName = args.pipelineName().orElse(name);
        PipelinePolicies policies = new PipelinePolicies(AwsEnvironment.current(), physicalName);
        Map<String, String> tags = Tags.withDefaults(args.tags(), name);

        // Every role exists before the key policy, because KMS rejects a key policy whose principal
        // is a role that does not exist yet (MalformedPolicyDocumentException).
        Role pipelineRole = new Role(name + "-pipeline-role", RoleArgs.builder()
                .description("Lets CodePipeline run pipeline " + physicalName)
                .assumeRolePolicy(policies.pipelineTrustPolicy())
                .tags(tags)
                .build(),
                childOptions(List.of()));
        List<StageResources> stages = new ArrayList<>();
        for (PipelineStage stage : args.stages()) {
            stages.add(StageResources.roleFor(this, name, physicalName, stage, policies, tags));
        }

        SecureKey key = new SecureKey(name + "-artifacts", SecureKeyArgs.builder()
                .description("Encrypts artifacts, build logs and approval notifications of pipeline " + physicalName)
                .grants(policies.keyGrants(pipelineRole.arn(), stages.stream().map(s -> s.role.arn()).toList(),
                        stages.stream().map(StageResources::logGroupName).toList()))
                .tags(args.tags())
                .build(),
                ComponentResourceOptions.builder().parent(this).build());
        SecureBucket bucket = new SecureBucket(name + "-artifacts", SecureBucketArgs.builder()
                .kmsKeyArn(key.keyArn)
                .tags(args.tags())
                .build(),
                ComponentResourceOptions.builder().parent(this).build());

        for (StageResources stage : stages) {
            stage.createProject(this, name, key, bucket, policies, args.logRetentionDays(), tags);
        }
        Connection connection = args.source().kind().usesConnection() ? connection(name, physicalName, args.source(), tags) : null;
        TopicPolicy topicPolicy = needsApproval(args) ? approvalTopic(name, key, pipelineRole, policies, tags) : null;
        Output<String> topicArn = topicPolicy == null ? null : topicPolicy.arn();

        RolePolicy pipelineRolePolicy = new RolePolicy(name + "-pipeline-role-policy", RolePolicyArgs.builder()
                .role(pipelineRole.id())
                .policy(policies.pipelineRolePolicy(args.source(), bucket.bucketArn, key.keyArn,
                        connection == null ? null : connection.arn(), stages.stream().map(StageResources::projectName).toList(), topicArn))
                .build(),
                childOptions(List.of()));

        Pipeline pipeline = new Pipeline(name + "-pipeline",
                PipelineDefinition.args(physicalName, args, pipelineRole, bucket, key, connection, topicArn, stages, tags),
                childOptions(pipelineDependencies(pipelineRolePolicy, key, stages)));

        this.pipelineArn = pipeline.arn();
        this.pipelineName = pipeline.name();
        this.artifactBucketName = bucket.bucketName;
        this.kmsKeyArn = key.keyArn;
        this.pipelineRoleArn = pipelineRole.arn();
        this.connectionArn = connection == null ? Output.of("") : connection.arn();
        this.approvalTopicArn = topicArn == null ? Output.of("") : topicArn;
        this.projectNames = Output.of(stages.stream().map(StageResources::projectName).toList());
        registerOutputs(ComponentOutputs.of(this));
    }

    /**
     * Lists the resources the pipeline waits for. CreatePipeline starts a first execution at once, so:
     * <ul>
     *   <li>the role policy: without it the source action fails with insufficient permissions;</li>
     *   <li>the key policy: without the pipeline role's grant, encrypting the source artifact with the
     *       store's key fails with a KMS access-denied error;</li>
     *   <li>each project: the stages name their projects by a fixed name, which carries no dependency,
     *       and a build action whose project does not exist yet fails.</li>
     * </ul>
     */
    private static List<Resource> pipelineDependencies(RolePolicy pipelineRolePolicy, SecureKey key, List<StageResources> stages) {
        List<Resource> dependencies = new ArrayList<>();
        dependencies.add(pipelineRolePolicy);
        dependencies.add(key.keyPolicy());
        stages.forEach(stage -> dependencies.add(stage.project));
        return dependencies;
    }

    private static boolean needsApproval(SecurePipelineArgs args) {
        return args.stages().stream().anyMatch(s -> s instanceof PulumiDeployStage deploy && deploy.manualApproval());
    }

    /** The connection stays PENDING until an administrator completes the handshake with the provider in the console. */
    private Connection connection(String name, String physicalName, PipelineSource source, Map<String, String> tags) {
        // Connection names are limited to 32 characters.
        String connectionName = physicalName.length() <= 32 ? physicalName : physicalName.substring(0, 32);
        return new Connection(name + "-connection", ConnectionArgs.builder()
                .name(connectionName)
                .providerType(source.kind().providerType())
                .tags(tags)
                .build(),
                childOptions(List.of()));
    }

    private TopicPolicy approvalTopic(String name, SecureKey key, Role pipelineRole, PipelinePolicies policies,
            Map<String, String> tags) {
        Topic topic = new Topic(name + "-approvals", TopicArgs.builder()
                .kmsMasterKeyId(key.keyArn)
                .tags(tags)
                .build(),
                childOptions(List.of()));
        return new TopicPolicy(name + "-approvals-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(policies.topicPolicy(topic.arn(), pipelineRole.arn()))
                .build(),
                childOptions(List.of()));
    }

    CustomResourceOptions childOptions(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build();
    }

    /** The role, log group and project of one stage, created in two steps around the key. */
    static final class StageResources {

        final PipelineStage stage;
        final String projectName;
        final Role role;
        Project project;

        private StageResources(PipelineStage stage, String projectName, Role role) {
            this.stage = stage;
            this.projectName = projectName;
            this.role = role;
        }

        String projectName() {
            return projectName;
        }

        String logGroupName() {
            return LOG_GROUP_PREFIX + projectName;
        }

        String prefix(String componentName) {
            return componentName + "-" + stage.name();
        }

        static StageResources roleFor(SecurePipeline parent, String componentName, String pipelineName, PipelineStage stage,
                PipelinePolicies policies, Map<String, String> tags) {
            // CodeBuild project names accept letters, digits, - and _ only.
            String projectName = (pipelineName + "-" + stage.name()).replaceAll("[^A-Za-z0-9_-]", "-");
            Role role = new Role(componentName + "-" + stage.name() + "-role", RoleArgs.builder()
                    .description("Lets CodeBuild run stage " + stage.name() + " of pipeline " + pipelineName)
                    .assumeRolePolicy(policies.projectTrustPolicy(projectName))
                    .tags(tags)
                    .build(),
                    parent.childOptions(List.of()));
            return new StageResources(stage, projectName, role);
        }

        void createProject(SecurePipeline parent, String componentName, SecureKey key, SecureBucket bucket,
                PipelinePolicies policies, int retentionDays, Map<String, String> tags) {
            String prefix = prefix(componentName);
            List<EnvironmentVariable> variables = variables();

            // CloudWatch Logs checks at creation that its regional principal may use the key; before
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
            // build fails to read its input artifact or secrets; without the log group CodeBuild
            // creates one itself, unencrypted and kept forever, or fails because the role may not.
            this.project = new Project(prefix + "-project", projectArgs(key, variables, tags),
                    parent.childOptions(List.of(rolePolicy, logGroup)));
        }

        private ProjectArgs projectArgs(SecureKey key, List<EnvironmentVariable> variables, Map<String, String> tags) {
            boolean docker = stage instanceof BuildStage build && build.dockerBuild();
            String buildspec = stage instanceof BuildStage build ? build.buildspec() : PulumiBuildspec.render((PulumiDeployStage) stage);
            String computeType = stage instanceof BuildStage build ? build.computeType() : "BUILD_GENERAL1_SMALL";
            return ProjectArgs.builder()
                    .name(projectName)
                    .description("Stage " + stage.name() + " of a securepulumi pipeline")
                    .serviceRole(role.arn())
                    // CodeBuild needs the key's ARN here; a key id makes the build fail to encrypt artifacts.
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

        /** The stage's variables, plus {@code PULUMI_ACCESS_TOKEN} read from its store for a deploy stage. */
        private List<EnvironmentVariable> variables() {
            List<EnvironmentVariable> variables = new ArrayList<>(stage.environmentVariables());
            if (stage instanceof PulumiDeployStage deploy) {
                deploy.accessTokenSecretArn().ifPresent(arn ->
                        variables.add(EnvironmentVariable.secretsManager(PULUMI_ACCESS_TOKEN, arn)));
                deploy.accessTokenParameterName().ifPresent(parameter ->
                        variables.add(EnvironmentVariable.parameterStore(PULUMI_ACCESS_TOKEN, parameter)));
            }
            return variables;
        }
    }

    /** Variable through which the Pulumi CLI reads its access token. */
    static final String PULUMI_ACCESS_TOKEN = "PULUMI_ACCESS_TOKEN";
}
