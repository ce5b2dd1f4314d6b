package io.github.securepulumi.pipeline;

import com.pulumi.core.Output;
import io.github.securepulumi.security.AwsEnvironment;
import io.github.securepulumi.security.iam.LeastPrivilegePolicyBuilder;
import io.github.securepulumi.security.kms.KeyGrant;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy documents of one pipeline: who may assume its roles, what each role may do, who may
 * use its key and publish to its approval topic.
 *
 * <p>Pipeline and project ARNs are computed from their fixed names before the resources exist,
 * because trust policies must name them before the pipeline and projects are created.
 */
final class PipelinePolicies {

    static final String CODEPIPELINE = "codepipeline.amazonaws.com";
    static final String CODEBUILD = "codebuild.amazonaws.com";
    static final String CLOUDFORMATION = "cloudformation.amazonaws.com";

    /** Actions a role needs to read and write artifacts encrypted with the pipeline's key. */
    static final List<String> KEY_ACTIONS = List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey");
    static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject");
    static final List<String> BUCKET_ACTIONS = List.of("s3:GetBucketLocation", "s3:GetBucketVersioning");

    private final AwsEnvironment aws;
    private final String pipelineName;

    PipelinePolicies(AwsEnvironment aws, String pipelineName) {
        this.aws = aws;
        this.pipelineName = pipelineName;
    }

    /** ARN the pipeline will have: {@code arn:P:codepipeline:REGION:ACCOUNT:NAME}. */
    Output<String> pipelineArn() {
        return aws.regionalArn("codepipeline", pipelineName);
    }

    /** ARN a CodeBuild project of this name will have. */
    Output<String> projectArn(String projectName) {
        return aws.regionalArn("codebuild", "project/" + projectName);
    }

    /** ARN of a log group of this name, in the bare form the provider returns. */
    Output<String> logGroupArn(String logGroupName) {
        return aws.regionalArn("logs", "log-group:" + logGroupName);
    }

    /** ARN of an SSM parameter given by name, with or without a leading slash. */
    Output<String> parameterArn(String parameterName) {
        String resource = parameterName.startsWith("/") ? "parameter" + parameterName : "parameter/" + parameterName;
        return aws.regionalArn("ssm", resource);
    }

    /** Trust policy: only CodePipeline, acting for this pipeline in this account, may assume the pipeline role. */
    Output<String> pipelineTrustPolicy() {
        return LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("CodePipelineAssumeRole", s -> s
                        .servicePrincipal(CODEPIPELINE)
                        .actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceAccount", aws.accountId())
                        .condition("StringEquals", "aws:SourceArn", pipelineArn()))
                .build();
    }

    /** Trust policy: only CodeBuild, running this project in this account, may assume a stage role. */
    Output<String> projectTrustPolicy(String projectName) {
        return LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("CodeBuildAssumeRole", s -> s
                        .servicePrincipal(CODEBUILD)
                        .actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceAccount", aws.accountId())
                        .condition("StringEquals", "aws:SourceArn", projectArn(projectName)))
                .build();
    }

