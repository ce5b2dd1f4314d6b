package io.github.securepulumi.security.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Actions and action combinations that security reviews treat as dangerous when allowed.
 *
 * <p>The escalation paths are the widely documented ones: single IAM actions that rewrite the
 * caller's own permissions, and {@code iam:PassRole} combined with a service that runs code under
 * the passed role. This is a fixed list, not a reachability analysis over the account. A test checks
 * that every action named here exists in the catalog.
 */
final class RiskyActions {

    private RiskyActions() {
    }

    /**
     * An escalation path: a principal allowed every action of the set can gain more permissions.
     *
     * @param actions    the actions, lower case, for matching
     * @param names      the actions as AWS writes them, for the finding message
     * @param capability what the principal can do with them, for the finding message
     */
    record EscalationPath(Set<String> actions, List<String> names, String capability) {
    }

    static final List<EscalationPath> PRIVILEGE_ESCALATION = List.of(
            path("creates a new default version of a managed policy it is attached to, with any permissions",
                    "iam:CreatePolicyVersion"),
            path("switches a managed policy to an older, more permissive version", "iam:SetDefaultPolicyVersion"),
            path("attaches any managed policy, such as AdministratorAccess, to a user", "iam:AttachUserPolicy"),
            path("attaches any managed policy to a group", "iam:AttachGroupPolicy"),
            path("attaches any managed policy to a role", "iam:AttachRolePolicy"),
            path("writes an inline policy with any permissions on a user", "iam:PutUserPolicy"),
            path("writes an inline policy with any permissions on a group", "iam:PutGroupPolicy"),
            path("writes an inline policy with any permissions on a role", "iam:PutRolePolicy"),
            path("adds a user to a more privileged group", "iam:AddUserToGroup"),
            path("creates access keys for another user", "iam:CreateAccessKey"),
            path("sets a console password for a user that has none", "iam:CreateLoginProfile"),
            path("changes another user's console password", "iam:UpdateLoginProfile"),
            path("rewrites a role's trust policy and then assumes the role", "iam:UpdateAssumeRolePolicy", "sts:AssumeRole"),
            path("replaces the code of a Lambda function that runs with a more privileged role", "lambda:UpdateFunctionCode"),
            path("adds an SSH key to a Glue development endpoint that has a more privileged role", "glue:UpdateDevEndpoint"),
            path("launches an EC2 instance with a more privileged role and reads its credentials",
                    "iam:PassRole", "ec2:RunInstances"),
            path("creates and invokes a Lambda function that runs with a more privileged role",
                    "iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
            path("creates a Lambda function with a more privileged role, triggered by an event source",
                    "iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
            path("creates a Glue development endpoint with a more privileged role", "iam:PassRole", "glue:CreateDevEndpoint"),
            path("creates a CloudFormation stack that acts with a more privileged role",
                    "iam:PassRole", "cloudformation:CreateStack"),
            path("creates a Data Pipeline that runs commands with a more privileged role",
                    "iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"));

    /** Actions that return credentials, keys or passwords. */
    static final Set<String> CREDENTIALS_EXPOSURE = lower(
            "chime:CreateApiKey", "codepipeline:PollForJobs", "cognito-identity:GetCredentialsForIdentity",
            "cognito-identity:GetOpenIdToken", "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
            "connect:GetFederationToken", "ec2:GetPasswordData", "ecr:GetAuthorizationToken",
            "gamelift:GetInstanceAccess", "gamelift:RequestUploadCredentials", "iam:CreateAccessKey",
            "iam:CreateLoginProfile", "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
            "iam:UpdateAccessKey", "lightsail:DownloadDefaultKeyPair", "lightsail:GetInstanceAccessDetails",
            "lightsail:GetRelationalDatabaseMasterUserPassword", "rds-db:connect", "redshift:GetClusterCredentials",
            "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
            "sts:GetFederationToken", "sts:GetSessionToken");

    /** Actions that read stored data or secrets, and so let a principal copy them out. */
    static final Set<String> DATA_EXFILTRATION = lower(
            "s3:GetObject", "s3:GetObjectVersion", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
            "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue", "dynamodb:Scan", "dynamodb:Query",
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "rds:DownloadDBLogFilePortion", "kms:Decrypt");

    private static EscalationPath path(String capability, String... actions) {
        return new EscalationPath(lower(actions), List.of(actions), capability);
    }

    private static Set<String> lower(String... actions) {
        return Set.of(Arrays.stream(actions).map(a -> a.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }
}
