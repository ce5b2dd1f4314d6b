package io.github.securepulumi.pipeline;

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
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
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
 *       whose key policy grants exactly the pipeline role, each CodeBuild stage role, each
 *       CloudFormation action role, and CloudWatch Logs for the stages' log groups;</li>
 *   <li>for a GitHub, GitLab or Bitbucket source, a CodeConnections connection, which an account
 *       administrator must complete once in the console before the first run;</li>
 *   <li>per build or Pulumi deploy stage: a CodeBuild project with its own role, role policy and
 *       KMS-encrypted log group;</li>
 *   <li>per CloudFormation deploy stage: a deployment role that CloudFormation assumes, limited to
 *       the statements you describe, and an action role that the pipeline assumes to create and
 *       execute change sets of that stack only;</li>
 *   <li>when a deploy stage needs approval, an SNS topic encrypted with the key, to which only the
 *       pipeline role may publish, and only over TLS;</li>
 *   <li>the pipeline role, whose policy names this pipeline's bucket, key, source, projects, action
 *       roles and topic only.</li>
 * </ul>
 *
 * <p>Limitations: pull-request triggers, cross-region actions and
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

    /** Variable through which the Pulumi CLI reads its access token. */
    static final String PULUMI_ACCESS_TOKEN = "PULUMI_ACCESS_TOKEN";

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
        reportOptOuts(name, args);

        // Every role exists before the key policy, because KMS rejects a key policy whose principal
        // is a role that does not exist yet (MalformedPolicyDocumentException).
        Role pipelineRole = new Role(name + "-pipeline-role", RoleArgs.builder()
                .description("Lets CodePipeline run pipeline " + physicalName)
                .assumeRolePolicy(policies.pipelineTrustPolicy())
                .tags(tags)
                .build(),
                childOptions(List.of()));
        List<ProjectResources> projects = new ArrayList<>();
        List<ChangeSetResources> changeSets = new ArrayList<>();
        createStageRoles(name, physicalName, args, pipelineRole, policies, tags, projects, changeSets);
        List<Output<String>> actionRoleArns = changeSets.stream().map(c -> c.actionRole.arn()).toList();

        SecureKey key = new SecureKey(name + "-artifacts", SecureKeyArgs.builder()
                .description("Encrypts artifacts, build logs and approval notifications of pipeline " + physicalName)
                .grants(policies.keyGrants(pipelineRole.arn(), projects.stream().map(p -> p.role.arn()).toList(), actionRoleArns,
                        projects.stream().map(ProjectResources::logGroupName).toList()))
                .tags(args.tags())
                .build(),
                ComponentResourceOptions.builder().parent(this).build());
        SecureBucket bucket = new SecureBucket(name + "-artifacts", SecureBucketArgs.builder()
                .kmsKeyArn(key.keyArn)
                .tags(args.tags())
                .build(),
                ComponentResourceOptions.builder().parent(this).build());

        projects.forEach(project -> project.createProject(this, name, key, bucket, policies, args.logRetentionDays(), tags));
        changeSets.forEach(changeSet -> changeSet.createPolicies(this, name, key, bucket, policies));
        Connection connection = args.source().kind().usesConnection() ? connection(name, physicalName, args.source(), tags) : null;
        TopicPolicy topicPolicy = needsApproval(args) ? approvalTopic(name, key, pipelineRole, policies, tags) : null;
        Output<String> topicArn = topicPolicy == null ? null : topicPolicy.arn();

        RolePolicy pipelineRolePolicy = new RolePolicy(name + "-pipeline-role-policy", RolePolicyArgs.builder()
                .role(pipelineRole.id())
                .policy(policies.pipelineRolePolicy(args.source(), bucket.bucketArn, key.keyArn,
                        connection == null ? null : connection.arn(), projects.stream().map(ProjectResources::projectName).toList(),
                        actionRoleArns, topicArn))
                .build(),
                childOptions(List.of()));

        Pipeline pipeline = new Pipeline(name + "-pipeline",
                PipelineDefinition.args(physicalName, args, pipelineRole, bucket, key, connection, topicArn, projects, changeSets, tags),
                childOptions(pipelineDependencies(pipelineRolePolicy, key, projects, changeSets)));

        this.pipelineArn = pipeline.arn();
        this.pipelineName = pipeline.name();
        this.artifactBucketName = bucket.bucketName;
        this.kmsKeyArn = key.keyArn;
        this.pipelineRoleArn = pipelineRole.arn();
        this.connectionArn = connection == null ? Output.of("") : connection.arn();
        this.approvalTopicArn = topicArn == null ? Output.of("") : topicArn;
        this.projectNames = Output.of(projects.stream().map(ProjectResources::projectName).toList());
        registerOutputs(ComponentOutputs.of(this));
    }

    /** Creates each stage's roles, adding them to {@code projects} or {@code changeSets} in stage order. */
    private void createStageRoles(String name, String physicalName, SecurePipelineArgs args, Role pipelineRole,
            PipelinePolicies policies, Map<String, String> tags, List<ProjectResources> projects, List<ChangeSetResources> changeSets) {
        for (PipelineStage stage : args.stages()) {
            if (stage instanceof CodeBuildStage codeBuild) {
                projects.add(ProjectResources.roleFor(this, name, physicalName, codeBuild, policies, tags));
            } else {
                changeSets.add(ChangeSetResources.rolesFor(this, name, (CloudFormationDeployStage) stage, pipelineRole, policies, tags));
            }
        }
    }

    /**
     * Lists the resources the pipeline waits for. CreatePipeline starts a first execution at once, so:
     * <ul>
     *   <li>the role policy: without it the source action fails with insufficient permissions;</li>
     *   <li>the key policy: without the pipeline role's grant, encrypting the source artifact with the
     *       store's key fails with a KMS access-denied error;</li>
     *   <li>each project: the stages name their projects by a fixed name, which carries no dependency,
     *       and a build action whose project does not exist yet fails;</li>
     *   <li>each CloudFormation stage's action and deployment role policies: a change set created while
     *       they are still being attached fails with access denied.</li>
     * </ul>
     */
    private static List<Resource> pipelineDependencies(RolePolicy pipelineRolePolicy, SecureKey key, List<ProjectResources> projects,
            List<ChangeSetResources> changeSets) {
        List<Resource> dependencies = new ArrayList<>();
        dependencies.add(pipelineRolePolicy);
        dependencies.add(key.keyPolicy());
        projects.forEach(project -> dependencies.add(project.project));
        changeSets.forEach(changeSet -> {
            dependencies.add(changeSet.actionRolePolicy);
            dependencies.add(changeSet.deploymentRolePolicy);
        });
        return dependencies;
    }

    private void reportOptOuts(String name, SecurePipelineArgs args) {
        for (PipelineStage stage : args.stages()) {
            if (stage instanceof BuildStage build) {
                build.dockerBuild().ifPresent(justification -> OptOutReporter.report(this, new SecurityOptOut(
                        "SP-PIPELINE-PRIVILEGED", "SecurePipeline \"" + name + "\"", "stages[" + stage.name() + "].dockerBuild",
                        "The build container of stage " + stage.name() + " runs in privileged mode, with root access to the "
                                + "build host's Docker daemon.",
                        justification)));
            }
        }
    }

    private static boolean needsApproval(SecurePipelineArgs args) {
        return args.stages().stream().anyMatch(s -> s instanceof PulumiDeployStage pulumi && pulumi.manualApproval()
                || s instanceof CloudFormationDeployStage cloudFormation && cloudFormation.manualApproval());
    }

    /** Creates the source connection, which stays PENDING until an administrator completes it once in the console. */
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
}
