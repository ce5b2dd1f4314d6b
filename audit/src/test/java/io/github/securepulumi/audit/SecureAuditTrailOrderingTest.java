package io.github.securepulumi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.aws.AwsArns;
import io.github.securepulumi.core.preview.ResourceNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecureAuditTrailOrderingTest {

    private static TrailStack stack;

    @BeforeAll
    static void preview() {
        stack = TrailStack.withDefaults();
    }

    @Test
    void trailDependsOnBucketPolicy() {
        assertThat(stack.trail().dependsOn())
                .describedAs("CreateTrail fails with InsufficientS3BucketPolicyException before the bucket policy exists")
                .contains(stack.bucketPolicy().key());
    }

    @Test
    void trailDependsOnKeyPolicy() {
        assertThat(stack.trail().dependsOn())
                .describedAs("CreateTrail fails with InsufficientEncryptionPolicyException before the key policy exists")
                .contains(stack.keyPolicy().key());
    }

    @Test
    void trailDependsOnLogGroup() {
        assertThat(stack.trail().dependsOn()).contains(stack.logGroup().key());
    }

    @Test
    void trailDependsOnRole() {
        assertThat(stack.trail().dependsOn()).contains(stack.role().key());
    }

    @Test
    void trailDependsOnRoleInlinePolicy() {
        assertThat(stack.trail().dependsOn())
                .describedAs("a role whose policy is still being attached makes CreateTrail fail with access denied")
                .contains(stack.rolePolicy().key());
    }

    @Test
    void trailDependsOnExactlyTheDocumentedResources() {
        assertThat(stack.trail().dependsOn()).containsExactlyInAnyOrder(
                stack.bucketPolicy().key(),
                stack.keyPolicy().key(),
                stack.logGroup().key(),
                stack.role().key(),
                stack.rolePolicy().key());
    }

    @Test
    void logGroupWaitsForKeyPolicy() {
        assertThat(stack.logGroup().dependsOn())
                .describedAs("CloudWatch Logs must be allowed to use the key when the log group is created")
                .containsExactly(stack.keyPolicy().key());
    }

    @Test
    void trailIsInTheLastWave() {
        var waves = stack.graph.waves();

        assertThat(waves.get(waves.size() - 1)).extracting(ResourceNode::key).containsExactly(stack.trail().key());
    }

    @Test
    void trailWaitsForEveryPrerequisiteTransitively() {
        for (ResourceNode prerequisite : new ResourceNode[] {
            stack.bucket(), stack.key(), stack.keyPolicy(), stack.bucketPolicy(), stack.logGroup(), stack.role(), stack.rolePolicy()}) {
            assertThat(stack.graph.waitsFor(stack.trail(), prerequisite))
                    .describedAs("trail waits for " + prerequisite.key())
                    .isTrue();
        }
    }

    @Test
    void logGroupArnHasOneWildcard() {
        String arn = stack.trail().inputString("cloudWatchLogsGroupArn");

        assertThat(arn).endsWith(":*").doesNotEndWith(":*:*");
        assertThat(arn.indexOf(":*")).isEqualTo(arn.length() - 2);
    }

    @Test
    void trailLogGroupArnNamesTheLogGroup() {
        String logGroupArn = (String) stack.logGroup().output("arn").orElseThrow();

        assertThat(stack.trail().inputString("cloudWatchLogsGroupArn")).isEqualTo(logGroupArn + ":*");
        assertThat(logGroupArn).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/org-trail");
    }

    @Test
    void logGroupArnComesFromOutput() {
        assertThat(stack.trail().impliedDependsOn()).contains(stack.logGroup().key());
    }

    @Test
    void wildcardSuffixIsNeverDoubled() {
        String bare = "arn:aws:logs:us-east-1:123456789012:log-group:/audit";

        assertThat(AwsArns.logGroupForCloudTrail(bare)).isEqualTo(bare + ":*");
        assertThat(AwsArns.logGroupForCloudTrail(bare + ":*")).isEqualTo(bare + ":*");
    }

    @Test
    void roleAndRolePolicyHaveNoExplicitDependencies() {
        assertThat(stack.role().dependsOn()).isEmpty();
        assertThat(stack.rolePolicy().dependsOn()).isEmpty();
    }
}
