package io.github.securepulumi.security.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policies in the shape the AWS documentation gives for CloudTrail, CloudWatch Logs, S3 server
 * access logging and KMS, as the components write them (explicit actions where the documentation
 * uses wildcards such as {@code kms:GenerateDataKey*}), and deliberately broken documents.
 */
class PolicyCorpusTest {

    static Stream<Arguments> documentedPolicies() {
        return Stream.of(
                Arguments.of("CloudTrail bucket policy", PolicyType.RESOURCE, """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Sid": "AWSCloudTrailAclCheck20150319",
                              "Effect": "Allow",
                              "Principal": {"Service": "cloudtrail.amazonaws.com"},
                              "Action": "s3:GetBucketAcl",
                              "Resource": "arn:aws:s3:::amzn-s3-demo-bucket",
                              "Condition": {
                                "StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-2:111122223333:trail/myTrail"}
                              }
                            },
                            {
                              "Sid": "AWSCloudTrailWrite20150319",
                              "Effect": "Allow",
                              "Principal": {"Service": "cloudtrail.amazonaws.com"},
                              "Action": "s3:PutObject",
                              "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/111122223333/*",
                              "Condition": {
                                "StringEquals": {
                                  "s3:x-amz-acl": "bucket-owner-full-control",
                                  "aws:SourceArn": "arn:aws:cloudtrail:us-east-2:111122223333:trail/myTrail"
                                }
                              }
                            },
                            {
                              "Sid": "DenyInsecureTransport",
                              "Effect": "Deny",
                              "Principal": "*",
                              "Action": "s3:*",
                              "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"],
                              "Condition": {"Bool": {"aws:SecureTransport": "false"}}
                            }
                          ]
                        }
                        """),
                Arguments.of("S3 server access logging bucket policy", PolicyType.RESOURCE, """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Sid": "S3ServerAccessLogsPolicy",
                              "Effect": "Allow",
                              "Principal": {"Service": "logging.s3.amazonaws.com"},
                              "Action": "s3:PutObject",
                              "Resource": "arn:aws:s3:::amzn-s3-demo-destination-bucket/EXAMPLE-LOGGING-PREFIX*",
                              "Condition": {
                                "ArnLike": {"aws:SourceArn": "arn:aws:s3:::amzn-s3-demo-source-bucket"},
                                "StringEquals": {"aws:SourceAccount": "111122223333"}
                              }
                            }
                          ]
                        }
                        """),
                Arguments.of("CloudTrail and CloudWatch Logs key policy", PolicyType.RESOURCE, """
                        {
                          "Version": "2012-10-17",
                          "Id": "Key policy created by CloudTrail",
                          "Statement": [
                            {
                              "Sid": "AllowKeyAdministration",
                              "Effect": "Allow",
                              "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                              "Action": ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:EnableKeyRotation",
                                         "kms:GetKeyRotationStatus", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
                              "Resource": "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                            },
                            {
                              "Sid": "AllowCloudTrailToEncryptLogs",
                              "Effect": "Allow",
                              "Principal": {"Service": "cloudtrail.amazonaws.com"},
                              "Action": "kms:GenerateDataKey",
                              "Resource": "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                              "Condition": {
                                "StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-2:111122223333:trail/myTrail"},
                                "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}
                              }
                            },
                            {
                              "Sid": "AllowCloudTrailToDescribeKey",
                              "Effect": "Allow",
                              "Principal": {"Service": "cloudtrail.amazonaws.com"},
                              "Action": "kms:DescribeKey",
                              "Resource": "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                            },
                            {
                              "Sid": "AllowPrincipalsToDecryptLogFiles",
                              "Effect": "Allow",
                              "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                              "Action": "kms:Decrypt",
                              "Resource": "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                              "Condition": {
                                "StringEquals": {"kms:CallerAccount": "111122223333"},
                                "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}
                              }
                            },
                            {
                              "Sid": "AllowCloudWatchLogs",
                              "Effect": "Allow",
                              "Principal": {"Service": "logs.us-east-2.amazonaws.com"},
                              "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                                         "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
                              "Resource": "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                              "Condition": {
                                "ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-2:111122223333:log-group:/aws/cloudtrail/myTrail"}
                              }
                            }
                          ]
                        }
                        """),
                Arguments.of("CloudTrail role trust policy", PolicyType.TRUST, """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Effect": "Allow",
                              "Principal": {"Service": "cloudtrail.amazonaws.com"},
                              "Action": "sts:AssumeRole",
                              "Condition": {
                                "StringEquals": {
                                  "aws:SourceAccount": "111122223333",
                                  "aws:SourceArn": "arn:aws:cloudtrail:us-east-2:111122223333:trail/myTrail"
                                }
                              }
                            }
                          ]
                        }
                        """),
                Arguments.of("GitHub Actions OIDC trust policy", PolicyType.TRUST, """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Effect": "Allow",
                              "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                              "Action": "sts:AssumeRoleWithWebIdentity",
                              "Condition": {
                                "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}
                              }
                            }
                          ]
                        }
                        """),
                Arguments.of("CloudTrail role policy for CloudWatch Logs", PolicyType.IDENTITY, """
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Sid": "AWSCloudTrailCreateLogStream2014110",
                              "Effect": "Allow",
                              "Action": ["logs:CreateLogStream"],
                              "Resource": ["arn:aws:logs:us-east-2:111122223333:log-group:/aws/cloudtrail/myTrail:log-stream:111122223333_CloudTrail_us-east-2*"]
                            },
                            {
                              "Sid": "AWSCloudTrailPutLogEvents20141101",
                              "Effect": "Allow",
                              "Action": ["logs:PutLogEvents"],
                              "Resource": ["arn:aws:logs:us-east-2:111122223333:log-group:/aws/cloudtrail/myTrail:log-stream:111122223333_CloudTrail_us-east-2*"]
                            }
                          ]
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedPolicies")
    void documentedPolicyPasses(String name, PolicyType type, String json) {
        List<Finding> findings = PolicyAnalyzer.of(type).analyze(json);

        assertThat(findings).describedAs("findings for the %s", name).isEmpty();
    }

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                Arguments.of("malformed JSON", "PARSE_ERROR", "$", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "s3:GetObject"}]}
                        """),
                Arguments.of("unknown action", "UNKNOWN_ACTION", "$.Statement[0].Action", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cloudtrail:CreateTrial",
                          "Resource": "arn:aws:cloudtrail:us-east-2:111122223333:trail/myTrail"}]}
                        """),
                Arguments.of("wrong ARN service", "RESOURCE_ARN_MISMATCH", "$.Statement[0].Resource", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject",
                          "Resource": "arn:aws:logs:us-east-2:111122223333:log-group:/aws/cloudtrail/myTrail"}]}
                        """),
                Arguments.of("bad condition operator", "UNKNOWN_CONDITION_OPERATOR", "$.Statement[0].Condition.StringEqualz", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                          "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                          "Condition": {"StringEqualz": {"aws:SourceAccount": "111122223333"}}}]}
                        """),
                Arguments.of("unknown condition key", "UNKNOWN_CONDITION_KEY", "$.Statement[0].Condition.StringEquals.aws:SourceAcount", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                          "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                          "Condition": {"StringEquals": {"aws:SourceAcount": "111122223333"}}}]}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void brokenPolicyGivesExpectedError(String name, String id, String path, String json) {
        List<Finding> findings = PolicyAnalyzer.of(PolicyType.IDENTITY).analyze(json);

        assertThat(findings).describedAs("findings for %s", name)
                .filteredOn(f -> f.type() == FindingType.ERROR)
                .extracting(Finding::id, Finding::path)
                .contains(org.assertj.core.groups.Tuple.tuple(id, path));
    }
}
