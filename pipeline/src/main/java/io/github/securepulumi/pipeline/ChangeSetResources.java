package io.github.securepulumi.pipeline;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import io.github.securepulumi.security.kms.SecureKey;
import io.github.securepulumi.security.s3.SecureBucket;
import java.util.List;
import java.util.Map;

/** The deployment role and action role of one CloudFormation stage, with their policies. */
final class ChangeSetResources {

    final CloudFormationDeployStage stage;
    final Role deploymentRole;
    final Role actionRole;
    RolePolicy deploymentRolePolicy;
    RolePolicy actionRolePolicy;

    private ChangeSetResources(CloudFormationDeployStage stage, Role deploymentRole, Role actionRole) {
        this.stage = stage;
        this.deploymentRole = deploymentRole;
        this.actionRole = actionRole;
    }

    static ChangeSetResources rolesFor(SecurePipeline parent, String componentName, CloudFormationDeployStage stage,
            Role pipelineRole, PipelinePolicies policies, Map<String, String> tags) {
        String prefix = componentName + "-" + stage.name();
        Role deploymentRole = new Role(prefix + "-deployment-role", RoleArgs.builder()
                .description("Lets CloudFormation deploy stack " + stage.stackName())
                .assumeRolePolicy(policies.cloudFormationTrustPolicy())
                .tags(tags)
                .build(),
                parent.childOptions(List.of()));
        Role actionRole = new Role(prefix + "-action-role", RoleArgs.builder()
                .description("Lets the pipeline create and execute change sets of stack " + stage.stackName())
                .assumeRolePolicy(policies.actionRoleTrustPolicy(pipelineRole.arn()))
                .tags(tags)
                .build(),
                parent.childOptions(List.of()));
        return new ChangeSetResources(stage, deploymentRole, actionRole);
    }

    void createPolicies(SecurePipeline parent, String componentName, SecureKey key, SecureBucket bucket, PipelinePolicies policies) {
        String prefix = componentName + "-" + stage.name();
        this.deploymentRolePolicy = new RolePolicy(prefix + "-deployment-role-policy", RolePolicyArgs.builder()
                .role(deploymentRole.id())
                .policy(policies.deploymentPolicy(stage.permissions()))
                .build(),
                parent.childOptions(List.of()));
        this.actionRolePolicy = new RolePolicy(prefix + "-action-role-policy", RolePolicyArgs.builder()
                .role(actionRole.id())
                .policy(policies.changeSetActionPolicy(stage.stackName(), deploymentRole.arn(), bucket.bucketArn, key.keyArn))
                .build(),
                parent.childOptions(List.of()));
    }
}
