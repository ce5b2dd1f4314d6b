package io.github.securepulumi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PolicyView.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecureAuditTrailPoliciesTest {

    private static final String TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail";
    private static final String ANY_TRAIL_OF_ACCOUNT = "arn:aws:cloudtrail:*:123456789012:trail/*";
    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/org-trail";

    private static TrailStack stack;

    @BeforeAll
    static void preview() {
        stack = TrailStack.withDefaults();
    }

    @Test
    void keyPolicyHasExactlyTheDocumentedStatements() {
        assertThat(stack.keyPolicyDocument().sids()).containsExactly(
                "KeyAdministration", "CloudTrailEncryptLogs", "CloudTrailDescribeKey", "CloudWatchLogsUseKey",
                "AccountDecryptTrailLogs");
    }

    @Test
    void keyAdministrationDelegatesToAccountWithoutKeyUse() {
        Statement admin = stack.keyPolicyDocument().statement("KeyAdministration");

        assertThat(admin.effect()).isEqualTo("Allow");
        assertThat(admin.principals("AWS")).containsExactly(ROOT);
        assertThat(admin.resources()).containsExactly(stack.keyArn());
        assertThat(admin.actions())
                .describedAs("administrators manage the key but cannot encrypt or decrypt with it")
                .contains("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:EnableKeyRotation")
                .doesNotContain("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DisableKeyRotation");
        assertThat(admin.conditions()).isEmpty();
    }

    @Test
    void cloudTrailMayEncryptForThisTrailOnly() {
        Statement encrypt = stack.keyPolicyDocument().statement("CloudTrailEncryptLogs");

        assertThat(encrypt.principals("Service")).containsExactly("cloudtrail.amazonaws.com");
        assertThat(encrypt.actions()).containsExactly("kms:GenerateDataKey");
        assertThat(encrypt.resources()).containsExactly(stack.keyArn());
        assertThat(encrypt.conditions()).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:SourceArn", List.of(TRAIL_ARN)),
                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", List.of(ANY_TRAIL_OF_ACCOUNT))));
    }

    @Test
    void cloudTrailDescribesKeyForTrailOnly() {
        Statement describe = stack.keyPolicyDocument().statement("CloudTrailDescribeKey");

        assertThat(describe.principals("Service")).containsExactly("cloudtrail.amazonaws.com");
        assertThat(describe.actions()).containsExactly("kms:DescribeKey");
        assertThat(describe.resources()).containsExactly(stack.keyArn());
        assertThat(describe.conditions()).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(TRAIL_ARN))));
    }

    @Test
    void logsUseKeyForLogGroupOnly() {
        Statement logs = stack.keyPolicyDocument().statement("CloudWatchLogsUseKey");

        assertThat(logs.principals("Service")).containsExactly("logs.us-east-1.amazonaws.com");
        assertThat(logs.actions()).containsExactly("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo");
        assertThat(logs.resources()).containsExactly(stack.keyArn());
        assertThat(logs.conditions()).isEqualTo(Map.of(
                "ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn", List.of(LOG_GROUP_ARN))));
    }

    @Test
    void accountMayDecryptTrailLogFiles() {
        Statement read = stack.keyPolicyDocument().statement("AccountDecryptTrailLogs");

        assertThat(read.principals("AWS")).containsExactly(ROOT);
        assertThat(read.actions()).containsExactly("kms:Decrypt", "kms:ReEncryptFrom");
        assertThat(read.resources()).containsExactly(stack.keyArn());
        assertThat(read.conditions()).isEqualTo(Map.of(
                "StringEquals", Map.of("kms:CallerAccount", List.of("123456789012")),
                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", List.of(ANY_TRAIL_OF_ACCOUNT))));
    }

    @Test
    void bucketPolicyHasExactlyTheDocumentedStatements() {
        assertThat(stack.bucketPolicyDocument().sids())
                .containsExactly("CloudTrailGetBucketAcl", "CloudTrailWriteLogFiles", "DenyInsecureTransport");
    }

    @Test
    void cloudTrailReadsAclForTrailOnly() {
        Statement acl = stack.bucketPolicyDocument().statement("CloudTrailGetBucketAcl");

        assertThat(acl.effect()).isEqualTo("Allow");
        assertThat(acl.principals("Service")).containsExactly("cloudtrail.amazonaws.com");
        assertThat(acl.actions()).containsExactly("s3:GetBucketAcl");
        assertThat(acl.resources()).containsExactly(stack.bucketArn());
        assertThat(acl.conditions()).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceArn", List.of(TRAIL_ARN))));
    }

    @Test
    void cloudTrailMayWriteOnlyUnderAccountPrefix() {
        Statement write = stack.bucketPolicyDocument().statement("CloudTrailWriteLogFiles");

        assertThat(write.principals("Service")).containsExactly("cloudtrail.amazonaws.com");
        assertThat(write.actions()).containsExactly("s3:PutObject");
        assertThat(write.resources()).containsExactly(stack.bucketArn() + "/AWSLogs/123456789012/*");
        assertThat(write.conditions()).isEqualTo(Map.of("StringEquals", Map.of(
                "s3:x-amz-acl", List.of("bucket-owner-full-control"),
                "aws:SourceArn", List.of(TRAIL_ARN))));
    }

    @Test
    void bucketDeniesRequestsWithoutTls() {
        Statement deny = stack.bucketPolicyDocument().statement("DenyInsecureTransport");

        assertThat(deny.effect()).isEqualTo("Deny");
        assertThat(deny.anyPrincipal()).isTrue();
        assertThat(deny.actions()).containsExactly("s3:*");
        assertThat(deny.resources()).containsExactly(stack.bucketArn(), stack.bucketArn() + "/*");
        assertThat(deny.conditions()).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", List.of("false"))));
    }

    @Test
    void roleTrustsOnlyThisTrail() {
        PolicyView trust = stack.trustPolicy();
        Statement assume = trust.statement("CloudTrailAssumeRole");

        assertThat(trust.statements()).hasSize(1);
        assertThat(assume.effect()).isEqualTo("Allow");
        assertThat(assume.principals("Service")).containsExactly("cloudtrail.amazonaws.com");
        assertThat(assume.principals("AWS")).isEmpty();
        assertThat(assume.actions()).containsExactly("sts:AssumeRole");
        assertThat(assume.resources()).isEmpty();
        assertThat(assume.conditions()).isEqualTo(Map.of("StringEquals", Map.of(
                "aws:SourceAccount", List.of("123456789012"),
                "aws:SourceArn", List.of(TRAIL_ARN))));
    }

    @Test
    void roleWritesOnlyTrailLogStreams() {
        PolicyView inline = stack.rolePolicyDocument();
        Statement write = inline.statement("WriteTrailEvents");

        assertThat(inline.statements()).hasSize(1);
        assertThat(write.effect()).isEqualTo("Allow");
        assertThat(write.actions()).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(write.resources()).containsExactly(LOG_GROUP_ARN + ":log-stream:*");
        assertThat(write.principals("AWS")).isEmpty();
        assertThat(write.conditions()).isEmpty();
    }

    @Test
    void noPolicyUsesWildcardActionOrResource() {
        for (PolicyView policy : List.of(stack.keyPolicyDocument(), stack.bucketPolicyDocument(), stack.trustPolicy(),
                stack.rolePolicyDocument())) {
            for (Statement statement : policy.statements()) {
                assertThat(statement.actions()).describedAs("actions of " + statement.sid()).doesNotContain("*");
                assertThat(statement.resources()).describedAs("resources of " + statement.sid()).doesNotContain("*");
                assertThat(statement.notActions()).describedAs("NotAction of " + statement.sid()).isEmpty();
                if (statement.effect().equals("Allow")) {
                    assertThat(statement.actions()).describedAs("Allow actions of " + statement.sid())
                            .allSatisfy(action -> assertThat(action).doesNotContain("*"));
                }
            }
        }
    }

    @Test
    void everyPolicyHasCurrentVersion() {
        for (PolicyView policy : List.of(stack.keyPolicyDocument(), stack.bucketPolicyDocument(), stack.trustPolicy(),
                stack.rolePolicyDocument())) {
            assertThat(policy.version()).contains("2012-10-17");
        }
    }
}
