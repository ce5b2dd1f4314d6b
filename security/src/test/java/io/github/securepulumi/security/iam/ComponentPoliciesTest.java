package io.github.securepulumi.security.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.security.analysis.Finding;
import io.github.securepulumi.security.analysis.PolicyAnalyzer;
import io.github.securepulumi.security.analysis.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements that SecureKey, SecureBucket and SecureAuditTrail write, taken from the AWS
 * documentation of CloudTrail, CloudWatch Logs, S3 server access logging and KMS: the builder
 * accepts them and the analyzer finds nothing that blocks.
 */
class ComponentPoliciesTest {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/org-trail";
    static final String BUCKET_ARN = "arn:aws:s3:::org-trail-logs";
    static final String ACCESS_LOG_BUCKET_ARN = "arn:aws:s3:::org-trail-access-logs";

    static final String[] KEY_ADMINISTRATION = {
        "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus",
        "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:ListResourceTags", "kms:TagResource",
        "kms:UntagResource", "kms:UpdateKeyDescription", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        "kms:EnableKey", "kms:DisableKey", "kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"
    };

    static LeastPrivilegePolicyBuilder keyPolicy() {
        return LeastPrivilegePolicyBuilder.keyPolicy()
                .allow("KeyAdministration", s -> s
                        .awsPrincipal("arn:aws:iam::" + ACCOUNT + ":root")
                        .actions("kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus",
                                "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:ListResourceTags",
                                "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription",
                                "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:EnableKey", "kms:DisableKey",
                                "kms:CreateAlias")
                        .resources(KEY_ARN))
                .allow("CloudTrailEncryptLogs", s -> s
                        .servicePrincipal("cloudtrail.amazonaws.com")
                        .actions("kms:GenerateDataKey")
                        .resources(KEY_ARN)
                        .condition("StringEquals", "aws:SourceArn", TRAIL_ARN)
                        .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:aws:cloudtrail:*:" + ACCOUNT + ":trail/*"))
                .allow("CloudTrailDescribeKey", s -> s
                        .servicePrincipal("cloudtrail.amazonaws.com")
                        .actions("kms:DescribeKey")
                        .resources(KEY_ARN))
                .allow("CloudWatchLogsUseKey", s -> s
                        .servicePrincipal("logs." + REGION + ".amazonaws.com")
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                                "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey")
                        .resources(KEY_ARN)
                        .condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", LOG_GROUP_ARN))
                .allow("ReadTrailLogs", s -> s
                        .awsPrincipal("arn:aws:iam::" + ACCOUNT + ":root")
                        .actions("kms:Decrypt")
                        .resources(KEY_ARN)
                        .condition("StringEquals", "kms:CallerAccount", ACCOUNT)
                        .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:aws:cloudtrail:*:" + ACCOUNT + ":trail/*"));
    }

    static LeastPrivilegePolicyBuilder trailBucketPolicy() {
        return LeastPrivilegePolicyBuilder.resourcePolicy()
                .allow("CloudTrailAclCheck", s -> s
                        .servicePrincipal("cloudtrail.amazonaws.com")
                        .actions("s3:GetBucketAcl")
                        .resources(BUCKET_ARN)
                        .condition("StringEquals", "aws:SourceArn", TRAIL_ARN))
                .allow("CloudTrailWrite", s -> s
                        .servicePrincipal("cloudtrail.amazonaws.com")
                        .actions("s3:PutObject")
                        .resources(BUCKET_ARN + "/AWSLogs/" + ACCOUNT + "/*")
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceArn", TRAIL_ARN))
                .deny("DenyInsecureTransport", s -> s
                        .anyPrincipal()
                        .actions("s3:*")
                        .resources(BUCKET_ARN, BUCKET_ARN + "/*")
                        .condition("Bool", "aws:SecureTransport", "false"));
    }

    static LeastPrivilegePolicyBuilder accessLogBucketPolicy() {
        return LeastPrivilegePolicyBuilder.resourcePolicy()
                .allow("S3ServerAccessLogs", s -> s
                        .servicePrincipal("logging.s3.amazonaws.com")
                        .actions("s3:PutObject")
                        .resources(ACCESS_LOG_BUCKET_ARN + "/org-trail-logs/*")
                        .condition("ArnLike", "aws:SourceArn", BUCKET_ARN)
                        .condition("StringEquals", "aws:SourceAccount", ACCOUNT))
                .deny("DenyInsecureTransport", s -> s
                        .anyPrincipal()
                        .actions("s3:*")
                        .resources(ACCESS_LOG_BUCKET_ARN, ACCESS_LOG_BUCKET_ARN + "/*")
                        .condition("Bool", "aws:SecureTransport", "false"));
    }

    static LeastPrivilegePolicyBuilder trailRoleTrustPolicy() {
        return LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("CloudTrailAssumeRole", s -> s
                        .servicePrincipal("cloudtrail.amazonaws.com")
                        .actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceAccount", ACCOUNT)
                        .condition("StringEquals", "aws:SourceArn", TRAIL_ARN));
    }

    static LeastPrivilegePolicyBuilder trailRolePolicy() {
        return LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("WriteTrailLogs", s -> s
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(LOG_GROUP_ARN + ":log-stream:*"));
    }

    private static void assertAccepted(LeastPrivilegePolicyBuilder builder, PolicyType type) {
        String json = builder.buildJson();

        List<Finding> findings = PolicyAnalyzer.of(type).analyze(json);

        assertThat(PolicyAnalyzer.hasBlockingFindings(findings))
                .describedAs("the analyzer blocks a component policy: %s", findings)
                .isFalse();
    }

    @Test
    void keyPolicyIsAccepted() {
        assertAccepted(keyPolicy(), PolicyType.RESOURCE);
    }

    @Test
    void trailBucketPolicyIsAccepted() {
        assertAccepted(trailBucketPolicy(), PolicyType.RESOURCE);
    }

    @Test
    void accessLogBucketPolicyIsAccepted() {
        assertAccepted(accessLogBucketPolicy(), PolicyType.RESOURCE);
    }

    @Test
    void trailRoleTrustPolicyIsAccepted() {
        assertAccepted(trailRoleTrustPolicy(), PolicyType.TRUST);
    }

    @Test
    void trailRolePolicyIsAccepted() {
        assertAccepted(trailRolePolicy(), PolicyType.IDENTITY);
    }

    @Test
    void keyAdministrationActionsExist() {
        assertAccepted(LeastPrivilegePolicyBuilder.keyPolicy()
                .allow("KeyAdministration", s -> s
                        .awsPrincipal("arn:aws:iam::" + ACCOUNT + ":root")
                        .actions(KEY_ADMINISTRATION)
                        .resources(KEY_ARN)), PolicyType.RESOURCE);
    }

    @Test
    void trustPolicyJsonIsExact() {
        String json = trailRoleTrustPolicy().buildJson();

        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"CloudTrailAssumeRole\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{"
                + "\"aws:SourceAccount\":\"123456789012\",\"aws:SourceArn\":\"" + TRAIL_ARN + "\"}}}]}");
    }
}
