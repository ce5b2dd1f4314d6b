package io.github.securepulumi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.preview.PreviewResult;
import io.github.securepulumi.core.preview.SimulatedAccount;
import org.junit.jupiter.api.Test;

class SecureAuditTrailValidationTest {

    private static final String PREFIX = "SecureAuditTrail \"org-trail\": ";

    @Test
    void rejectsRetentionCloudWatchDoesNotAccept() {
        PreviewResult result = run(SecureAuditTrailArgs.builder().logRetentionDays(366).build());

        assertRejected(result, "logRetentionDays is 366, but CloudWatch Logs accepts only "
                + "[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]; "
                + "choose one of those.");
    }

    @Test
    void acceptsEveryRetentionCloudWatchAccepts() {
        for (int days : AbstractSecureAuditTrailArgs.VALID_RETENTION_DAYS) {
            PreviewResult result = run(SecureAuditTrailArgs.builder().logRetentionDays(days).build());

            assertThat(result.succeeded()).describedAs("retention " + days).isTrue();
        }
    }

    @Test
    void rejectsTrailNameWithIllegalCharacters() {
        PreviewResult result = run(SecureAuditTrailArgs.builder().trailName("org trail!").build());

        assertRejected(result, "trailName is \"org trail!\", but CloudTrail names are 3 to 128 letters, digits, periods, "
                + "underscores and dashes, starting and ending with a letter or digit; rename it, for example to \"org-audit-trail\".");
    }

    @Test
    void rejectsTrailNameWithAdjacentSeparators() {
        PreviewResult result = run(SecureAuditTrailArgs.builder().trailName("org-_trail").build());

        assertRejected(result, "trailName is \"org-_trail\", but CloudTrail rejects names with two adjacent periods, "
                + "underscores or dashes; keep one separator between words.");
    }

    @Test
    void rejectsTrailNameInIpAddressFormat() {
        PreviewResult result = run(SecureAuditTrailArgs.builder().trailName("192.168.5.4").build());

        assertRejected(result, "trailName is \"192.168.5.4\", but CloudTrail rejects names in IP address format; "
                + "choose a descriptive name.");
    }

    @Test
    void rejectsComponentNameThatIsNoTrailName() {
        PreviewResult result = TrailStack.runNamed("ab", SecureAuditTrailArgs.builder().build());

        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("SecureAuditTrail \"ab\": trailName (default: the component name) is \"ab\", but CloudTrail names are 3 to 128");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsKeyArnOfAnotherService() {
        PreviewResult result = run(SecureAuditTrailArgs.builder()
                .kmsKeyArn("arn:aws:s3:::my-bucket").build());

        assertRejected(result, "kmsKeyArn is \"arn:aws:s3:::my-bucket\", but it is an ARN of service \"s3\", not kms; "
                + "pass the ARN of a KMS key.");
    }

    @Test
    void rejectsKeyAliasArn() {
        PreviewResult result = run(SecureAuditTrailArgs.builder()
                .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:alias/audit").build());

        assertRejected(result, "kmsKeyArn is \"arn:aws:kms:us-east-1:123456789012:alias/audit\", but CloudWatch Logs accepts "
                + "only a key ARN ending in key/<key-id>, not an alias or other KMS resource; pass the key's ARN.");
    }

    @Test
    void rejectsKeyIdInPlaceOfArn() {
        PreviewResult result = run(SecureAuditTrailArgs.builder()
                .kmsKeyArn("1234abcd-12ab-34cd-56ef-1234567890ab").build());

        assertRejected(result, "kmsKeyArn is \"1234abcd-12ab-34cd-56ef-1234567890ab\", but it is not an ARN; pass a key ARN "
                + "such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab.");
    }

    @Test
    void rejectsKeyOfAnotherRegion() {
        String key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        PreviewResult result = run(SecureAuditTrailArgs.builder().kmsKeyArn(key).build());

        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class).extracting(Throwable::getMessage)
                .isEqualTo(PREFIX + "kmsKeyArn is \"" + key + "\", but the key is in eu-west-1 while the trail and its log "
                        + "group are in us-east-1, and CloudTrail and CloudWatch Logs accept only a key of their own region; "
                        + "pass a key of us-east-1.");
    }

    @Test
    void rejectsObjectArnAsDataEventBucket() {
        PreviewResult result = run(SecureAuditTrailArgs.builder()
                .addDataEvents(DataEvents.s3Buckets("arn:aws:s3:::data/prefix")).build());

        assertRejected(result, "dataEvents[0] is \"arn:aws:s3:::data/prefix\", but it is not a bucket ARN such as "
                + "arn:aws:s3:::my-bucket (no object key); pass one.");
    }

    @Test
    void rejectsBucketArnAsLambdaFunction() {
        PreviewResult result = run(SecureAuditTrailArgs.builder()
                .addDataEvents(DataEvents.lambdaFunctions("arn:aws:s3:::data")).build());

        assertRejected(result, "dataEvents[0] is \"arn:aws:s3:::data\", but it is not a function ARN such as "
                + "arn:aws:lambda:us-east-1:123456789012:function:my-function; pass one.");
    }

    @Test
    void rejectsReservedTagPrefix() {
        PreviewResult result = run(SecureAuditTrailArgs.builder().putTags("aws:owner", "me").build());

        assertRejected(result, "tags key is \"aws:owner\", but the aws: prefix is reserved for AWS; choose another key.");
    }

    @Test
    void rejectsOptOutWithoutRealJustification() {
        PreviewResult result = run(SecureAuditTrailArgs.builder().deleteOnDestroy(Justification.of("test")).build());

        assertRejected(result, "deleteOnDestroy is \"test\", but a justification must be a sentence of at least 15 characters "
                + "saying why the default does not fit; write the reason a reviewer should read.");
    }

    @Test
    void reportsEveryProblemInOneError() {
        PreviewResult result = run(SecureAuditTrailArgs.builder()
                .trailName("x")
                .logRetentionDays(2)
                .kmsKeyArn("alias/audit")
                .build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).hasSize(3);
        assertThat(error.getMessage()).startsWith("SecureAuditTrail \"org-trail\" has 3 invalid inputs:");
        assertThat(error.problems().get(0)).startsWith("trailName is \"x\"");
        assertThat(error.problems().get(1)).startsWith("logRetentionDays is 2");
        assertThat(error.problems().get(2)).startsWith("kmsKeyArn is \"alias/audit\"");
        assertThat(result.graph().resources()).describedAs("nothing is half-created").isEmpty();
    }

    private static PreviewResult run(SecureAuditTrailArgs args) {
        return TrailStack.run(SimulatedAccount.DEFAULT, args);
    }

    private static void assertRejected(PreviewResult result, String problem) {
        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class)
                .extracting(Throwable::getMessage).isEqualTo(PREFIX + problem);
        assertThat(result.graph().resources()).describedAs("nothing is registered after invalid input").isEmpty();
    }
}
