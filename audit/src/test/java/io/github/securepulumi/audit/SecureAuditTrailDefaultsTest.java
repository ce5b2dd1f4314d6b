package io.github.securepulumi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.github.securepulumi.core.ComponentOutputs;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.ResourceGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecureAuditTrailDefaultsTest {

    private static TrailStack stack;

    @BeforeAll
    static void preview() {
        stack = TrailStack.withDefaults();
    }

    @Test
    void trailIsNamedAfterComponent() {
        assertThat(stack.trail().inputString("name")).isEqualTo("org-trail");
    }

    @Test
    void trailIsMultiRegion() {
        assertThat(stack.trail().input("isMultiRegionTrail")).describedAs("multi-region trail").contains(true);
    }

    @Test
    void trailIncludesGlobalServiceEvents() {
        assertThat(stack.trail().input("includeGlobalServiceEvents")).describedAs("IAM and STS events").contains(true);
    }

    @Test
    void trailValidatesLogFiles() {
        assertThat(stack.trail().input("enableLogFileValidation")).describedAs("log file integrity digests").contains(true);
    }

    @Test
    void trailIsLogging() {
        assertThat(stack.trail().input("enableLogging")).contains(true);
    }

    @Test
    void trailEncryptsWithItsOwnKey() {
        assertThat(stack.trail().inputString("kmsKeyId")).describedAs("SSE-KMS with the trail's key").isEqualTo(stack.keyArn());
    }

    @Test
    void trailWritesToItsBucketWithoutPrefix() {
        assertThat(stack.trail().inputString("s3BucketName")).isEqualTo(stack.bucket().output("bucket").orElseThrow());
        assertThat(stack.trail().input("s3KeyPrefix")).isEmpty();
    }

    @Test
    void trailRecordsOnlyManagementEventsByDefault() {
        assertThat(stack.trail().input("advancedEventSelectors")).contains(List.of(Map.of(
                "name", "All management events",
                "fieldSelectors", List.of(Map.of("field", "eventCategory", "equals", List.of("Management"))))));
    }

    @Test
    void logGroupKeepsEventsForOneYear() {
        assertThat(((Number) stack.logGroup().input("retentionInDays").orElseThrow()).intValue()).isEqualTo(365);
    }

    @Test
    void logGroupIsNamedAfterTrail() {
        assertThat(stack.logGroup().inputString("name")).isEqualTo("/aws/cloudtrail/org-trail");
    }

    @Test
    void logGroupIsEncryptedWithTrailKey() {
        assertThat(stack.logGroup().inputString("kmsKeyId")).describedAs("log group encryption").isEqualTo(stack.keyArn());
    }

    @Test
    void keyRotatesEveryYear() {
        assertThat(stack.key().input("enableKeyRotation")).describedAs("key rotation").contains(true);
    }

    @Test
    void keyHasLongestDeletionWindow() {
        assertThat(((Number) stack.key().input("deletionWindowInDays").orElseThrow()).intValue()).isEqualTo(30);
    }

    @Test
    void bucketAndKeyAreRetainedOnDestroy() {
        assertThat(stack.bucket().retainOnDelete()).describedAs("log bucket retained").isTrue();
        assertThat(stack.key().retainOnDelete()).describedAs("key retained").isTrue();
        assertThat(stack.bucket().input("forceDestroy")).contains(false);
    }

    @Test
    void bucketUsesTrailKeyWithoutBucketKey() {
        var encryption = stack.graph.get("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "org-trail-logs-encryption");

        assertThat(encryption.input("rules")).contains(List.of(Map.of(
                "bucketKeyEnabled", false,
                "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", stack.keyArn()))));
    }

    @Test
    void everyResourceIsTagged() {
        for (var node : stack.graph.customResources()) {
            if (node.inputs().containsKey("tags")) {
                assertThat(node.input("tags")).describedAs("tags of " + node.key())
                        .hasValueSatisfying(tags -> assertThat(((Map<?, ?>) tags).get("managed-by")).isEqualTo("securepulumi"));
            }
        }
        assertThat(stack.trail().inputs()).containsKey("tags");
    }

    @Test
    void everyChildIsParentedInsideComponent() {
        var root = stack.graph.get(SecureAuditTrail.TYPE, "org-trail");

        assertThat(stack.graph.roots()).containsExactly(root);
        assertThat(stack.graph.resources()).allSatisfy(node ->
                assertThat(node.key().equals(root.key()) || node.parentKey().isPresent()).isTrue());
    }

    @Test
    void childNamesArePrefixedWithComponentName() {
        assertThat(stack.graph.resources()).allSatisfy(node -> assertThat(node.name()).startsWith("org-trail"));
    }

    @Test
    void outputFieldsMatchRegisteredOutputs() {
        AtomicReference<SecureAuditTrail> created = new AtomicReference<>();
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            SecureAuditTrail trail = new SecureAuditTrail("org-trail", SecureAuditTrailArgs.builder().build(), null);
            created.set(trail);
            ctx.export("trailArn", trail.trailArn);
            ctx.export("bucketName", trail.bucketName);
            ctx.export("logGroupArn", trail.logGroupArn);
            ctx.export("kmsKeyArn", trail.kmsKeyArn);
            ctx.export("roleArn", trail.roleArn);
        }).graphOrThrow();

        Map<String, Output<?>> registered = ComponentOutputs.of(created.get());

        assertThat(registered.keySet()).containsExactlyInAnyOrder("trailArn", "bucketName", "logGroupArn", "kmsKeyArn", "roleArn");
        assertThat(graph.stackOutputs()).containsEntry("trailArn", "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail");
        assertThat(graph.stackOutputs()).containsEntry("logGroupArn",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/org-trail");
        assertThat((String) graph.stackOutputs().get("roleArn")).startsWith("arn:aws:iam::123456789012:role/org-trail-cloudtrail-role-");
        assertThat((String) graph.stackOutputs().get("kmsKeyArn")).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat((String) graph.stackOutputs().get("bucketName")).startsWith("org-trail-logs-bucket-");
    }

    @Test
    void defaultsReportNoOptOut() {
        assertThat(stack.graph.optOuts()).isEmpty();
    }
}
