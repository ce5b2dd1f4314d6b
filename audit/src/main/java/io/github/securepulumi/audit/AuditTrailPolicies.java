package io.github.securepulumi.audit;

import com.pulumi.core.Output;
import io.github.securepulumi.core.aws.AwsArns;
import io.github.securepulumi.security.AwsEnvironment;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.iam.LeastPrivilegePolicyBuilder;
import io.github.securepulumi.security.kms.KeyGrant;
import io.github.securepulumi.security.s3.BucketPolicyGrant;
import java.util.List;

/**
 * The policy statements of one audit trail: who may use its key, write to its bucket, assume its
 * role, and what the role may do.
 *
 * <p>Every statement is scoped to this trail's ARN or this log group, both computed before the
 * resources exist, because the key and bucket policies must be in place before the trail is created.
 */
final class AuditTrailPolicies {

    static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";

    private final AwsEnvironment aws;
    private final Output<String> trailArn;
    private final Output<String> logGroupArn;
    private final Output<String> anyTrailOfAccount;

    AuditTrailPolicies(AwsEnvironment aws, String trailName, String logGroupName) {
        this.aws = aws;
        this.trailArn = aws.regionalArn("cloudtrail", "trail/" + trailName);
        this.logGroupArn = aws.regionalArn("logs", "log-group:" + logGroupName);
        this.anyTrailOfAccount = Output.format("arn:%s:cloudtrail:*:%s:trail/*", aws.partition(), aws.accountId());
    }

    /** ARN the trail will have, known before it is created. */
    Output<String> trailArn() {
        return trailArn;
    }

    /** Key grants: CloudTrail encrypts this trail's files, CloudWatch Logs uses the key for this log group. */
    List<KeyGrant> keyGrants() {
        KeyGrant encryptLogs = KeyGrant.builder("CloudTrailEncryptLogs")
                .servicePrincipal(CLOUDTRAIL)
                .actions("kms:GenerateDataKey")
                .condition("StringEquals", "aws:SourceArn", trailArn)
                .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn", anyTrailOfAccount)
                .build();
        KeyGrant describeKey = KeyGrant.builder("CloudTrailDescribeKey")
                .servicePrincipal(CLOUDTRAIL)
                .actions("kms:DescribeKey")
                .condition("StringEquals", "aws:SourceArn", trailArn)
                .build();
        KeyGrant logsUseKey = KeyGrant.builder("CloudWatchLogsUseKey")
                .servicePrincipal(aws.regionalServiceName("logs"))
                .actions("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo")
                .condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", logGroupArn)
                .build();
        KeyGrant readLogs = KeyGrant.builder("AccountDecryptTrailLogs")
                .awsPrincipal(aws.accountRootArn())
                .actions("kms:Decrypt", "kms:ReEncryptFrom")
                .condition("StringEquals", "kms:CallerAccount", aws.accountId())
                .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn", anyTrailOfAccount)
                .build();
        return List.of(encryptLogs, describeKey, logsUseKey, readLogs);
    }

    /**
     * Bucket grant: CloudTrail reads the bucket ACL and writes log files under {@code AWSLogs/ACCOUNT/}
     * only, handing ownership to the bucket owner, and only for this trail.
     */
    BucketPolicyGrant bucketGrant() {
        return (policy, bucketArn) -> policy
                .allow("CloudTrailGetBucketAcl", s -> s
                        .servicePrincipal(CLOUDTRAIL)
                        .actions("s3:GetBucketAcl")
                        .resources(bucketArn)
                        .condition("StringEquals", "aws:SourceArn", trailArn))
                .allow("CloudTrailWriteLogFiles", s -> s
                        .servicePrincipal(CLOUDTRAIL)
                        .actions("s3:PutObject")
                        .resources(Output.format("%s/AWSLogs/%s/*", bucketArn, aws.accountId()))
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceArn", trailArn));
    }

    /** Trust policy: only CloudTrail, acting for this trail in this account, may assume the role. */
    Output<String> roleTrustPolicy() {
        return LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("CloudTrailAssumeRole", s -> s
                        .servicePrincipal(CLOUDTRAIL)
                        .actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceAccount", aws.accountId())
                        .condition("StringEquals", "aws:SourceArn", trailArn))
                .build();
    }

    /** Role policy: create streams in and write events to this log group, nothing else. */
    Output<String> logDeliveryPolicy(Output<String> createdLogGroupArn) {
        return LeastPrivilegePolicyBuilder.identityPolicy()
                .sizeLimit(PolicySizeLimit.INLINE_ROLE_POLICIES)
                .allow("WriteTrailEvents", s -> s
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(createdLogGroupArn.applyValue(AwsArns::logStreamsOf)))
                .build();
    }
}
