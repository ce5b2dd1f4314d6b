package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PolicyView.Statement;
import io.github.securepulumi.core.preview.ResourceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudFormationDeployStageTest {

    private static final String STAGE = "Deploy-my-app-prod";
    private static final String STACK_ARN = "arn:aws:cloudformation:us-east-1:123456789012:stack/my-app-prod/*";

    private static PipelineStack stack;

    @BeforeAll
    static void preview() {
        stack = PipelineStack.of(SecurePipelineArgs.builder()
                .source(PipelineSource.codeCommit("my-app", "main"))
                .addStages(BuildStage.builder().buildspec("version: 0.2\n").build())
                .addStages(CloudFormationDeployStage.builder()
                        .stackName("my-app-prod")
                        .templatePath("template.yaml")
                        .addCapabilities("CAPABILITY_IAM")
                        .manualApproval(true)
                        .addPermissions(DeployPermission.of("ManageQueue",
                                List.of("sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes"),
                                List.of("arn:aws:sqs:us-east-1:123456789012:my-app-*")))
                        .build())
                .build());
    }

    @Test
    void stageApprovesThenCreatesThenExecutesChangeSet() {
        List<?> actions = (List<?>) ((Map<?, ?>) stages().get(2)).get("actions");
        Map<?, ?> approve = (Map<?, ?>) actions.get(0);
        Map<?, ?> create = (Map<?, ?>) actions.get(1);
        Map<?, ?> execute = (Map<?, ?>) actions.get(2);

        assertThat(approve.get("provider")).isEqualTo("Manual");
        assertThat(create.get("provider")).isEqualTo("CloudFormation");
        assertThat(((Number) create.get("runOrder")).intValue()).isEqualTo(2);
        assertThat(create.get("roleArn")).isEqualTo(arn(actionRole()));
        assertThat(create.get("inputArtifacts")).isEqualTo(List.of("BuildOutput"));
        assertThat(create.get("configuration")).isEqualTo(Map.of(
                "ActionMode", "CHANGE_SET_REPLACE",
                "StackName", "my-app-prod",
                "ChangeSetName", "securepulumi-pipeline",
                "TemplatePath", "BuildOutput::template.yaml",
                "RoleArn", arn(deploymentRole()),
                "Capabilities", "CAPABILITY_IAM"));
        assertThat(((Number) execute.get("runOrder")).intValue()).isEqualTo(3);
        assertThat(execute.get("roleArn")).isEqualTo(arn(actionRole()));
        assertThat(execute.get("configuration")).isEqualTo(Map.of(
                "ActionMode", "CHANGE_SET_EXECUTE", "StackName", "my-app-prod", "ChangeSetName", "securepulumi-pipeline"));
    }

    @Test
    void deploymentRoleTrustsCloudFormationOfThisAccount() {
        PolicyView trust = stack.policy(deploymentRole(), "assumeRolePolicy");
        Statement statement = trust.statement("CloudFormationAssumeRole");

        assertThat(trust.sids()).containsExactly("CloudFormationAssumeRole");
        assertThat(statement.principals("Service")).containsExactly("cloudformation.amazonaws.com");
        assertThat(statement.actions()).containsExactly("sts:AssumeRole");
        assertThat(statement.conditions()).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceAccount", List.of(PipelineStack.ACCOUNT))));
    }

    @Test
    void deploymentRoleHasExactlyTheDescribedStatements() {
        PolicyView policy = stack.policy(policyOf("-deployment-role-policy"), "policy");
        Statement queue = policy.statement("ManageQueue");

        assertThat(policy.sids()).containsExactly("ManageQueue");
        assertThat(queue.effect()).isEqualTo("Allow");
        assertThat(queue.actions()).containsExactly("sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes");
        assertThat(queue.resources()).containsExactly("arn:aws:sqs:us-east-1:123456789012:my-app-*");
    }

    @Test
    void actionRoleTrustsThisPipelineRoleOnly() {
        PolicyView trust = stack.policy(actionRole(), "assumeRolePolicy");
        Statement statement = trust.statement("PipelineAssumeRole");

        assertThat(trust.sids()).containsExactly("PipelineAssumeRole");
        assertThat(statement.principals("AWS")).containsExactly(arn(stack.pipelineRole()));
        assertThat(statement.actions()).containsExactly("sts:AssumeRole");
    }

    @Test
    void actionRoleHasExactlyTheDocumentedStatements() {
        PolicyView policy = stack.policy(policyOf("-action-role-policy"), "policy");

        assertThat(policy.sids()).containsExactly("ManageChangeSets", "PassDeploymentRole", "ReadArtifacts", "DecryptArtifacts");
        Statement changeSets = policy.statement("ManageChangeSets");
        assertThat(changeSets.actions()).containsExactly("cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet",
                "cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet");
        assertThat(changeSets.resources()).containsExactly(STACK_ARN);
        Statement read = policy.statement("ReadArtifacts");
        assertThat(read.actions()).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(read.resources()).containsExactly(stack.bucketArn() + "/*");
        Statement decrypt = policy.statement("DecryptArtifacts");
        assertThat(decrypt.actions()).containsExactly("kms:Decrypt", "kms:DescribeKey");
        assertThat(decrypt.resources()).containsExactly(stack.keyArn());
    }

    @Test
    void actionRolePassesOnlyDeploymentRole() {
        Statement pass = stack.policy(policyOf("-action-role-policy"), "policy").statement("PassDeploymentRole");

        assertThat(pass.actions()).containsExactly("iam:PassRole");
        assertThat(pass.resources()).containsExactly(arn(deploymentRole()));
        assertThat(pass.conditions()).isEqualTo(Map.of("StringEquals", Map.of("iam:PassedToService", List.of("cloudformation.amazonaws.com"))));
    }

    @Test
    void pipelineRoleAssumesActionRolesOnly() {
        PolicyView policy = stack.policy(stack.pipelineRolePolicy(), "policy");
        Statement assume = policy.statement("AssumeActionRoles");

        assertThat(policy.sids()).containsExactly("ArtifactObjects", "ArtifactBucket", "ArtifactKey", "ReadSourceRepository",
                "RunStageBuilds", "AssumeActionRoles", "NotifyApprovers");
        assertThat(assume.actions()).containsExactly("sts:AssumeRole");
        assertThat(assume.resources()).containsExactly(arn(actionRole()));
        assertThat(policy.statements()).flatExtracting(Statement::actions).doesNotContain("iam:PassRole");
    }

    @Test
    void keyGrantsActionRoleDecryptOnly() {
        PolicyView policy = stack.policy(stack.keyPolicy(), "policy");
        Statement grant = policy.statement("ActionRole1DecryptArtifacts");

        assertThat(policy.sids()).containsExactly("KeyAdministration", "PipelineRoleUseKey", "StageRole1UseKey",
                "ActionRole1DecryptArtifacts", "CloudWatchLogsUseKey");
        assertThat(grant.principals("AWS")).containsExactly(arn(actionRole()));
        assertThat(grant.actions()).containsExactly("kms:Decrypt", "kms:DescribeKey");
        assertThat(policy.statements()).flatExtracting(s -> s.principals("AWS")).doesNotContain(arn(deploymentRole()));
    }

    @Test
    void pipelineDependsOnChangeSetRolePolicies() {
        assertThat(stack.pipeline().dependsOn())
                .describedAs("a change set created while its roles' policies are attached fails with access denied")
                .contains(policyOf("-action-role-policy").key(), policyOf("-deployment-role-policy").key());
        assertThat(stack.pipeline().dependsOn()).containsExactlyInAnyOrder(stack.pipelineRolePolicy().key(), stack.keyPolicy().key(),
                stack.project("Build").key(), policyOf("-action-role-policy").key(), policyOf("-deployment-role-policy").key());
    }

    @Test
    void changeSetRolesHaveNoExplicitDependencies() {
        for (ResourceNode node : List.of(actionRole(), deploymentRole(), policyOf("-action-role-policy"), policyOf("-deployment-role-policy"))) {
            assertThat(node.dependsOn()).describedAs(node.key()).isEmpty();
        }
        assertThat(stack.graph.waitsFor(actionRole(), stack.pipelineRole()))
                .describedAs("IAM rejects a trust policy naming a role that does not exist yet").isTrue();
    }

    @Test
    void cloudFormationOnlyPipelineHasNoLogsGrant() {
        PipelineStack only = PipelineStack.of(SecurePipelineArgs.builder()
                .source(PipelineSource.s3("my-source", "template.zip"))
                .addStages(CloudFormationDeployStage.builder().stackName("app").templatePath("template.yaml").inputArtifact("Source")
                        .addPermissions(DeployPermission.of("Queue", List.of("sqs:CreateQueue"), List.of("arn:aws:sqs:us-east-1:123456789012:app-*")))
                        .build())
                .build());

        assertThat(only.policy(only.keyPolicy(), "policy").sids()).containsExactly("KeyAdministration", "PipelineRoleUseKey",
                "ActionRole1DecryptArtifacts");
        assertThat(only.policy(only.pipelineRolePolicy(), "policy").sids()).doesNotContain("RunStageBuilds");
    }

    private static List<?> stages() {
        return (List<?>) stack.pipeline().input("stages").orElseThrow();
    }

    private static ResourceNode actionRole() {
        return stack.graph.get(PipelineStack.ROLE, PipelineStack.NAME + "-" + STAGE + "-action-role");
    }

    private static ResourceNode deploymentRole() {
        return stack.graph.get(PipelineStack.ROLE, PipelineStack.NAME + "-" + STAGE + "-deployment-role");
    }

    private static ResourceNode policyOf(String suffix) {
        return stack.graph.get(PipelineStack.ROLE_POLICY, PipelineStack.NAME + "-" + STAGE + suffix);
    }

    private static String arn(ResourceNode node) {
        return stack.output(node, "arn");
    }
}
