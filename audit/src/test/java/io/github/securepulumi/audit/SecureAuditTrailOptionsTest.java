package io.github.securepulumi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.aws.Partition;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.optout.SecurityOptOut;
import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.SimulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureAuditTrailOptionsTest {

    private static final String EXISTING_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void allBucketsSelectorExcludesTrailBucket() {
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder().addDataEvents(DataEvents.s3AllBuckets()).build());

        assertThat(selectors(stack)).hasSize(2);
        assertThat(selectors(stack).get(1).get("fieldSelectors")).isEqualTo(List.of(
                Map.of("field", "eventCategory", "equals", List.of("Data")),
                Map.of("field", "resources.type", "equals", List.of("AWS::S3::Object")),
                Map.of("field", "resources.ARN", "notStartsWiths", List.of(stack.bucketArn() + "/"))));
    }

    @Test
    void selectedBucketsAreRecordedByPrefix() {
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder()
                .addDataEvents(DataEvents.s3Buckets("arn:aws:s3:::payroll", "arn:aws:s3:::invoices")).build());

        assertThat(selectors(stack).get(1).get("fieldSelectors")).isEqualTo(List.of(
                Map.of("field", "eventCategory", "equals", List.of("Data")),
                Map.of("field", "resources.type", "equals", List.of("AWS::S3::Object")),
                Map.of("field", "resources.ARN", "startsWiths", List.of("arn:aws:s3:::payroll/", "arn:aws:s3:::invoices/"))));
    }

    @Test
    void lambdaFunctionsAreRecordedByArn() {
        String function = "arn:aws:lambda:us-east-1:123456789012:function:pay";
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder()
                .addDataEvents(DataEvents.lambdaAllFunctions(), DataEvents.lambdaFunctions(function)).build());

        assertThat(selectors(stack)).hasSize(3);
        assertThat(selectors(stack).get(1).get("fieldSelectors")).isEqualTo(List.of(
                Map.of("field", "eventCategory", "equals", List.of("Data")),
                Map.of("field", "resources.type", "equals", List.of("AWS::Lambda::Function"))));
        assertThat(selectors(stack).get(2).get("fieldSelectors")).isEqualTo(List.of(
                Map.of("field", "eventCategory", "equals", List.of("Data")),
                Map.of("field", "resources.type", "equals", List.of("AWS::Lambda::Function")),
                Map.of("field", "resources.ARN", "equals", List.of(function))));
    }

    @Test
    void managementEventsStayFirstWithDataEvents() {
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder().addDataEvents(DataEvents.s3AllBuckets()).build());

        assertThat(selectors(stack).get(0).get("name")).isEqualTo("All management events");
    }

    @Test
    void existingKeyReplacesOwnKey() {
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder().kmsKeyArn(EXISTING_KEY).build());

        assertThat(stack.graph.ofType(TrailStack.KEY)).isEmpty();
        assertThat(stack.graph.ofType(TrailStack.KEY_POLICY)).isEmpty();
        assertThat(stack.trail().inputString("kmsKeyId")).isEqualTo(EXISTING_KEY);
        assertThat(stack.logGroup().inputString("kmsKeyId")).isEqualTo(EXISTING_KEY);
        assertThat(stack.logGroup().dependsOn()).isEmpty();
        assertThat(stack.trail().dependsOn()).containsExactlyInAnyOrder(
                stack.bucketPolicy().key(), stack.logGroup().key(), stack.role().key(), stack.rolePolicy().key());
    }

    @Test
    void deleteOnDestroyIsReportedAndUnretains() {
        Justification why = Justification.of("ephemeral CI stack, destroyed after each run");
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder().deleteOnDestroy(why).build());

        assertThat(stack.bucket().retainOnDelete()).isFalse();
        assertThat(stack.key().retainOnDelete()).isFalse();
        assertThat(stack.bucket().input("forceDestroy")).contains(true);
        assertThat(stack.graph.optOuts()).extracting(SecurityOptOut::ruleId)
                .contains("SP-AUDIT-RETAIN", "SP-S3-RETAIN", "SP-KMS-RETAIN");
        assertThat(stack.graph.optOuts()).allSatisfy(optOut -> assertThat(optOut.justification()).isEqualTo(why));
    }

    @Test
    void singleRegionIsReported() {
        Justification why = Justification.of("a sandbox account locked to one region by an SCP");
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder().singleRegion(why).build());

        assertThat(stack.trail().input("isMultiRegionTrail")).contains(false);
        assertThat(stack.graph.optOuts()).singleElement().satisfies(optOut -> {
            assertThat(optOut.ruleId()).isEqualTo("SP-AUDIT-MULTI-REGION");
            assertThat(optOut.describe()).isEqualTo("[SP-AUDIT-MULTI-REGION] SecureAuditTrail \"org-trail\": singleRegion weakens "
                    + "a secure default. Activity in other regions is not recorded. Justification: " + why.text());
        });
    }

    @Test
    void customTrailNameNamesTrailAndLogGroup() {
        TrailStack stack = TrailStack.of(SecureAuditTrailArgs.builder().trailName("audit.main_1").build());

        assertThat(stack.trail().inputString("name")).isEqualTo("audit.main_1");
        assertThat(stack.logGroup().inputString("name")).isEqualTo("/aws/cloudtrail/audit.main_1");
        assertThat(stack.trustPolicy().statement("CloudTrailAssumeRole").condition("StringEquals", "aws:SourceArn"))
                .containsExactly("arn:aws:cloudtrail:us-east-1:123456789012:trail/audit.main_1");
    }

    @Test
    void chinaPartitionUsesRegionalPrincipal() {
        TrailStack stack = TrailStack.in(SimulatedAccount.in(Partition.AWS_CN), SecureAuditTrailArgs.builder().build());
        PolicyView keyPolicy = stack.keyPolicyDocument();

        assertThat(stack.keyArn()).startsWith("arn:aws-cn:kms:cn-north-1:123456789012:key/");
        assertThat(keyPolicy.statement("CloudWatchLogsUseKey").principals("Service"))
                .containsExactly("logs.cn-north-1.amazonaws.com.cn");
        assertThat(keyPolicy.statement("KeyAdministration").principals("AWS"))
                .containsExactly("arn:aws-cn:iam::123456789012:root");
        assertThat(stack.trail().inputString("cloudWatchLogsGroupArn"))
                .isEqualTo("arn:aws-cn:logs:cn-north-1:123456789012:log-group:/aws/cloudtrail/org-trail:*");
    }

    @Test
    void govCloudPartitionUsesItsArns() {
        TrailStack stack = TrailStack.in(SimulatedAccount.in(Partition.AWS_US_GOV), SecureAuditTrailArgs.builder().build());

        assertThat(stack.bucketArn()).startsWith("arn:aws-us-gov:s3:::org-trail-logs-bucket-");
        assertThat(stack.keyPolicyDocument().statement("CloudTrailEncryptLogs").condition("StringEquals", "aws:SourceArn"))
                .containsExactly("arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/org-trail");
        assertThat(stack.keyPolicyDocument().statement("CloudWatchLogsUseKey").principals("Service"))
                .containsExactly("logs.us-gov-west-1.amazonaws.com");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> selectors(TrailStack stack) {
        return (List<Map<String, Object>>) stack.trail().input("advancedEventSelectors").orElseThrow();
    }
}