    /**
     * The pipeline role's policy: artifacts in its bucket and key, its source, its projects and, when a
     * stage needs approval, its topic.
     *
     * @param connectionArn the connection's ARN, or {@code null} for S3 and CodeCommit sources
     * @param topicArn      the approval topic's ARN, or {@code null} when no stage needs approval
     */
    Output<String> pipelineRolePolicy(PipelineSource source, Output<String> bucketArn, Output<String> keyArn,
            Output<String> connectionArn, List<String> projectNames, List<Output<String>> actionRoleArns, Output<String> topicArn) {
        LeastPrivilegePolicyBuilder policy = LeastPrivilegePolicyBuilder.identityPolicy();
        addArtifactStatements(policy, bucketArn, keyArn);
        switch (source.kind()) {
            // Connections created since 2024 have codeconnections ARNs; IAM accepts either prefix
            // for them, and both are granted so that the policy works for connections of both ages.
            case GITHUB, GITLAB, BITBUCKET -> {
                // CodeStar Connections was renamed CodeConnections in 2024. A connection's ARN carries
                // the prefix it was created under, and the IAM catalog lists UseConnection only on ARNs
                // of the action's own prefix, so each prefix gets the action on the ARN written in it.
                // NOTE: which of the two statements AWS evaluates was not checked against a live account.
                policy.allow("UseSourceConnection", s -> s
                        .actions("codeconnections:UseConnection")
                        .resources(withServicePrefix(connectionArn, "codeconnections")));
                policy.allow("UseSourceConnectionLegacyPrefix", s -> s
                        .actions("codestar-connections:UseConnection")
                        .resources(withServicePrefix(connectionArn, "codestar-connections")));
            }
            case S3 -> {
                Output<String> sourceBucket = Output.format("arn:%s:s3:::%s", aws.partition(), source.location());
                policy.allow("ReadSourceObject", s -> s
                        .actions("s3:GetObject", "s3:GetObjectVersion")
                        .resources(Output.format("%s/%s", sourceBucket, source.reference())));
                policy.allow("ReadSourceBucket", s -> s
                        .actions("s3:GetBucketVersioning")
                        .resources(sourceBucket));
            }
            case CODECOMMIT -> policy.allow("ReadSourceRepository", s -> s
                    .actions("codecommit:CancelUploadArchive", "codecommit:GetBranch", "codecommit:GetCommit",
                            "codecommit:GetUploadArchiveStatus", "codecommit:UploadArchive")
                    .resources(aws.regionalArn("codecommit", source.location())));
        }
        List<Output<String>> projects = new ArrayList<>();
        projectNames.forEach(project -> projects.add(projectArn(project)));
        if (!projects.isEmpty()) {
            policy.allow("RunStageBuilds", s -> s
                    .actions("codebuild:BatchGetBuilds", "codebuild:StartBuild")
                    .resources(projects));
        }
        if (!actionRoleArns.isEmpty()) {
            policy.allow("AssumeActionRoles", s -> s
                    .actions("sts:AssumeRole")
                    .resources(actionRoleArns));
        }
        if (topicArn != null) {
            policy.allow("NotifyApprovers", s -> s
                    .actions("sns:Publish")
                    .resources(topicArn));
        }
        return policy.build();
    }

    /**
     * A stage role's policy: its own log group's streams, the artifacts, the parameters and secrets
     * its variables name, and the deployment's own permissions.
     */
    Output<String> stageRolePolicy(CodeBuildStage stage, Output<String> logGroupArn, Output<String> bucketArn,
            Output<String> keyArn, List<EnvironmentVariable> variables) {
        LeastPrivilegePolicyBuilder policy = LeastPrivilegePolicyBuilder.identityPolicy();
        policy.allow("WriteBuildLogs", s -> s
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(Output.format("%s:log-stream:*", logGroupArn)));
        addArtifactStatements(policy, bucketArn, keyArn);
        List<Output<String>> parameters = new ArrayList<>();
        List<Output<String>> secrets = new ArrayList<>();
        for (EnvironmentVariable variable : variables) {
            switch (variable.type()) {
                case PARAMETER_STORE -> parameters.add(parameterArn(variable.value()));
                case SECRETS_MANAGER -> secrets.add(Output.of(variable.value()));
                case PLAINTEXT -> {
                }
            }
        }
        if (!parameters.isEmpty()) {
            policy.allow("ReadParameters", s -> s
                    .actions("ssm:GetParameters")
                    .resources(parameters));
        }
        if (!secrets.isEmpty()) {
            policy.allow("ReadSecrets", s -> s
                    .actions("secretsmanager:GetSecretValue")
                    .resources(secrets));
        }
        if (stage instanceof PulumiDeployStage deploy) {
            for (DeployPermission permission : deploy.permissions()) {
                policy.allow(permission.sid(), s -> s
                        .actions(permission.actions().toArray(String[]::new))
                        .resources(permission.resources().toArray(String[]::new)));
            }
        }
        return policy.build();
    }

