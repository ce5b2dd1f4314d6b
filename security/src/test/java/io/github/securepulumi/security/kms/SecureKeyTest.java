package io.github.securepulumi.security.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PolicyView.Statement;
import io.github.securepulumi.core.preview.PreviewResult;
import io.github.securepulumi.core.preview.ResourceGraph;
import io.github.securepulumi.core.preview.ResourceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureKeyTest {

    private static final String KEY = "aws:kms/key:Key";
    private static final String KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

    private static PreviewResult run(SecureKeyArgs args) {
        return OfflinePreview.builder().build().run(ctx -> new SecureKey("data", args, null));
    }

    private static KeyGrant snsGrant() {
        return KeyGrant.builder("SnsUseKey")
                .servicePrincipal("sns.amazonaws.com")
                .actions("kms:GenerateDataKey", "kms:Decrypt")
                .condition("StringEquals", "aws:SourceAccount", "123456789012")
                .build();
    }

    @Test
    void keyRotatesWithLongestDeletionWindow() {
        ResourceNode key = run(SecureKeyArgs.builder().build()).graphOrThrow().get(KEY, "data-key");

        assertThat(key.input("enableKeyRotation")).describedAs("rotation").contains(true);
        assertThat(((Number) key.input("deletionWindowInDays").orElseThrow()).intValue()).isEqualTo(30);
        assertThat(key.input("keyUsage")).contains("ENCRYPT_DECRYPT");
        assertThat(key.input("customerMasterKeySpec")).contains("SYMMETRIC_DEFAULT");
        assertThat(key.input("description")).contains("Customer managed key created by securepulumi");
        assertThat(key.retainOnDelete()).describedAs("key retained on destroy").isTrue();
    }

    @Test
    void defaultPolicyOnlyAdministers() {
        ResourceGraph graph = run(SecureKeyArgs.builder().build()).graphOrThrow();
        PolicyView policy = PolicyView.of(graph.get(KEY_POLICY, "data-key-policy"), "policy");
        String keyArn = (String) graph.get(KEY, "data-key").output("arn").orElseThrow();

        assertThat(policy.sids()).containsExactly("KeyAdministration");
        Statement admin = policy.statement("KeyAdministration");
        assertThat(admin.principals("AWS")).containsExactly("arn:aws:iam::123456789012:root");
        assertThat(admin.resources()).containsExactly(keyArn);
        assertThat(admin.actions()).containsExactlyElementsOf(SecureKey.ADMINISTRATION_ACTIONS);
        assertThat(admin.actions()).allSatisfy(action -> assertThat(action).doesNotContain("*"));
    }

    @Test
    void keyPolicyTargetsKeyById() {
        ResourceGraph graph = run(SecureKeyArgs.builder().build()).graphOrThrow();
        ResourceNode key = graph.get(KEY, "data-key");
        ResourceNode policy = graph.get(KEY_POLICY, "data-key-policy");

        assertThat(policy.inputString("keyId")).isEqualTo(key.output("keyId").orElseThrow());
        assertThat(policy.impliedDependsOn()).containsExactly(key.key());
    }

    @Test
    void grantBecomesConditionedStatement() {
        ResourceGraph graph = run(SecureKeyArgs.builder().addGrants(snsGrant()).build()).graphOrThrow();
        Statement grant = PolicyView.of(graph.get(KEY_POLICY, "data-key-policy"), "policy").statement("SnsUseKey");

        assertThat(grant.principals("Service")).containsExactly("sns.amazonaws.com");
        assertThat(grant.actions()).describedAs("actions, sorted by the builder").containsExactly("kms:Decrypt", "kms:GenerateDataKey");
        assertThat(grant.conditions()).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("123456789012"))));
    }

    @Test
    void administratorsReplaceAccountRoot() {
        String admins = "arn:aws:iam::123456789012:role/KeyAdmins";
        ResourceGraph graph = run(SecureKeyArgs.builder().addAdministratorArns(admins).build()).graphOrThrow();

        assertThat(PolicyView.of(graph.get(KEY_POLICY, "data-key-policy"), "policy").statement("KeyAdministration")
                .principals("AWS")).containsExactly(admins);
    }

    @Test
    void rejectsServiceGrantWithoutScopingCondition() {
        KeyGrant unscoped = KeyGrant.builder("SnsUseKey").servicePrincipal("sns.amazonaws.com").actions("kms:Decrypt").build();

        PreviewResult result = run(SecureKeyArgs.builder().addGrants(unscoped).build());

        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class).extracting(Throwable::getMessage)
                .isEqualTo("SecureKey \"data\": grants[0] (SnsUseKey) grants the key to an AWS service without a condition on "
                        + "aws:SourceAccount, aws:SourceArn or kms:EncryptionContext:...; add one so the service can use the key "
                        + "only for your resources.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsWildcardAction() {
        KeyGrant wildcard = KeyGrant.builder("Everything").awsPrincipal("arn:aws:iam::123456789012:role/app")
                .actions("kms:*").build();

        PreviewResult result = run(SecureKeyArgs.builder().addGrants(wildcard).build());

        assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("SecureKey \"data\": grants[0].actions is "
                + "\"kms:*\", but a key grant lists KMS actions in full, without wildcards; name each action, such as kms:GenerateDataKey.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsDeletionWindowOutsideKmsRange() {
        PreviewResult result = run(SecureKeyArgs.builder().deletionWindowInDays(3).build());

        assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("SecureKey \"data\": deletionWindowInDays is 3, "
                + "but KMS accepts 7 to 30 days; choose a value in that range (30 gives the most time to cancel a mistake).");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsDuplicateSidsAndMissingPrincipal() {
        KeyGrant noPrincipal = KeyGrant.builder("KeyAdministration").actions("kms:Decrypt").build();

        PreviewResult result = run(SecureKeyArgs.builder().addGrants(noPrincipal).build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).containsExactly(
                "grants[0].sid is \"KeyAdministration\", but another statement of the key policy already uses it; give each grant its own sid.",
                "grants[0] (KeyAdministration) must name exactly one principal; call either servicePrincipal(...) or awsPrincipal(...).");
    }

    @Test
    void rejectsAdministratorThatIsNoIamArn() {
        PreviewResult result = run(SecureKeyArgs.builder().addAdministratorArns("arn:aws:s3:::bucket").build());

        assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("SecureKey \"data\": administratorArns is "
                + "\"arn:aws:s3:::bucket\", but an administrator must be an IAM ARN such as arn:aws:iam::123456789012:role/KeyAdmins; "
                + "pass the role, user or account root ARN.");
    }

    @Test
    void deleteOnDestroyIsReported() {
        ResourceGraph graph = run(SecureKeyArgs.builder()
                .deleteOnDestroy(Justification.of("scratch key for an integration test")).build()).graphOrThrow();

        assertThat(graph.get(KEY, "data-key").retainOnDelete()).isFalse();
        assertThat(graph.optOuts()).singleElement().satisfies(optOut -> {
            assertThat(optOut.ruleId()).isEqualTo("SP-KMS-RETAIN");
            assertThat(optOut.input()).isEqualTo("deleteOnDestroy");
        });
    }
}
