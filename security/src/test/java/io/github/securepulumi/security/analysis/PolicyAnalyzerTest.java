package io.github.securepulumi.security.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyAnalyzerTest {

    private static final PolicyAnalyzer IDENTITY = PolicyAnalyzer.of(PolicyType.IDENTITY);

    /** A one-statement identity policy around the given statement body. */
    private static String policy(String statement) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}";
    }

    private static List<Finding> withId(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).toList();
    }

    private static final String COMPLIANT = policy(
            "{\"Sid\": \"ReadData\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::app-data/*\"}");

    @Test
    void compliantPolicyHasNoFindings() {
        assertThat(IDENTITY.analyze(COMPLIANT)).isEmpty();
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}";

        List<Finding> findings = IDENTITY.analyze(json);

        assertThat(findings).containsExactly(new Finding(FindingType.ERROR, "PARSE_ERROR", "$",
                "The policy is not valid JSON at line 4, column 25: expected a property name in double quotes, for "
                        + "example after a trailing comma.",
                "Fix the JSON syntax at that position; policies must be strict JSON (double quotes, no trailing commas, "
                        + "no comments)."));
    }

    @Test
    void lenientJsonIsRejected() {
        List<Finding> findings = IDENTITY.analyze("{'Version': '2012-10-17'}");

        assertThat(findings).extracting(Finding::message).containsExactly("The policy is not valid JSON at line 1, column 3: "
                + "this is not strict JSON (single quotes, unquoted names, comments or text after the document).");
    }

    @Test
    void truncatedJsonIsParseErrorNotException() {
        assertThat(IDENTITY.analyze("{\"Version\": \"2012-10-17\", \"Statement\": ["))
                .extracting(Finding::id, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PARSE_ERROR",
                        "The policy is not valid JSON at line 1, column 41: End of input."));
    }

    @Test
    void missingVersionIsWarning() {
        String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}}";

        assertThat(IDENTITY.analyze(json)).containsExactly(new Finding(FindingType.WARNING, "MISSING_VERSION", "$",
                "The policy has no Version, so IAM reads it as version 2008-10-17, which does not support policy "
                        + "variables such as ${aws:username}.",
                "Add \"Version\": \"2012-10-17\"."));
    }

    @Test
    void oldVersionIsWarning() {
        String json = COMPLIANT.replace("2012-10-17", "2008-10-17");

        assertThat(IDENTITY.analyze(json)).extracting(Finding::type, Finding::id, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingType.WARNING, "OLD_VERSION", "$.Version"));
    }

    @Test
    void duplicateAndInvalidSidsAreErrors() {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Sid\": \"Read-1\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"},"
                + "{\"Sid\": \"Read-1\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}";

        List<Finding> findings = IDENTITY.analyze(json);

        assertThat(withId(findings, "DUPLICATE_SID")).containsExactly(new Finding(FindingType.ERROR, "DUPLICATE_SID",
                "$.Statement[1].Sid", "The Sid \"Read-1\" is used by an earlier statement of the policy.",
                "Give every statement a unique Sid."));
        assertThat(withId(findings, "INVALID_SID")).first().isEqualTo(new Finding(FindingType.ERROR, "INVALID_SID",
                "$.Statement[0].Sid",
                "The Sid \"Read-1\" contains characters other than letters and digits, which IAM rejects in identity policies.",
                "Use only A-Z, a-z and 0-9, for example \"Read1\"."));
    }

    @Test
    void fullAdminIsSecurityWarning() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}");

        assertThat(withId(IDENTITY.analyze(json), "FULL_ADMIN")).containsExactly(new Finding(FindingType.SECURITY_WARNING,
                "FULL_ADMIN", "$.Statement[0].Action",
                "The statement allows every action on every resource (\"Action\": \"*\" with \"Resource\": \"*\"), which is "
                        + "full administrator access.",
                "Grant only the actions and resources the principal needs."));
    }

    @Test
    void singleActionEscalationIsSecurityWarning() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": \"iam:CreatePolicyVersion\", "
                + "\"Resource\": \"arn:aws:iam::123456789012:policy/app\"}");

        assertThat(IDENTITY.analyze(json)).containsExactly(new Finding(FindingType.SECURITY_WARNING, "PRIVILEGE_ESCALATION",
                "$.Statement[0].Action",
                "The policy allows iam:CreatePolicyVersion, with which a principal creates a new default version of a "
                        + "managed policy it is attached to, with any permissions.",
                "Remove these actions, or restrict them to specific resources and protect those with a permissions boundary."));
    }

    @Test
    void passRoleWithLambdaCombinationIsSecurityWarning() {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::123456789012:role/app\","
                + " \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}},"
                + "{\"Effect\": \"Allow\", \"Action\": [\"lambda:CreateFunction\", \"lambda:InvokeFunction\"],"
                + " \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:app\"}]}";

        assertThat(IDENTITY.analyze(json)).extracting(Finding::id, Finding::path, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PRIVILEGE_ESCALATION", "$.Statement[0].Action",
                        "The policy allows iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction, with which a "
                                + "principal creates and invokes a Lambda function that runs with a more privileged role."));
    }

    @Test
    void lambdaWithoutPassRoleIsNoEscalation() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": [\"lambda:CreateFunction\", \"lambda:InvokeFunction\"],"
                + " \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:app\"}");

        assertThat(IDENTITY.analyze(json)).isEmpty();
    }

    @Test
    void credentialExposureOnEveryResourceIsSecurityWarning() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": \"ecr:GetAuthorizationToken\", \"Resource\": \"*\"}");

        assertThat(IDENTITY.analyze(json)).containsExactly(new Finding(FindingType.SECURITY_WARNING, "CREDENTIALS_EXPOSURE",
                "$.Statement[0].Action",
                "The action \"ecr:GetAuthorizationToken\" returns credentials, keys or passwords "
                        + "(ecr:GetAuthorizationToken) for every resource.",
                "Allow it only for the specific resources that need it, and monitor its use in CloudTrail."));
    }

    @Test
    void dataExfiltrationOnEveryResourceIsSecurityWarning() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"}");
        String scoped = policy("{\"Effect\": \"Allow\", \"Action\": \"secretsmanager:GetSecretValue\", "
                + "\"Resource\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf\"}");

        assertThat(withId(IDENTITY.analyze(json), "DATA_EXFILTRATION")).containsExactly(new Finding(
                FindingType.SECURITY_WARNING, "DATA_EXFILTRATION", "$.Statement[0].Action",
                "The action \"secretsmanager:GetSecretValue\" reads stored data or secrets "
                        + "(secretsmanager:GetSecretValue) from every resource, so the principal can copy out any of it.",
                "Name the ARNs of the buckets, parameters, secrets or tables it needs."));
        assertThat(IDENTITY.analyze(scoped)).isEmpty();
    }

    @Test
    void wildcardActionIsSecurityWarningInAllowOnly() {
        String allow = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject*\", \"Resource\": \"arn:aws:s3:::b/*\"}");
        String deny = policy("{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}");

        assertThat(IDENTITY.analyze(allow)).extracting(Finding::type, Finding::id, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingType.SECURITY_WARNING, "WILDCARD_ACTION",
                        "$.Statement[0].Action"));
        assertThat(IDENTITY.analyze(deny)).isEmpty();
    }

    @Test
    void redundantActionIsSuggestion() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:getobject\"], "
                + "\"Resource\": \"arn:aws:s3:::b/*\"}");

        assertThat(IDENTITY.analyze(json)).containsExactly(new Finding(FindingType.SUGGESTION, "REDUNDANT_ACTION",
                "$.Statement[0].Action[1]", "The action \"s3:getobject\" is listed twice in the statement.",
                "Remove the repeated entry."));
    }

    @Test
    void setOperatorOnSingleValuedKeyIsWarning() {
        String json = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\", "
                + "\"Condition\": {\"ForAllValues:StringEquals\": {\"aws:SourceAccount\": \"123456789012\"}}}");

        assertThat(IDENTITY.analyze(json)).extracting(Finding::type, Finding::id, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingType.WARNING, "SET_OPERATOR_ON_SINGLE_VALUED_KEY",
                        "$.Statement[0].Condition.ForAllValues:StringEquals.aws:SourceAccount"));
    }

    @Test
    void invalidEffectAndArnAreErrors() {
        String json = policy("{\"Effect\": \"allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"my-bucket/*\"}");

        assertThat(IDENTITY.analyze(json)).containsExactly(
                new Finding(FindingType.ERROR, "INVALID_EFFECT", "$.Statement[0].Effect",
                        "The Effect \"allow\" is neither \"Allow\" nor \"Deny\" (the values are case-sensitive).",
                        "Use \"Allow\" or \"Deny\"."),
                new Finding(FindingType.ERROR, "INVALID_ARN", "$.Statement[0].Resource",
                        "The resource \"my-bucket/*\" is not an ARN of the form arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE.",
                        "Use the resource's full ARN, or \"*\" for actions that do not support resource-level permissions."));
    }

    @Test
    void unknownElementIsStructureError() {
        String json = policy("{\"Effect\": \"Allow\", \"Actions\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}");

        assertThat(IDENTITY.analyze(json)).extracting(Finding::id, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INVALID_POLICY_STRUCTURE", "$.Statement[0].Actions"),
                org.assertj.core.groups.Tuple.tuple("MISSING_ACTION", "$.Statement[0]"));
    }

    @Test
    void resourcePolicyPrincipalsAreChecked() {
        String json = policy("{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail\"}, "
                + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}");

        assertThat(PolicyAnalyzer.of(PolicyType.RESOURCE).analyze(json)).containsExactly(new Finding(FindingType.ERROR,
                "INVALID_PRINCIPAL", "$.Statement[0].Principal.Service",
                "The service principal \"cloudtrail\" is not a service name such as cloudtrail.amazonaws.com.",
                "Use the service's principal name, which ends in .amazonaws.com."));
    }

    @Test
    void trustPolicyAcceptsOnlyStsActions() {
        String json = policy("{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"s3:GetObject\"}");

        assertThat(PolicyAnalyzer.of(PolicyType.TRUST).analyze(json)).extracting(Finding::id)
                .containsExactly("TRUST_POLICY_ACTION");
    }

    @Test
    void sizeLimitIsCheckedWhenGiven() {
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            resources.append(i == 0 ? "" : ",").append("\"arn:aws:s3:::bucket-").append(i).append("/*\"");
        }
        String json = policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": [" + resources + "]}");

        assertThat(PolicyAnalyzer.of(PolicyType.IDENTITY, PolicySizeLimit.MANAGED_POLICY).analyze(json))
                .extracting(Finding::id).containsExactly("POLICY_SIZE_EXCEEDED");
        assertThat(IDENTITY.analyze(json)).isEmpty();
    }

    @Test
    void readsPolicyFromFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("policy.json");
        Files.writeString(file, COMPLIANT.replace("s3:GetObject", "s3:GetObjekt"));

        assertThat(IDENTITY.analyze(file)).extracting(Finding::id, Finding::fix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UNKNOWN_ACTION", "Did you mean \"s3:GetObject\"?"));
    }

    @Test
    void analyzesOutputInsideApply() {
        List<List<Finding>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        OfflinePreview.builder().build().run(ctx -> IDENTITY.analyze(Output.of(COMPLIANT.replace("\"Allow\"", "\"Permit\"")))
                .applyValue(findings -> seen.add(findings))).graphOrThrow();

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).extracting(Finding::id).containsExactly("INVALID_EFFECT");
    }

    @Test
    void everyRiskyActionExistsInCatalog() {
        IamCatalog catalog = IamCatalog.shared();
        List<String> names = new java.util.ArrayList<>(RiskyActions.CREDENTIALS_EXPOSURE);
        names.addAll(RiskyActions.DATA_EXFILTRATION);
        RiskyActions.PRIVILEGE_ESCALATION.forEach(path -> names.addAll(path.actions()));

        for (String name : names) {
            assertThat(catalog.action(name)).describedAs(name.toLowerCase(Locale.ROOT)).isPresent();
        }
    }
}
