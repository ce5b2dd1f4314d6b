package io.github.securepulumi.security.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PolicyView.Statement;
import io.github.securepulumi.core.preview.PreviewResult;
import io.github.securepulumi.core.preview.ResourceGraph;
import io.github.securepulumi.core.preview.ResourceNode;
import io.github.securepulumi.security.analysis.Finding;
import io.github.securepulumi.security.analysis.FindingType;
import io.github.securepulumi.security.analysis.PolicyAnalyzer;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.analysis.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecureBucketTest {

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    private static final String PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private static final String OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    private static final String VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    private static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    private static final String LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";

    private static ResourceGraph defaults;

    @BeforeAll
    static void preview() {
        defaults = run(SecureBucketArgs.builder().build()).graphOrThrow();
    }

    private static PreviewResult run(SecureBucketArgs args) {
        return OfflinePreview.builder().build().run(ctx -> new SecureBucket("data", args, null));
    }

    private static String arnOf(ResourceGraph graph, String name) {
        return (String) graph.get(BUCKET, name).output("arn").orElseThrow();
    }

    @Test
    void blocksAllFourKindsOfPublicAccess() {
        for (String name : List.of("data-public-access-block", "data-access-logs-public-access-block")) {
            ResourceNode block = defaults.get(PUBLIC_ACCESS_BLOCK, name);

            assertThat(block.inputs()).describedAs(name).containsEntry("blockPublicAcls", true)
                    .containsEntry("blockPublicPolicy", true)
                    .containsEntry("ignorePublicAcls", true)
                    .containsEntry("restrictPublicBuckets", true);
        }
    }

    @Test
    void enforcesBucketOwnershipSoAclsAreDisabled() {
        for (String name : List.of("data-ownership", "data-access-logs-ownership")) {
            assertThat(defaults.get(OWNERSHIP, name).input("rule")).describedAs(name)
                    .contains(Map.of("objectOwnership", "BucketOwnerEnforced"));
        }
    }

    @Test
    void versionsBothBuckets() {
        for (String name : List.of("data-versioning", "data-access-logs-versioning")) {
            assertThat(defaults.get(VERSIONING, name).input("versioningConfiguration")).describedAs(name)
                    .contains(Map.of("status", "Enabled"));
        }
    }

    @Test
    void encryptsWithOwnKeyAndBucketKey() {
        String keyArn = (String) defaults.get("aws:kms/key:Key", "data-key").output("arn").orElseThrow();

        assertThat(defaults.get(ENCRYPTION, "data-encryption").input("rules")).contains(List.of(Map.of(
                "bucketKeyEnabled", true,
                "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", keyArn))));
    }

    @Test
    void accessLogBucketUsesSseS3() {
        assertThat(defaults.get(ENCRYPTION, "data-access-logs-encryption").input("rules")).contains(List.of(Map.of(
                "bucketKeyEnabled", false,
                "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"))));
    }

    @Test
    void ownKeyUsableOnlyThroughS3() {
        Statement viaS3 = PolicyView.of(defaults.get("aws:kms/keyPolicy:KeyPolicy", "data-key-policy"), "policy")
                .statement("UseThroughS3");

        assertThat(viaS3.principals("AWS")).containsExactly("arn:aws:iam::123456789012:root");
        assertThat(viaS3.conditions()).isEqualTo(Map.of("StringEquals", Map.of(
                "kms:ViaService", List.of("s3.us-east-1.amazonaws.com"),
                "kms:CallerAccount", List.of("123456789012"))));
    }

    @Test
    void lifecycleExpiresNoncurrentVersionsAndAbortsUploads() {
        assertThat(defaults.get(LIFECYCLE, "data-lifecycle").input("rules")).contains(List.of(Map.of(
                "id", "securepulumi-retention",
                "status", "Enabled",
                "filter", Map.of("prefix", ""),
                "noncurrentVersionExpiration", Map.of("noncurrentDays", 90.0),
                "abortIncompleteMultipartUpload", Map.of("daysAfterInitiation", 7.0))));
    }

    @Test
    void accessLogsExpireAfterOneYear() {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = ((List<Map<String, Object>>) defaults.get(LIFECYCLE, "data-access-logs-lifecycle")
                .input("rules").orElseThrow()).get(0);

        assertThat(rule.get("expiration")).isEqualTo(Map.of("days", 365.0));
    }

    @Test
    void lifecycleWaitsForVersioning() {
        assertThat(defaults.get(LIFECYCLE, "data-lifecycle").dependsOn())
                .containsExactly(defaults.get(VERSIONING, "data-versioning").key());
        assertThat(defaults.get(LIFECYCLE, "data-access-logs-lifecycle").dependsOn())
                .containsExactly(defaults.get(VERSIONING, "data-access-logs-versioning").key());
    }

    @Test
    void policyWaitsForPublicAccessBlock() {
        assertThat(defaults.get(POLICY, "data-policy").dependsOn())
                .containsExactly(defaults.get(PUBLIC_ACCESS_BLOCK, "data-public-access-block").key());
        assertThat(defaults.get(POLICY, "data-access-logs-policy").dependsOn())
                .containsExactly(defaults.get(PUBLIC_ACCESS_BLOCK, "data-access-logs-public-access-block").key());
    }

    @Test
    void accessLoggingWaitsForLogBucketPolicy() {
        ResourceNode logging = defaults.get(LOGGING, "data-access-logging");

        assertThat(logging.dependsOn()).containsExactly(defaults.get(POLICY, "data-access-logs-policy").key());
        assertThat(logging.inputString("targetBucket")).isEqualTo(defaults.get(BUCKET, "data-access-logs").output("bucket").orElseThrow());
        assertThat(logging.inputString("targetPrefix")).isEqualTo("access-logs/");
    }

    @Test
    void policyDeniesEveryRequestWithoutTls() {
        PolicyView policy = PolicyView.of(defaults.get(POLICY, "data-policy"), "policy");
        String arn = arnOf(defaults, "data-bucket");

        assertThat(policy.sids()).containsExactly("DenyInsecureTransport");
        Statement deny = policy.statement("DenyInsecureTransport");
        assertThat(deny.effect()).isEqualTo("Deny");
        assertThat(deny.anyPrincipal()).isTrue();
        assertThat(deny.resources()).containsExactly(arn, arn + "/*");
        assertThat(deny.condition("Bool", "aws:SecureTransport")).containsExactly("false");
    }

    @Test
    void logDeliveryScopedToSourceBucket() {
        PolicyView policy = PolicyView.of(defaults.get(POLICY, "data-access-logs-policy"), "policy");
        Statement delivery = policy.statement("S3ServerAccessLogsDelivery");

        assertThat(policy.sids()).containsExactly("S3ServerAccessLogsDelivery", "DenyInsecureTransport");
        assertThat(delivery.principals("Service")).containsExactly("logging.s3.amazonaws.com");
        assertThat(delivery.actions()).containsExactly("s3:PutObject");
        assertThat(delivery.resources()).containsExactly(arnOf(defaults, "data-access-logs") + "/access-logs/*");
        assertThat(delivery.conditions()).isEqualTo(Map.of(
                "ArnLike", Map.of("aws:SourceArn", List.of(arnOf(defaults, "data-bucket"))),
                "StringEquals", Map.of("aws:SourceAccount", List.of("123456789012"))));
    }

    @Test
    void ownerGrantsAreAddedBeforeTlsDeny() {
        BucketPolicyGrant grant = (policy, bucketArn) -> policy.allow("ReadReports", s -> s
                .awsPrincipal("arn:aws:iam::123456789012:role/reporting")
                .actions("s3:GetObject")
                .resources(bucketArn.applyValue(arn -> arn + "/reports/*")));

        ResourceGraph graph = run(SecureBucketArgs.builder().addPolicyGrants(grant).build()).graphOrThrow();

        assertThat(PolicyView.of(graph.get(POLICY, "data-policy"), "policy").sids())
                .containsExactly("ReadReports", "DenyInsecureTransport");
    }

    @Test
    void bucketsAreRetainedAndNeverForceDestroyed() {
        for (String name : List.of("data-bucket", "data-access-logs")) {
            ResourceNode bucket = defaults.get(BUCKET, name);

            assertThat(bucket.retainOnDelete()).describedAs(name + " retained").isTrue();
            assertThat(bucket.input("forceDestroy")).describedAs(name).contains(false);
        }
    }

    @Test
    void givenKeyIsUsedInsteadOfOwnKey() {
        String keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        ResourceGraph graph = run(SecureBucketArgs.builder().kmsKeyArn(Output.of(keyArn)).build()).graphOrThrow();

        assertThat(graph.ofType("aws:kms/key:Key")).isEmpty();
        assertThat(graph.get(ENCRYPTION, "data-encryption").input("rules").orElseThrow().toString()).contains(keyArn);
    }

    @Test
    void disabledAccessLoggingIsReported() {
        ResourceGraph graph = run(SecureBucketArgs.builder()
                .disableAccessLogging(Justification.of("the bucket only holds public build artefacts")).build()).graphOrThrow();

        assertThat(graph.ofType(LOGGING)).isEmpty();
        assertThat(graph.ofType(BUCKET)).extracting(ResourceNode::name).containsExactly("data-bucket");
        assertThat(graph.optOuts()).extracting(o -> o.ruleId()).containsExactly("SP-S3-ACCESS-LOGS");
    }

    @Test
    void rejectsBucketNameWithDots() {
        PreviewResult result = run(SecureBucketArgs.builder().bucketName("my.data").build());

        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class).extracting(Throwable::getMessage)
                .isEqualTo("SecureBucket \"data\": bucketName is \"my.data\", but dots break TLS certificate matching for "
                        + "virtual-hosted-style requests; use hyphens instead.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsBucketNameS3DoesNotAccept() {
        PreviewResult result = run(SecureBucketArgs.builder().bucketName("My_Data").build());

        assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("SecureBucket \"data\": bucketName is "
                + "\"My_Data\", but S3 bucket names are 3 to 63 lowercase letters, digits and single hyphens, starting and ending "
                + "with a letter or digit; rename it or leave it unset to get a generated unique name.");
    }

    @Test
    void rejectsReservedBucketSuffix() {
        PreviewResult result = run(SecureBucketArgs.builder().bucketName("data-s3alias").build());

        assertThat(result.failure()).get().extracting(Throwable::getMessage).asString()
                .contains("S3 reserves the prefixes xn-- and sthree- and the suffixes -s3alias");
    }

    @Test
    void rejectsLifecycleDaysBelowOne() {
        PreviewResult result = run(SecureBucketArgs.builder().noncurrentVersionExpirationDays(0).objectExpirationDays(-1).build());

        assertThat(((InvalidArgsException) result.failure().orElseThrow()).problems()).containsExactly(
                "noncurrentVersionExpirationDays is 0, but S3 lifecycle rules need a whole number of days of at least 1; pass 1 or more.",
                "objectExpirationDays is -1, but S3 lifecycle rules need a whole number of days of at least 1; pass 1 or more.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void everyPolicyPassesAnalyzer() {
        List<Finding> findings = new ArrayList<>();
        for (ResourceNode policy : defaults.ofType(POLICY)) {
            findings.addAll(PolicyAnalyzer.of(PolicyType.RESOURCE).analyze(policy.inputString("policy")));
        }
        findings.addAll(PolicyAnalyzer.of(PolicyType.RESOURCE, PolicySizeLimit.KMS_KEY_POLICY)
                .analyze(defaults.get("aws:kms/keyPolicy:KeyPolicy", "data-key-policy").inputString("policy")));

        assertThat(findings).describedAs("analyzer findings of the bucket, access-log bucket and key policies")
                .noneMatch(f -> f.type() == FindingType.ERROR || f.type() == FindingType.SECURITY_WARNING);
    }

    @Test
    void bucketNameIsGeneratedByDefault() {
        ResourceNode bucket = defaults.get(BUCKET, "data-bucket");

        assertThat(bucket.input("bucket")).describedAs("no fixed physical name").isEmpty();
        assertThat((String) bucket.output("bucket").orElseThrow()).matches("data-bucket-[0-9a-f]{7}");
    }

    @Test
    void outputsResolveToBucketValues() {
        ResourceNode bucket = defaults.get(BUCKET, "data-bucket");

        assertThat(arnOf(defaults, "data-bucket")).isEqualTo("arn:aws:s3:::" + bucket.output("bucket").orElseThrow());
    }
}
