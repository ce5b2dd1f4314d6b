package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PolicyView.Statement;
import io.github.securepulumi.core.aws.Partition;
import io.github.securepulumi.core.preview.ResourceNode;
import io.github.securepulumi.core.preview.SimulatedAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecurePipelinePoliciesTest {

    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String PIPELINE_ARN = "arn:aws:codepipeline:us-east-1:123456789012:app";
    private static final String BUILD_PROJECT_ARN = "arn:aws:codebuild:us-east-1:123456789012:project/app-Build";
    private static final String DEPLOY_PROJECT_ARN = "arn:aws:codebuild:us-east-1:123456789012:project/app-Deploy-prod";
    private static final String BUILD_LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/app-Build";
    private static final String DEPLOY_LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/app-Deploy-prod";
    private static final List<String> KEY_ACTIONS = List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey");

    private static PipelineStack stack;

    @BeforeAll
    static void preview() {
        stack = PipelineStack.typical();
    }

    @Test
    void pipelineTrustNamesThisPipelineOnly() {
        Statement trust = single(stack.policy(stack.pipelineRole(), "assumeRolePolicy"), "CodePipelineAssumeRole");

        assertThat(trust.principals("Service")).containsExactly("codepipeline.amazonaws.com");
        assertThat(trust.actions()).containsExactly("sts:AssumeRole");
        assertThat(trust.conditions()).describedAs("confused-deputy protection").isEqualTo(Map.of("StringEquals", Map.of(
                "aws:SourceAccount", List.of(PipelineStack.ACCOUNT), "aws:SourceArn", List.of(PIPELINE_ARN))));
    }

    @Test
    void stageTrustNamesItsProjectOnly() {
        Statement build = single(stack.policy(stack.stageRole("Build"), "assumeRolePolicy"), "CodeBuildAssumeRole");
        Statement deploy = single(stack.policy(stack.stageRole("Deploy-prod"), "assumeRolePolicy"), "CodeBuildAssumeRole");

        assertThat(build.principals("Service")).containsExactly("codebuild.amazonaws.com");
        assertThat(build.actions()).containsExactly("sts:AssumeRole");
        assertThat(build.conditions()).isEqualTo(Map.of("StringEquals", Map.of(
                "aws:SourceAccount", List.of(PipelineStack.ACCOUNT), "aws:SourceArn", List.of(BUILD_PROJECT_ARN))));
        assertThat(deploy.condition("StringEquals", "aws:SourceArn")).containsExactly(DEPLOY_PROJECT_ARN);
    }

    @Test
    void pipelineRoleHasExactlyTheDocumentedStatements() {
        PolicyView policy = stack.policy(stack.pipelineRolePolicy(), "policy");

        assertThat(policy.sids()).containsExactly("ArtifactObjects", "ArtifactBucket", "ArtifactKey", "UseSourceConnection",
                "UseSourceConnectionLegacyPrefix", "RunStageBuilds", "NotifyApprovers");
        assertThat(policy.statements()).allSatisfy(s -> assertThat(s.effect()).isEqualTo("Allow"));
    }

    @Test
    void pipelineRoleUsesArtifactStoreOnly() {
        PolicyView policy = stack.policy(stack.pipelineRolePolicy(), "policy");

        assertArtifactStatements(policy);
    }

    @Test
    void pipelineRoleUsesItsConnectionOnly() {
        PolicyView policy = stack.policy(stack.pipelineRolePolicy(), "policy");
        Statement connection = policy.statement("UseSourceConnection");
        Statement legacy = policy.statement("UseSourceConnectionLegacyPrefix");
        String arn = stack.output(stack.connection(), "arn");

        assertThat(connection.actions()).containsExactly("codeconnections:UseConnection");
        assertThat(connection.resources()).containsExactly(arn);
        assertThat(connection.conditions()).isEmpty();
        assertThat(legacy.actions()).containsExactly("codestar-connections:UseConnection");
        assertThat(legacy.resources()).containsExactly(arn.replace(":codeconnections:", ":codestar-connections:"));
        assertThat(legacy.conditions()).isEmpty();
    }

    @Test
    void pipelineRoleStartsItsProjectsOnly() {
        Statement builds = stack.policy(stack.pipelineRolePolicy(), "policy").statement("RunStageBuilds");

        assertThat(builds.actions()).containsExactly("codebuild:BatchGetBuilds", "codebuild:StartBuild");
        assertThat(builds.resources()).containsExactly(BUILD_PROJECT_ARN, DEPLOY_PROJECT_ARN);
        assertThat(builds.resources()).containsExactly(stack.output(stack.project("Build"), "arn"),
                stack.output(stack.project("Deploy-prod"), "arn"));
    }

    @Test
    void pipelineRolePublishesToItsTopicOnly() {
        Statement publish = stack.policy(stack.pipelineRolePolicy(), "policy").statement("NotifyApprovers");

        assertThat(publish.actions()).containsExactly("sns:Publish");
        assertThat(publish.resources()).containsExactly(stack.output(stack.topic(), "arn"));
    }

    @Test
    void pipelineRoleNeitherAssumesNorPassesRoles() {
        PolicyView policy = stack.policy(stack.pipelineRolePolicy(), "policy");

        assertThat(policy.statements()).flatExtracting(Statement::actions)
                .describedAs("CodeBuild actions run as each project's own role, so the pipeline role needs neither")
                .doesNotContain("sts:AssumeRole", "iam:PassRole");
    }

    @Test
    void buildRoleHasExactlyTheDocumentedStatements() {
        PolicyView policy = stack.policy(stack.stageRolePolicy("Build"), "policy");

        assertThat(policy.sids()).containsExactly("WriteBuildLogs", "ArtifactObjects", "ArtifactBucket", "ArtifactKey",
                "ReadParameters", "ReadSecrets");
        assertArtifactStatements(policy);
    }

    @Test
    void buildRoleWritesItsOwnLogGroupOnly() {
        Statement logs = stack.policy(stack.stageRolePolicy("Build"), "policy").statement("WriteBuildLogs");

        assertThat(logs.actions()).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(logs.resources()).containsExactly(BUILD_LOG_GROUP + ":log-stream:*");
        assertThat(stack.output(stack.logGroup("Build"), "arn")).isEqualTo(BUILD_LOG_GROUP);
    }

    @Test
    void buildRoleReadsNamedParameterOnly() {
        Statement parameters = stack.policy(stack.stageRolePolicy("Build"), "policy").statement("ReadParameters");

        assertThat(parameters.actions()).containsExactly("ssm:GetParameters");
        assertThat(parameters.resources()).containsExactly("arn:aws:ssm:us-east-1:123456789012:parameter/app/db-url");
    }

    @Test
    void buildRoleReadsNamedSecretOnly() {
        Statement secrets = stack.policy(stack.stageRolePolicy("Build"), "policy").statement("ReadSecrets");

        assertThat(secrets.actions()).containsExactly("secretsmanager:GetSecretValue");
        assertThat(secrets.resources()).containsExactly(PipelineStack.DB_SECRET_ARN);
    }

    @Test
    void deployRoleHasExactlyTheDocumentedStatements() {
        PolicyView policy = stack.policy(stack.stageRolePolicy("Deploy-prod"), "policy");

        assertThat(policy.sids()).containsExactly("WriteBuildLogs", "ArtifactObjects", "ArtifactBucket", "ArtifactKey",
                "ReadSecrets", "UpdateAppFunction");
        assertArtifactStatements(policy);
        assertThat(policy.statement("WriteBuildLogs").resources()).containsExactly(DEPLOY_LOG_GROUP + ":log-stream:*");
    }

    @Test
    void deployRoleReadsAccessTokenSecretOnly() {
        Statement secrets = stack.policy(stack.stageRolePolicy("Deploy-prod"), "policy").statement("ReadSecrets");

        assertThat(secrets.actions()).containsExactly("secretsmanager:GetSecretValue");
        assertThat(secrets.resources()).containsExactly(PipelineStack.TOKEN_SECRET_ARN);
    }

    @Test
    void deployRoleGetsTheDescribedPermissions() {
        Statement deploy = stack.policy(stack.stageRolePolicy("Deploy-prod"), "policy").statement("UpdateAppFunction");

        assertThat(deploy.effect()).isEqualTo("Allow");
        assertThat(deploy.actions()).containsExactly("lambda:GetFunction", "lambda:UpdateFunctionCode");
        assertThat(deploy.resources()).containsExactly("arn:aws:lambda:us-east-1:123456789012:function:my-app");
    }

    @Test
    void deployRoleReadsParameterTokenWhenConfigured() {
        PipelineStack withParameter = PipelineStack.of(SecurePipelineArgs.builder().from(PipelineStack.typicalArgs())
                .stages(List.of(PulumiDeployStage.builder().from(PipelineStack.typicalDeploy())
                        .accessTokenSecretArn(java.util.Optional.empty())
                        .accessTokenParameterName("/pulumi/access-token")
                        .inputArtifact("Source")
                        .build()))
                .build());

        PolicyView policy = withParameter.policy(withParameter.stageRolePolicy("Deploy-prod"), "policy");

        assertThat(policy.sids()).contains("ReadParameters").doesNotContain("ReadSecrets");
        assertThat(policy.statement("ReadParameters").resources())
                .containsExactly("arn:aws:ssm:us-east-1:123456789012:parameter/pulumi/access-token");
    }

    @Test
    void keyPolicyHasExactlyTheDocumentedStatements() {
        assertThat(stack.policy(stack.keyPolicy(), "policy").sids()).containsExactly(
                "KeyAdministration", "PipelineRoleUseKey", "StageRole1UseKey", "StageRole2UseKey", "CloudWatchLogsUseKey");
    }

    @Test
    void keyAdministrationDelegatesToAccountWithoutKeyUse() {
        Statement admin = stack.policy(stack.keyPolicy(), "policy").statement("KeyAdministration");

        assertThat(admin.principals("AWS")).containsExactly(ROOT);
        assertThat(admin.resources()).containsExactly(stack.keyArn());
        assertThat(admin.actions()).doesNotContain("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
    }

    @Test
    void keyGrantsNameExactlyThePipelineAndStageRoles() {
        PolicyView policy = stack.policy(stack.keyPolicy(), "policy");
        Map<String, ResourceNode> grantees = Map.of(
                "PipelineRoleUseKey", stack.pipelineRole(),
                "StageRole1UseKey", stack.stageRole("Build"),
                "StageRole2UseKey", stack.stageRole("Deploy-prod"));

        grantees.forEach((sid, role) -> {
            Statement grant = policy.statement(sid);
            assertThat(grant.principals("AWS")).describedAs(sid).containsExactly(stack.output(role, "arn"));
            assertThat(grant.actions()).describedAs(sid).isEqualTo(KEY_ACTIONS);
            assertThat(grant.resources()).describedAs(sid).containsExactly(stack.keyArn());
            assertThat(grant.conditions()).describedAs(sid).isEmpty();
        });
    }

    @Test
    void logsUseKeyForStageLogGroupsOnly() {
        Statement logs = stack.policy(stack.keyPolicy(), "policy").statement("CloudWatchLogsUseKey");

        assertThat(logs.principals("Service")).containsExactly("logs.us-east-1.amazonaws.com");
        assertThat(logs.resources()).containsExactly(stack.keyArn());
        assertThat(logs.actions()).containsExactly("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo");
        assertThat(logs.conditions()).isEqualTo(Map.of("ArnEquals", Map.of(
                "kms:EncryptionContext:aws:logs:arn", List.of(BUILD_LOG_GROUP, DEPLOY_LOG_GROUP))));
    }

    @Test
    void bucketPolicyDeniesInsecureTransportOnly() {
        PolicyView policy = stack.policy(stack.bucketPolicy(), "policy");
        Statement deny = policy.statement("DenyInsecureTransport");

        assertThat(policy.sids()).containsExactly("DenyInsecureTransport");
        assertThat(deny.effect()).isEqualTo("Deny");
        assertThat(deny.anyPrincipal()).isTrue();
        assertThat(deny.actions()).containsExactly("s3:*");
        assertThat(deny.resources()).containsExactly(stack.bucketArn(), stack.bucketArn() + "/*");
        assertThat(deny.conditions()).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", List.of("false"))));
    }

    @Test
    void topicAcceptsTlsPublishesFromPipelineRoleOnly() {
        PolicyView policy = stack.policy(stack.topicPolicy(), "policy");
        String topicArn = stack.output(stack.topic(), "arn");

        assertThat(policy.sids()).containsExactly("PipelinePublishes", "DenyInsecureTransport");
        Statement allow = policy.statement("PipelinePublishes");
        assertThat(allow.effect()).isEqualTo("Allow");
        assertThat(allow.principals("AWS")).containsExactly(stack.output(stack.pipelineRole(), "arn"));
        assertThat(allow.actions()).containsExactly("sns:Publish");
        assertThat(allow.resources()).containsExactly(topicArn);
        assertThat(allow.conditions()).isEmpty();
        Statement deny = policy.statement("DenyInsecureTransport");
        assertThat(deny.effect()).isEqualTo("Deny");
        assertThat(deny.anyPrincipal()).isTrue();
        assertThat(deny.actions()).containsExactly("sns:Publish");
        assertThat(deny.resources()).containsExactly(topicArn);
        assertThat(deny.conditions()).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", List.of("false"))));
    }

    @Test
    void noAllowStatementHasWildcardActionOrResource() {
        List<Statement> allows = new ArrayList<>();
        for (ResourceNode node : stack.graph.customResources()) {
            for (String property : List.of("policy", "assumeRolePolicy")) {
                if (node.input(property).orElse(null) instanceof String json && json.contains("\"Statement\"")) {
                    PolicyView.parse(json).statements().stream().filter(s -> s.effect().equals("Allow")).forEach(allows::add);
                }
            }
        }

        assertThat(allows).hasSizeGreaterThan(20);
        assertThat(allows).allSatisfy(s -> {
            assertThat(s.actions()).describedAs(s.toString()).noneMatch(a -> a.contains("*"));
            assertThat(s.resources()).describedAs(s.toString()).doesNotContain("*");
            assertThat(s.anyPrincipal()).describedAs(s.toString()).isFalse();
        });
    }

    @Test
    void policiesFollowThePartition() {
        PipelineStack gov = PipelineStack.in(new SimulatedAccount("111122223333", "us-gov-west-1", Partition.AWS_US_GOV),
                PipelineStack.typicalArgs());

        assertThat(gov.policy(gov.pipelineRole(), "assumeRolePolicy").statement("CodePipelineAssumeRole")
                .condition("StringEquals", "aws:SourceArn")).containsExactly("arn:aws-us-gov:codepipeline:us-gov-west-1:111122223333:app");
        assertThat(gov.policy(gov.pipelineRolePolicy(), "policy").statement("RunStageBuilds").resources())
                .containsExactly("arn:aws-us-gov:codebuild:us-gov-west-1:111122223333:project/app-Build",
                        "arn:aws-us-gov:codebuild:us-gov-west-1:111122223333:project/app-Deploy-prod");
        assertThat(gov.policy(gov.stageRolePolicy("Build"), "policy").statement("ReadParameters").resources())
                .containsExactly("arn:aws-us-gov:ssm:us-gov-west-1:111122223333:parameter/app/db-url");
        assertThat(gov.policy(gov.keyPolicy(), "policy").statement("CloudWatchLogsUseKey").principals("Service"))
                .containsExactly("logs.us-gov-west-1.amazonaws.com");
    }

    private static void assertArtifactStatements(PolicyView policy) {
        Statement objects = policy.statement("ArtifactObjects");
        assertThat(objects.actions()).containsExactly("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject");
        assertThat(objects.resources()).containsExactly(stack.bucketArn() + "/*");
        Statement bucket = policy.statement("ArtifactBucket");
        assertThat(bucket.actions()).containsExactly("s3:GetBucketLocation", "s3:GetBucketVersioning");
        assertThat(bucket.resources()).containsExactly(stack.bucketArn());
        Statement key = policy.statement("ArtifactKey");
        assertThat(key.actions()).isEqualTo(KEY_ACTIONS);
        assertThat(key.resources()).containsExactly(stack.keyArn());
    }

    private static Statement single(PolicyView policy, String sid) {
        assertThat(policy.sids()).containsExactly(sid);
        return policy.statement(sid);
    }
}