    /** Trust policy: only CloudFormation, acting in this account, may assume a deployment role. */
    Output<String> cloudFormationTrustPolicy() {
        return LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("CloudFormationAssumeRole", s -> s
                        .servicePrincipal(CLOUDFORMATION)
                        .actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceAccount", aws.accountId()))
                .build();
    }

    /** Trust policy: only this pipeline's role may assume a CloudFormation action role. */
    Output<String> actionRoleTrustPolicy(Output<String> pipelineRoleArn) {
        return LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("PipelineAssumeRole", s -> s
                        .awsPrincipal(pipelineRoleArn)
                        .actions("sts:AssumeRole"))
                .build();
    }

    /** Builds a deployment role's policy from exactly the statements the user described. */
    Output<String> deploymentPolicy(List<DeployPermission> permissions) {
        LeastPrivilegePolicyBuilder policy = LeastPrivilegePolicyBuilder.identityPolicy();
        for (DeployPermission permission : permissions) {
            policy.allow(permission.sid(), s -> s
                    .actions(permission.actions().toArray(String[]::new))
                    .resources(permission.resources().toArray(String[]::new)));
        }
        return policy.build();
    }

    /**
     * A CloudFormation action role's policy: change sets of its stack, passing its deployment role to
     * CloudFormation only, and reading the template from the artifact store.
     */
    Output<String> changeSetActionPolicy(String stackName, Output<String> deploymentRoleArn, Output<String> bucketArn,
            Output<String> keyArn) {
        return LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("ManageChangeSets", s -> s
                        .actions("cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet",
                                "cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks",
                                "cloudformation:ExecuteChangeSet")
                        .resources(stackArn(stackName)))
                .allow("PassDeploymentRole", s -> s
                        .actions("iam:PassRole")
                        .resources(deploymentRoleArn)
                        .condition("StringEquals", "iam:PassedToService", CLOUDFORMATION))
                .allow("ReadArtifacts", s -> s
                        .actions("s3:GetObject", "s3:GetObjectVersion")
                        .resources(Output.format("%s/*", bucketArn)))
                .allow("DecryptArtifacts", s -> s
                        .actions("kms:Decrypt", "kms:DescribeKey")
                        .resources(keyArn))
                .build();
    }

    /** Returns the ARN pattern of every stack with this name: {@code arn:P:cloudformation:REGION:ACCOUNT:stack/NAME/*}. */
    Output<String> stackArn(String stackName) {
        return aws.regionalArn("cloudformation", "stack/" + stackName + "/*");
    }

    private static void addArtifactStatements(LeastPrivilegePolicyBuilder policy, Output<String> bucketArn, Output<String> keyArn) {
        policy.allow("ArtifactObjects", s -> s
                .actions(OBJECT_ACTIONS.toArray(String[]::new))
                .resources(Output.format("%s/*", bucketArn)));
        policy.allow("ArtifactBucket", s -> s
                .actions(BUCKET_ACTIONS.toArray(String[]::new))
                .resources(bucketArn));
        policy.allow("ArtifactKey", s -> s
                .actions(KEY_ACTIONS.toArray(String[]::new))
                .resources(keyArn));
    }

    /**
     * Lists the key grants. The pipeline role and each CodeBuild stage role use the key for artifacts,
     * and the pipeline role also for approval notifications. Each CloudFormation action role decrypts
     * templates. CloudWatch Logs uses the key for the stages' log groups only.
     */
    List<KeyGrant> keyGrants(Output<String> pipelineRoleArn, List<Output<String>> stageRoleArns, List<Output<String>> actionRoleArns,
            List<String> logGroupNames) {
        List<KeyGrant> grants = new ArrayList<>();
        grants.add(KeyGrant.builder("PipelineRoleUseKey")
                .awsPrincipal(pipelineRoleArn)
                .actions(KEY_ACTIONS.toArray(String[]::new))
                .build());
        for (int i = 0; i < stageRoleArns.size(); i++) {
            grants.add(KeyGrant.builder("StageRole" + (i + 1) + "UseKey")
                    .awsPrincipal(stageRoleArns.get(i))
                    .actions(KEY_ACTIONS.toArray(String[]::new))
                    .build());
        }
        for (int i = 0; i < actionRoleArns.size(); i++) {
            grants.add(KeyGrant.builder("ActionRole" + (i + 1) + "DecryptArtifacts")
                    .awsPrincipal(actionRoleArns.get(i))
                    .actions("kms:Decrypt", "kms:DescribeKey")
                    .build());
        }
        if (!logGroupNames.isEmpty()) {
            KeyGrant.Builder logs = KeyGrant.builder("CloudWatchLogsUseKey")
                    .servicePrincipal(aws.regionalServiceName("logs"))
                    .actions("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo");
            logGroupNames.forEach(group -> logs.condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", logGroupArn(group)));
            grants.add(logs.build());
        }
        return grants;
    }

    /** Topic policy: only this pipeline's role may publish, and only over TLS. */
    Output<String> topicPolicy(Output<String> topicArn, Output<String> pipelineRoleArn) {
        return LeastPrivilegePolicyBuilder.resourcePolicy()
                .allow("PipelinePublishes", s -> s
                        .awsPrincipal(pipelineRoleArn)
                        .actions("sns:Publish")
                        .resources(topicArn))
                .deny("DenyInsecureTransport", s -> s
                        .anyPrincipal()
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .condition("Bool", "aws:SecureTransport", "false"))
                .build();
    }

    /** Rewrites a connection ARN under the given service prefix, keeping every other field. */
    private static Output<String> withServicePrefix(Output<String> connectionArn, String prefix) {
        return connectionArn.applyValue(arn -> arn.replaceFirst("^(arn:[^:]+:)(codeconnections|codestar-connections):", "$1" + prefix + ":"));
    }
}
