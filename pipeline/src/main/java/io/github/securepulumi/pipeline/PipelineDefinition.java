package io.github.securepulumi.pipeline;

import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushBranchesArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushFilePathsArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushTagsArgs;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import io.github.securepulumi.security.kms.SecureKey;
import io.github.securepulumi.security.s3.SecureBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The stages, triggers and artifact store of a {@link SecurePipeline}'s CodePipeline resource. */
final class PipelineDefinition {

    /** CodePipeline's source action for GitHub, GitLab and Bitbucket connections. */
    static final String CONNECTION_PROVIDER = "CodeStarSourceConnection";

    private PipelineDefinition() {
    }

    static PipelineArgs args(String physicalName, SecurePipelineArgs args, Role pipelineRole, SecureBucket bucket,
            SecureKey key, Connection connection, Output<String> topicArn, List<ProjectResources> projects,
            List<ChangeSetResources> changeSets, Map<String, String> tags) {
        List<PipelineStageArgs> stageArgs = new ArrayList<>();
        stageArgs.add(sourceStage(args.source(), connection));
        int project = 0;
        int changeSet = 0;
        for (PipelineStage stage : args.stages()) {
            stageArgs.add(stage instanceof CodeBuildStage
                    ? codeBuildStage(projects.get(project++), topicArn)
                    : changeSetStage(changeSets.get(changeSet++), topicArn));
        }
        PipelineArgs.Builder pipeline = PipelineArgs.builder()
                .name(physicalName)
                .pipelineType("V2")
                .roleArn(pipelineRole.arn())
                .artifactStores(PipelineArtifactStoreArgs.builder()
                        .type("S3")
                        .location(bucket.bucketName)
                        // The key's ARN, which also names the key's account and region, unlike a key id.
                        .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder().type("KMS").id(key.keyArn).build())
                        .build())
                .stages(stageArgs)
                .tags(tags);
        if (!args.pushFilters().isEmpty()) {
            pipeline.triggers(trigger(args.pushFilters()));
        }
        return pipeline.build();
    }

    private static PipelineStageArgs sourceStage(PipelineSource source, Connection connection) {
        PipelineStageActionArgs.Builder action = PipelineStageActionArgs.builder()
                .name(SecurePipeline.SOURCE_STAGE)
                .category("Source")
                .version("1")
                .outputArtifacts(source.outputArtifact());
        switch (source.kind()) {
            case GITHUB, GITLAB, BITBUCKET -> action.owner("AWS").provider(CONNECTION_PROVIDER)
                    .configuration(connection.arn().applyValue(arn -> Map.of(
                            "ConnectionArn", arn,
                            "FullRepositoryId", source.location(),
                            "BranchName", source.reference(),
                            "OutputArtifactFormat", "CODE_ZIP")));
            case S3 -> action.owner("AWS").provider("S3")
                    .configuration(Map.of("S3Bucket", source.location(), "S3ObjectKey", source.reference()));
            case CODECOMMIT -> action.owner("AWS").provider("CodeCommit")
                    .configuration(Map.of("RepositoryName", source.location(), "BranchName", source.reference()));
        }
        return PipelineStageArgs.builder().name(SecurePipeline.SOURCE_STAGE).actions(action.build()).build();
    }

    private static PipelineStageActionArgs approval(String stackName, String stageName, Output<String> topicArn) {
        String message = "Approve deploying stack " + stackName + " with pipeline stage " + stageName + ".";
        return PipelineStageActionArgs.builder()
                .name("Approve")
                .category("Approval")
                .owner("AWS")
                .provider("Manual")
                .version("1")
                .runOrder(1)
                .configuration(topicArn.applyValue(arn -> Map.of("NotificationArn", arn, "CustomData", message)))
                .build();
    }

    private static PipelineStageArgs codeBuildStage(ProjectResources resources, Output<String> topicArn) {
        CodeBuildStage stage = resources.stage;
        List<PipelineStageActionArgs> actions = new ArrayList<>();
        int runOrder = 1;
        if (stage instanceof PulumiDeployStage deploy && deploy.manualApproval()) {
            actions.add(approval(deploy.stackName(), stage.name(), topicArn));
            runOrder++;
        }
        PipelineStageActionArgs.Builder build = PipelineStageActionArgs.builder()
                .name(stage instanceof BuildStage b ? b.actionName().orElse(stage.name()) : stage.name())
                .category("Build")
                .owner("AWS")
                .provider("CodeBuild")
                .version("1")
                .runOrder(runOrder)
                .inputArtifacts(stage.inputArtifact())
                .configuration(Map.of("ProjectName", resources.projectName));
        if (stage instanceof BuildStage b) {
            build.outputArtifacts(b.outputArtifact());
        }
        actions.add(build.build());
        return PipelineStageArgs.builder().name(stage.name()).actions(actions).build();
    }

    /** Creates the change set with the deployment role, then executes it; both as the stage's action role. */
    private static PipelineStageArgs changeSetStage(ChangeSetResources resources, Output<String> topicArn) {
        CloudFormationDeployStage stage = resources.stage;
        List<PipelineStageActionArgs> actions = new ArrayList<>();
        int runOrder = 1;
        if (stage.manualApproval()) {
            actions.add(approval(stage.stackName(), stage.name(), topicArn));
            runOrder++;
        }
        actions.add(PipelineStageActionArgs.builder()
                .name("CreateChangeSet")
                .category("Deploy")
                .owner("AWS")
                .provider("CloudFormation")
                .version("1")
                .runOrder(runOrder)
                .roleArn(resources.actionRole.arn())
                .inputArtifacts(stage.inputArtifact())
                .configuration(resources.deploymentRole.arn().applyValue(roleArn -> createChangeSet(stage, roleArn)))
                .build());
        actions.add(PipelineStageActionArgs.builder()
                .name("ExecuteChangeSet")
                .category("Deploy")
                .owner("AWS")
                .provider("CloudFormation")
                .version("1")
                .runOrder(runOrder + 1)
                .roleArn(resources.actionRole.arn())
                .configuration(Map.of(
                        "ActionMode", "CHANGE_SET_EXECUTE",
                        "StackName", stage.stackName(),
                        "ChangeSetName", stage.changeSetName()))
                .build());
        return PipelineStageArgs.builder().name(stage.name()).actions(actions).build();
    }

    private static Map<String, String> createChangeSet(CloudFormationDeployStage stage, String deploymentRoleArn) {
        Map<String, String> configuration = new TreeMap<>();
        configuration.put("ActionMode", "CHANGE_SET_REPLACE");
        configuration.put("StackName", stage.stackName());
        configuration.put("ChangeSetName", stage.changeSetName());
        configuration.put("TemplatePath", stage.inputArtifact() + "::" + stage.templatePath());
        configuration.put("RoleArn", deploymentRoleArn);
        if (!stage.capabilities().isEmpty()) {
            configuration.put("Capabilities", String.join(",", stage.capabilities()));
        }
        return configuration;
    }

    private static PipelineTriggerArgs trigger(List<PushFilter> filters) {
        List<PipelineTriggerGitConfigurationPushArgs> pushes = new ArrayList<>();
        for (PushFilter filter : filters) {
            PipelineTriggerGitConfigurationPushArgs.Builder push = PipelineTriggerGitConfigurationPushArgs.builder();
            if (filter.hasBranches()) {
                var branches = PipelineTriggerGitConfigurationPushBranchesArgs.builder();
                ifNotEmpty(filter.branchesInclude(), branches::includes);
                ifNotEmpty(filter.branchesExclude(), branches::excludes);
                push.branches(branches.build());
            }
            if (filter.hasFilePaths()) {
                var filePaths = PipelineTriggerGitConfigurationPushFilePathsArgs.builder();
                ifNotEmpty(filter.filePathsInclude(), filePaths::includes);
                ifNotEmpty(filter.filePathsExclude(), filePaths::excludes);
                push.filePaths(filePaths.build());
            }
            if (filter.hasTags()) {
                var tags = PipelineTriggerGitConfigurationPushTagsArgs.builder();
                ifNotEmpty(filter.tagsInclude(), tags::includes);
                ifNotEmpty(filter.tagsExclude(), tags::excludes);
                push.tags(tags.build());
            }
            pushes.add(push.build());
        }
        return PipelineTriggerArgs.builder()
                .providerType(CONNECTION_PROVIDER)
                .gitConfiguration(PipelineTriggerGitConfigurationArgs.builder()
                        .sourceActionName(SecurePipeline.SOURCE_STAGE)
                        .pushes(pushes)
                        .build())
                .build();
    }

    /** Sets a pattern list only when it has patterns, because CodePipeline rejects an empty list. */
    private static void ifNotEmpty(List<String> patterns, Consumer<List<String>> setter) {
        if (!patterns.isEmpty()) {
            setter.accept(patterns);
        }
    }
}
