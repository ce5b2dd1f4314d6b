package io.github.securepulumi.security.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.iam.catalog.AccessLevel;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LeastPrivilegePolicyBuilderTest {

    private static final String OBJECTS = "arn:aws:s3:::app-data/*";
    private static final String BUCKET = "arn:aws:s3:::app-data";
    private static final String IDENTITY = "LeastPrivilegePolicyBuilder \"identity policy\": ";

    private static LeastPrivilegePolicyBuilder identity(Consumer<StatementBuilder> statement) {
        return LeastPrivilegePolicyBuilder.identityPolicy().allow("ReadData", statement);
    }

    private static String rejection(LeastPrivilegePolicyBuilder builder) {
        try {
            builder.buildJson();
        } catch (InvalidArgsException e) {
            return e.getMessage();
        }
        throw new AssertionError("the builder accepted the policy");
    }

    @Test
    void acceptsExactActionOnMatchingArn() {
        String json = identity(s -> s.actions("s3:GetObject").resources(OBJECTS)).buildJson();

        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadData\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::app-data/*\"}]}");
    }

    @Test
    void rejectsUnknownActionWithSuggestion() {
        String message = rejection(identity(s -> s.actions("s3:GetObjekt").resources(OBJECTS)));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The action \"s3:GetObjekt\" does not exist in "
                + "service s3. Did you mean \"s3:GetObject\"?");
    }

    @Test
    void rejectsUnknownServiceWithSuggestion() {
        String message = rejection(identity(s -> s.actions("s4:GetObject").resources(OBJECTS)));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The action \"s4:GetObject\" names the service "
                + "prefix \"s4\", which is not an AWS service prefix. Did you mean \"s3\"?");
    }

    @Test
    void rejectsActionWildcardWithoutJustification() {
        String message = rejection(identity(s -> s.actions("s3:GetObject*").resources(OBJECTS)));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The action \"s3:GetObject*\" is a wildcard that "
                + "allows 16 actions today and every matching action AWS adds later. List the exact actions needed.");
    }

    @Test
    void acceptsActionWildcardWithJustification() {
        LeastPrivilegePolicyBuilder builder = identity(s -> s.actions("s3:GetObject*").resources(OBJECTS)
                .allowWildcardActions(Justification.of("auditors read every object attribute, reviewed by security")));

        String json = builder.buildJson();

        assertThat(json).contains("\"Action\":\"s3:GetObject*\"");
        assertThat(builder.wildcardJustifications()).containsExactly(org.assertj.core.api.Assertions.entry("ReadData",
                Justification.of("auditors read every object attribute, reviewed by security")));
    }

    @Test
    void justificationCoversOnlyItsStatement() {
        LeastPrivilegePolicyBuilder builder = identity(s -> s.actions("s3:GetObject*").resources(OBJECTS)
                        .allowWildcardActions(Justification.of("auditors read every object attribute, reviewed by security")))
                .allow("WriteData", s -> s.actions("s3:Put*").resources(OBJECTS));

        String message = rejection(builder);

        assertThat(message).startsWith(IDENTITY + "statement \"WriteData\": ");
        assertThat(message).contains("\"s3:Put*\"");
    }

    @Test
    void problemNamesStatementMergedAway() {
        LeastPrivilegePolicyBuilder builder = identity(s -> s.actions("s3:GetObject").resources(OBJECTS))
                .allow("WriteData", s -> s.actions("s3:*").resources(OBJECTS));

        String message = rejection(builder);

        assertThat(message).startsWith(IDENTITY + "statement \"WriteData\": ");
    }

    @Test
    void rejectsShortWildcardJustification() {
        String message = rejection(identity(s -> s.actions("s3:GetObject*").resources(OBJECTS)
                .allowWildcardActions(Justification.of("needed"))));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": allowWildcardActions justification is "
                + "\"needed\", but a justification must be a sentence of at least 15 characters saying why the default "
                + "does not fit; write the reason a reviewer should read.");
    }

    @Test
    void acceptsWildcardsInDenyStatements() {
        String json = LeastPrivilegePolicyBuilder.identityPolicy()
                .deny("DenyAllS3", s -> s.actions("s3:*").resources("*"))
                .buildJson();

        assertThat(json).contains("\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"");
    }

    @Test
    void rejectsStarResourceForResourceLevelAction() {
        String message = rejection(identity(s -> s.actions("s3:GetObject").resources("*")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The statement uses \"Resource\": \"*\" for "
                + "actions that support resource-level permissions (s3:GetObject). Name the ARNs of the resources these "
                + "actions need; keep \"*\" only for actions without resource types, in a statement of their own.");
    }

    @Test
    void keyPolicyAcceptsStarAsItsKey() {
        String json = LeastPrivilegePolicyBuilder.keyPolicy()
                .allow("KeyAdministration", s -> s.awsPrincipal("arn:aws:iam::123456789012:root")
                        .actions("kms:DescribeKey", "kms:PutKeyPolicy").resources("*"))
                .buildJson();

        assertThat(json).contains("\"Resource\":\"*\"");
    }

    @Test
    void bucketPolicyRejectsStarResource() {
        String message = rejection(LeastPrivilegePolicyBuilder.resourcePolicy()
                .allow("ReadData", s -> s.awsPrincipal("arn:aws:iam::123456789012:root").actions("s3:GetObject").resources("*")));

        assertThat(message).startsWith("LeastPrivilegePolicyBuilder \"resource policy\": statement \"ReadData\": The "
                + "statement uses \"Resource\": \"*\" for actions that support resource-level permissions (s3:GetObject).");
    }

    @Test
    void acceptsStarForUnscopedAction() {
        String json = identity(s -> s.actions("kms:CreateKey").resources("*")).buildJson();

        assertThat(json).contains("\"Action\":\"kms:CreateKey\",\"Resource\":\"*\"");
    }

    @Test
    void rejectsArnOfWrongService() {
        String message = rejection(identity(s -> s.actions("logs:PutLogEvents")
                .resources("arn:aws:s3:::app-data/logs/*")));

        assertThat(message).isEqualTo(IDENTITY.replace(": ", "") + " has 2 invalid inputs:" + System.lineSeparator()
                + "  - statement \"ReadData\": The resource \"arn:aws:s3:::app-data/logs/*\" matches none of the resource "
                + "types of the actions of the statement (logs:PutLogEvents). Use an ARN of the form "
                + "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}."
                + System.lineSeparator()
                + "  - statement \"ReadData\": The action \"logs:PutLogEvents\" applies to none of the resources of the "
                + "statement (arn:aws:s3:::app-data/logs/*), so it is never allowed. Add an ARN of the form "
                + "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}.");
    }

    @Test
    void acceptsArnOfAnotherServicesType() {
        String json = identity(s -> s.actions("sts:AssumeRole").resources("arn:aws:iam::123456789012:role/deployer"))
                .buildJson();

        assertThat(json).contains("\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::123456789012:role/deployer\"");
    }

    @Test
    void rejectsBucketArnForObjectAction() {
        String message = rejection(identity(s -> s.actions("s3:GetObject", "s3:ListBucket").resources(BUCKET)));

        assertThat(message).contains("The action \"s3:GetObject\" applies to none of the resources of the statement "
                + "(arn:aws:s3:::app-data), so it is never allowed. Add an ARN of the form "
                + "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName} or "
                + "arn:${Partition}:s3:::${BucketName}/${ObjectName}.");
    }

    @Test
    void rejectsUnknownConditionKeyWithSuggestion() {
        String message = rejection(identity(s -> s.actions("s3:GetObject").resources(OBJECTS)
                .condition("StringEquals", "aws:SourceArnn", "arn:aws:cloudtrail:us-east-1:123456789012:trail/t")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The condition key \"aws:SourceArnn\" is neither "
                + "a global condition key nor a key of its service. Did you mean \"aws:SourceArn\"?");
    }

    @Test
    void rejectsUnknownConditionOperator() {
        String message = rejection(identity(s -> s.actions("s3:GetObject").resources(OBJECTS)
                .condition("StringEqual", "aws:SourceAccount", "123456789012")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The condition operator \"StringEqual\" is not an "
                + "IAM condition operator. Did you mean \"StringEquals\"?");
    }

    @Test
    void rejectsOperatorThatDoesNotFitKeyType() {
        String message = rejection(identity(s -> s.actions("s3:GetObject").resources(OBJECTS)
                .condition("NumericEquals", "aws:SecureTransport", "1")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The operator NumericEquals does not apply to the "
                + "condition key \"aws:SecureTransport\", whose type is Bool. Use an operator for Bool values, such as Bool.");
    }

    @Test
    void rejectsUnsupportedConditionKey() {
        String message = rejection(identity(s -> s.actions("s3:GetObject").resources(OBJECTS)
                .condition("StringEquals", "kms:CallerAccount", "123456789012")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The condition key \"kms:CallerAccount\" is not "
                + "in the request context of any action of the statement (s3:GetObject), so the condition never matches "
                + "as intended. Use a key that these actions support, or a global key such as aws:SourceArn.");
    }

    @Test
    void rejectsNotActionInAllow() {
        String message = rejection(identity(s -> s.notActions("iam:CreateUser").resources("*")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The statement combines Allow with NotAction, "
                + "which grants every action not listed, including actions AWS adds later. List the allowed actions in "
                + "Action instead.");
    }

    @Test
    void rejectsNotResourceInAllow() {
        String message = rejection(identity(s -> s.actions("s3:GetObject").notResources("arn:aws:s3:::secrets/*")));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The statement combines Allow with NotResource, "
                + "which grants access to every resource not listed, including resources created later. List the "
                + "allowed resources in Resource instead.");
    }

    @Test
    void acceptsNotResourceInDeny() {
        String json = LeastPrivilegePolicyBuilder.identityPolicy()
                .deny("DenyOutsideBucket", s -> s.actions("s3:GetObject").notResources(OBJECTS))
                .buildJson();

        assertThat(json).contains("\"NotResource\":\"arn:aws:s3:::app-data/*\"");
    }

    @Test
    void rejectsPrincipalInIdentityPolicy() {
        String message = rejection(identity(s -> s.servicePrincipal("lambda.amazonaws.com")
                .actions("s3:GetObject").resources(OBJECTS)));

        assertThat(message).isEqualTo(IDENTITY + "statement \"ReadData\": The statement names a principal, but an identity "
                + "policy applies to the user, group or role it is attached to. Remove the Principal element, or write a "
                + "resource or trust policy instead.");
    }

    @Test
    void rejectsUnscopedPassRole() {
        String message = rejection(LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("PassAppRole", s -> s.actions("iam:PassRole").resources("arn:aws:iam::123456789012:role/*")));

        assertThat(message).contains(
                "statement \"PassAppRole\": The statement allows iam:PassRole on \"arn:aws:iam::123456789012:role/*\", so "
                        + "the principal can pass roles more privileged than itself to a service. Name the exact role "
                        + "ARNs, for example arn:aws:iam::123456789012:role/NAME, in a statement of their own.",
                "statement \"PassAppRole\": The statement allows iam:PassRole without an iam:PassedToService condition, so "
                        + "the role can be passed to any service. Add StringEquals iam:PassedToService with the service "
                        + "principal that needs the role, for example lambda.amazonaws.com.");
    }

    @Test
    void acceptsPassRoleForNamedRole() {
        String json = LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("PassAppRole", s -> s.actions("iam:PassRole")
                        .resources("arn:aws:iam::123456789012:role/app")
                        .condition("StringEquals", "iam:PassedToService", "lambda.amazonaws.com"))
                .buildJson();

        assertThat(json).contains("\"iam:PassedToService\":\"lambda.amazonaws.com\"");
    }

    @Test
    void readHelperExpandsToExactReadActions() {
        String json = identity(s -> s.read("s3", OBJECTS)).buildJson();

        assertThat(json).contains("\"s3:GetObject\"", "\"s3:GetObjectVersion\"", "\"s3:GetObjectTagging\"")
                .doesNotContain("s3:GetObject*", "s3:GetBucketAcl", "s3:PutObject");
        for (String action : json.replaceAll(".*\"Action\":\\[([^]]*)].*", "$1").replace("\"", "").split(",")) {
            assertThat(IamCatalog.shared().action(action).orElseThrow().accessLevel())
                    .describedAs(action).isEqualTo(AccessLevel.READ);
        }
    }

    @Test
    void listHelperExpandsToBucketListActions() {
        String json = LeastPrivilegePolicyBuilder.identityPolicy().allow("ListData", s -> s.list("s3", BUCKET)).buildJson();

        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ListData\",\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:ListBucket\",\"s3:ListBucketMultipartUploads\",\"s3:ListBucketVersions\","
                + "\"s3:ListTagsForResource\"],\"Resource\":\"arn:aws:s3:::app-data\"}]}");
    }

    @Test
    void helpersUseTheirAccessLevel() {
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        String tagging = identity(s -> s.tagging("kms", key)).buildJson();
        String permissions = identity(s -> s.permissionsManagement("kms", key)).buildJson();
        String write = identity(s -> s.write("logs", "arn:aws:logs:us-east-1:123456789012:log-group:/app:log-stream:*")).buildJson();

        assertThat(tagging).contains("\"kms:TagResource\"", "\"kms:UntagResource\"");
        assertThat(permissions).contains("\"kms:PutKeyPolicy\"", "\"kms:CreateGrant\"");
        assertThat(write).contains("\"logs:PutLogEvents\"");
    }

    @Test
    void rejectsHelperWithUnknownService() {
        String message = rejection(identity(s -> s.read("s33", OBJECTS)));

        assertThat(message).contains("statement \"ReadData\": access-level helper service is \"s33\", but that is not an "
                + "AWS service prefix; did you mean \"s3\"?");
    }

    @Test
    void mergesStatementsThatDifferOnlyInActions() {
        String streams = "arn:aws:logs:us-east-1:123456789012:log-group:/app:log-stream:*";

        String json = LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("PutEvents", s -> s.actions("logs:PutLogEvents").resources(streams))
                .allow("CreateStreams", s -> s.actions("logs:CreateLogStream", "logs:putlogevents").resources(streams))
                .buildJson();

        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PutEvents\",\"Effect\":\"Allow\","
                + "\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"" + streams + "\"}]}");
    }

    @Test
    void mergesStatementsThatDifferOnlyInResources() {
        String json = LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("ReadB", s -> s.actions("s3:GetObject").resources("arn:aws:s3:::b/*"))
                .allow("ReadA", s -> s.actions("s3:GetObject").resources("arn:aws:s3:::a/*", "arn:aws:s3:::a/*"))
                .buildJson();

        assertThat(json).contains("\"Sid\":\"ReadB\"").doesNotContain("ReadA")
                .contains("\"Resource\":[\"arn:aws:s3:::a/*\",\"arn:aws:s3:::b/*\"]");
    }

    @Test
    void jsonIgnoresValueOrder() {
        String first = identity(s -> s.actions("s3:PutObject", "s3:GetObject").resources("arn:aws:s3:::b/*", OBJECTS)).buildJson();
        String second = identity(s -> s.actions("s3:getobject", "S3:PutObject").resources(OBJECTS, "arn:aws:s3:::b/*")).buildJson();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void rejectsDocumentOverSizeLimit() {
        LeastPrivilegePolicyBuilder builder = LeastPrivilegePolicyBuilder.trustPolicy().allow("AssumeFromInstances", s -> {
            s.servicePrincipal("ec2.amazonaws.com").actions("sts:AssumeRole");
            for (int i = 0; i < 100; i++) {
                s.condition("ArnEquals", "aws:SourceArn", "arn:aws:ec2:us-east-1:123456789012:instance/i-" + i);
            }
        });

        String message = rejection(builder);

        assertThat(message).isEqualTo("LeastPrivilegePolicyBuilder \"trust policy\": The policy has 5291 characters without "
                + "white space, but AWS accepts at most 2048 for a role trust policy. Merge statements that share "
                + "resources and conditions, or split the policy into several policies.");
    }

    @Test
    void acceptsLargerDocumentUnderRaisedLimit() {
        String json = LeastPrivilegePolicyBuilder.identityPolicy().sizeLimit(PolicySizeLimit.INLINE_ROLE_POLICIES)
                .allow("ReadMany", s -> {
                    s.actions("s3:GetObject");
                    for (int i = 0; i < 250; i++) {
                        s.resources("arn:aws:s3:::bucket-" + i + "/*");
                    }
                })
                .buildJson();

        assertThat(PolicySizeLimit.sizeOf(json)).isBetween(PolicySizeLimit.MANAGED_POLICY.maxCharacters(),
                PolicySizeLimit.INLINE_ROLE_POLICIES.maxCharacters());
    }

    @Test
    void rejectsAnyPrincipalWithoutCondition() {
        String message = rejection(LeastPrivilegePolicyBuilder.resourcePolicy()
                .allow("PublicRead", s -> s.anyPrincipal().actions("s3:GetObject").resources(OBJECTS)));

        assertThat(message).isEqualTo("LeastPrivilegePolicyBuilder \"resource policy\": statement \"PublicRead\": The "
                + "statement allows every principal (\"*\") with no condition, so anyone, in any account, is granted "
                + "access. Name the principals, or add a condition such as aws:SourceAccount or aws:PrincipalOrgID.");
    }

    @Test
    void trustPolicyAcceptsFederatedPrincipal() {
        String json = LeastPrivilegePolicyBuilder.trustPolicy()
                .allow("GitHubActionsDeploy", s -> s
                        .federatedPrincipal("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
                        .actions("sts:AssumeRoleWithWebIdentity")
                        .condition("StringEquals", "token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
                        .condition("StringLike", "token.actions.githubusercontent.com:sub", "repo:octo-org/app:ref:refs/heads/main"))
                .buildJson();

        assertThat(json).contains("\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/"
                + "token.actions.githubusercontent.com\"}");
    }

    @Test
    void rejectsResourceInTrustPolicy() {
        String message = rejection(LeastPrivilegePolicyBuilder.trustPolicy().allow("AssumeFromEc2", s -> s
                .servicePrincipal("ec2.amazonaws.com").actions("sts:AssumeRole").resources("arn:aws:iam::123456789012:role/x")));

        assertThat(message).isEqualTo("LeastPrivilegePolicyBuilder \"trust policy\": statement \"AssumeFromEc2\": The "
                + "statement has a Resource element, but a trust policy's resource is always the role itself. Remove the "
                + "Resource element.");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidArgsException error = (InvalidArgsException) org.assertj.core.api.Assertions.catchThrowable(() ->
                LeastPrivilegePolicyBuilder.identityPolicy()
                        .allow("ReadData", s -> s.actions("s3:GetObjekt").resources(OBJECTS))
                        .allow("Admin", s -> s.actions("*").resources("*"))
                        .buildJson());

        assertThat(error.problems()).hasSize(3);
        assertThat(error.problems().get(0)).startsWith("statement \"ReadData\": The action \"s3:GetObjekt\"");
        assertThat(error.problems().get(2)).startsWith("statement \"Admin\": The statement allows every action on every resource");
    }

    @Test
    void rejectsEmptyPolicyAndDuplicateSids() {
        assertThat(rejection(LeastPrivilegePolicyBuilder.identityPolicy()))
                .isEqualTo(IDENTITY + "the policy has no statements; add one with allow(...) or deny(...).");
        assertThat(rejection(LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("ReadData", s -> s.actions("s3:GetObject").resources(OBJECTS))
                .allow("ReadData", s -> s.actions("s3:PutObject").resources(OBJECTS))))
                .isEqualTo(IDENTITY + "statement \"ReadData\": The Sid \"ReadData\" is used by an earlier statement of the "
                        + "policy. Give every statement a unique Sid.");
    }

    @Test
    void buildJsonRefusesOutputValues() {
        LeastPrivilegePolicyBuilder builder = identity(s -> s.actions("s3:GetObject")
                .resources(com.pulumi.core.Output.of(OBJECTS)));

        assertThatThrownBy(builder::buildJson).isInstanceOf(IllegalStateException.class)
                .hasMessage("this identity policy contains 1 Output values, which resolve only inside apply; call build() "
                        + "instead of buildJson().");
    }
}
