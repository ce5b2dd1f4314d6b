package io.github.securepulumi.audit;

import java.util.List;
import java.util.Objects;

/**
 * Data events a trail records, through an advanced event selector.
 *
 * <p>Data events are charged per event and can be numerous; select only the buckets and functions
 * you must audit. S3 data events never include the trail's own bucket, because logging the delivery
 * of log files would generate events without end.
 */
public final class DataEvents {

    /** The resource types CloudTrail accepts in {@code resources.type} for these selectors. */
    public enum ResourceType {
        /** S3 object-level operations, {@code AWS::S3::Object}. */
        S3_OBJECT("AWS::S3::Object"),
        /** Lambda function invocations, {@code AWS::Lambda::Function}. */
        LAMBDA_FUNCTION("AWS::Lambda::Function");

        private final String cloudTrailName;

        ResourceType(String cloudTrailName) {
            this.cloudTrailName = cloudTrailName;
        }

        /** The value of the {@code resources.type} field. */
        public String cloudTrailName() {
            return cloudTrailName;
        }
    }

    private final ResourceType type;
    private final List<String> arns;

    private DataEvents(ResourceType type, List<String> arns) {
        this.type = type;
        this.arns = List.copyOf(arns);
    }

    /** Object-level events of every bucket in the account, except the trail's own bucket. */
    public static DataEvents s3AllBuckets() {
        return new DataEvents(ResourceType.S3_OBJECT, List.of());
    }

    /** Object-level events of the given buckets, each an ARN such as {@code arn:aws:s3:::my-bucket}. */
    public static DataEvents s3Buckets(String... bucketArns) {
        return new DataEvents(ResourceType.S3_OBJECT, List.of(bucketArns));
    }

    /** Invocations of every Lambda function in the account. */
    public static DataEvents lambdaAllFunctions() {
        return new DataEvents(ResourceType.LAMBDA_FUNCTION, List.of());
    }

    /** Invocations of the given functions, each an ARN such as {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}. */
    public static DataEvents lambdaFunctions(String... functionArns) {
        return new DataEvents(ResourceType.LAMBDA_FUNCTION, List.of(functionArns));
    }

    /** The resource type selected. */
    public ResourceType type() {
        return type;
    }

    /** The selected ARNs; empty means every resource of the type. */
    public List<String> arns() {
        return arns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataEvents d && d.type == type && d.arns.equals(arns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arns);
    }

    @Override
    public String toString() {
        return type.cloudTrailName() + (arns.isEmpty() ? " (all)" : " " + arns);
    }
}
