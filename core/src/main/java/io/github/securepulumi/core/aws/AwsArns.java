package io.github.securepulumi.core.aws;

/**
 * ARNs in the exact form each AWS service returns and validates.
 *
 * <p>The formats follow the "Resource types" tables of the AWS Service Authorization Reference.
 * The same methods build the ARNs of the offline preview's simulated account and the ARNs that
 * components compute before a resource exists (for example a trail's ARN in the key policy that
 * must exist before the trail).
 */
public final class AwsArns {

    private AwsArns() {
    }

    /** {@code arn:P:cloudtrail:REGION:ACCOUNT:trail/NAME}. */
    public static String trail(Partition partition, String region, String account, String trailName) {
        return Arn.of(partition, "cloudtrail", region, account, "trail/" + trailName).toString();
    }

    /**
     * {@code arn:P:logs:REGION:ACCOUNT:log-group:NAME}: the form that the AWS provider returns as a
     * log group's {@code arn}, without the {@code :*} suffix.
     */
    public static String logGroup(Partition partition, String region, String account, String logGroupName) {
        return Arn.of(partition, "logs", region, account, "log-group:" + logGroupName).toString();
    }

    /** {@code arn:P:logs:REGION:ACCOUNT:log-group:NAME:log-stream:*}: every stream of one group. */
    public static String logStreamsOf(String logGroupArn) {
        return withoutWildcardSuffix(logGroupArn) + ":log-stream:*";
    }

    /**
     * Converts a log group ARN to the form CloudTrail's {@code CloudWatchLogsLogGroupArn} requires:
     * exactly one {@code :*} at the end. CreateTrail rejects the bare form that the AWS provider
     * returns with {@code InvalidCloudWatchLogsLogGroupArnException}.
     */
    public static String logGroupForCloudTrail(String logGroupArn) {
        return withoutWildcardSuffix(logGroupArn) + ":*";
    }

    private static String withoutWildcardSuffix(String logGroupArn) {
        String arn = logGroupArn;
        while (arn.endsWith(":*")) {
            arn = arn.substring(0, arn.length() - 2);
        }
        return arn;
    }

    /** {@code arn:P:iam::ACCOUNT:role/PATH/NAME}; {@code path} starts and ends with a slash. */
    public static String role(Partition partition, String account, String path, String roleName) {
        return Arn.of(partition, "iam", "", account, "role" + path + roleName).toString();
    }

    /** {@code arn:P:iam::ACCOUNT:root}, the principal that delegates to the account's IAM policies. */
    public static String accountRoot(Partition partition, String account) {
        return Arn.of(partition, "iam", "", account, "root").toString();
    }

    /** {@code arn:P:s3:::BUCKET}; S3 bucket ARNs carry neither region nor account. */
    public static String bucket(Partition partition, String bucketName) {
        return Arn.of(partition, "s3", "", "", bucketName).toString();
    }

    /** {@code arn:P:s3:::BUCKET/KEY_PATTERN}. */
    public static String objects(String bucketArn, String keyPattern) {
        return bucketArn + "/" + keyPattern;
    }

    /** {@code arn:P:kms:REGION:ACCOUNT:key/KEY_ID}. */
    public static String kmsKey(Partition partition, String region, String account, String keyId) {
        return Arn.of(partition, "kms", region, account, "key/" + keyId).toString();
    }
}
