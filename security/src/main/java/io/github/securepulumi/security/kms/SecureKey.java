package io.github.securepulumi.security.kms;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.securepulumi.core.Validation;
import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
import io.github.securepulumi.security.AwsEnvironment;
import io.github.securepulumi.security.iam.LeastPrivilegePolicyBuilder;
import io.github.securepulumi.core.ComponentOutputs;
import io.github.securepulumi.core.Tags;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer managed KMS key with rotation on, a 30-day deletion window and a key policy made only
 * of explicit grants.
 *
 * <p>The key policy is a separate resource ({@link #keyPolicy()}) so that resources which need the
 * key to be usable by a service can wait for it with {@code dependsOn}. Every statement names its
 * actions in full and applies to this key's ARN only.
 *
 * <p>Limitations: symmetric encryption keys only; multi-Region keys and key material import are not
 * supported.
 */
public final class SecureKey extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "securepulumi:security:SecureKey";

    /** Key administration actions granted to the administrators, without any use of the key. */
    static final List<String> ADMINISTRATION_ACTIONS = List.of(
            "kms:CancelKeyDeletion",
            "kms:CreateAlias",
            "kms:DeleteAlias",
            "kms:DescribeKey",
            "kms:DisableKey",
            "kms:EnableKey",
            "kms:EnableKeyRotation",
            "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus",
            "kms:ListGrants",
            "kms:ListKeyRotations",
            "kms:ListResourceTags",
            "kms:PutKeyPolicy",
            "kms:RevokeGrant",
            "kms:RotateKeyOnDemand",
            "kms:ScheduleKeyDeletion",
            "kms:TagResource",
            "kms:UntagResource",
            "kms:UpdateAlias",
            "kms:UpdateKeyDescription");

    /** Condition keys that tie a service grant to one account, resource or encryption context. */
    private static final Pattern SCOPING_CONDITION_KEY = Pattern.compile(
            "aws:SourceAccount|aws:SourceArn|aws:SourceOrgID|kms:CallerAccount|kms:ViaService|kms:EncryptionContext:.+");

    private static final Pattern KMS_ACTION = Pattern.compile("kms:[A-Z][A-Za-z]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

    /** ARN of the key, for example {@code arn:aws:kms:us-east-1:123456789012:key/UUID}. */
    public final Output<String> keyArn;

    /** Id of the key (its UUID). */
    public final Output<String> keyId;

    private final KeyPolicy keyPolicy;

    /**
     * Creates the key and its key policy.
     *
     * @throws io.github.securepulumi.core.InvalidArgsException before anything is registered, listing
     *     every invalid input
     */
    public SecureKey(String name, SecureKeyArgs args, ComponentResourceOptions options) {
        super(TYPE, validated(name, args), options);
        AwsEnvironment aws = AwsEnvironment.current();

        // Retained by default: deleting the key makes everything it encrypted unreadable.
        boolean retain = args.deleteOnDestroy().isEmpty();
        args.deleteOnDestroy().ifPresent(justification -> OptOutReporter.report(this, new SecurityOptOut(
                "SP-KMS-RETAIN", "SecureKey \"" + name + "\"", "deleteOnDestroy",
                "The key is scheduled for deletion on destroy; data it encrypted becomes unreadable after "
                        + args.deletionWindowInDays() + " days.",
                justification)));

        Key key = new Key(name + "-key", KeyArgs.builder()
                .description(args.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(args.deletionWindowInDays())
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .tags(Tags.withDefaults(args.tags(), name))
                .build(),
                CustomResourceOptions.builder().parent(this).retainOnDelete(retain).build());

        this.keyPolicy = new KeyPolicy(name + "-key-policy", KeyPolicyArgs.builder()
                .keyId(key.keyId())
                .policy(policyDocument(args, aws, key.arn()))
                .build(),
                CustomResourceOptions.builder().parent(this).build());

        this.keyArn = key.arn();
        this.keyId = key.keyId();
        registerOutputs(ComponentOutputs.of(this));
    }

    /**
     * Returns the key policy resource. Depend on it, not on the key, when a service must be able to use the
     * key as soon as your resource is created.
     */
    public KeyPolicy keyPolicy() {
        return keyPolicy;
    }

    private static Output<String> policyDocument(SecureKeyArgs args, AwsEnvironment aws, Output<String> keyArn) {
        LeastPrivilegePolicyBuilder policy = LeastPrivilegePolicyBuilder.keyPolicy();
        List<Output<String>> administrators = args.administratorArns().isEmpty()
                ? List.of(aws.accountRootArn())
                : args.administratorArns().stream().map(Output::of).toList();
        policy.allow("KeyAdministration", s -> {
            administrators.forEach(s::awsPrincipal);
            s.actions(ADMINISTRATION_ACTIONS.toArray(String[]::new)).resources(keyArn);
        });
        for (KeyGrant grant : args.grants()) {
            policy.allow(grant.sid(), s -> {
                grant.servicePrincipal().ifPresent(s::servicePrincipal);
                grant.awsPrincipal().ifPresent(s::awsPrincipal);
                s.actions(grant.actions().toArray(String[]::new)).resources(keyArn);
                grant.conditions().forEach(c -> s.condition(c.operator(), c.key(), c.value()));
            });
        }
        return policy.build();
    }

    private static String validated(String name, SecureKeyArgs args) {
        Validation validation = Validation.of("SecureKey", name);
        int window = args.deletionWindowInDays();
        if (window < AbstractSecureKeyArgs.MIN_DELETION_WINDOW_DAYS || window > AbstractSecureKeyArgs.MAX_DELETION_WINDOW_DAYS) {
            validation.reject("deletionWindowInDays", window,
                    "KMS accepts 7 to 30 days; choose a value in that range (30 gives the most time to cancel a mistake).");
        }
        for (String admin : args.administratorArns()) {
            boolean iam = Arn.parse(admin).filter(a -> a.service().equals("iam")).isPresent();
            if (!iam) {
                validation.reject("administratorArns", admin,
                        "an administrator must be an IAM ARN such as arn:aws:iam::123456789012:role/KeyAdmins; pass the role, user or account root ARN.");
            }
        }
        checkGrants(args.grants(), validation);
        Tags.check("tags", args.tags(), validation);
        validation.justification("deleteOnDestroy", args.deleteOnDestroy());
        validation.throwIfInvalid();
        return name;
    }

    private static void checkGrants(List<KeyGrant> grants, Validation validation) {
        Set<String> sids = new HashSet<>();
        sids.add("KeyAdministration");
        for (int i = 0; i < grants.size(); i++) {
            KeyGrant grant = grants.get(i);
            String path = "grants[" + i + "]";
            if (!SID.matcher(grant.sid()).matches()) {
                validation.reject(path + ".sid", grant.sid(), "a statement id may contain only letters and digits; remove the other characters.");
            } else if (!sids.add(grant.sid())) {
                validation.reject(path + ".sid", grant.sid(), "another statement of the key policy already uses it; give each grant its own sid.");
            }
            if (grant.servicePrincipal().isPresent() == grant.awsPrincipal().isPresent()) {
                validation.problem(path + " (" + grant.sid() + ") must name exactly one principal; call either servicePrincipal(...) or awsPrincipal(...).");
            }
            if (grant.actions().isEmpty()) {
                validation.problem(path + " (" + grant.sid() + ") has no actions; list the KMS actions the principal needs, such as kms:Decrypt.");
            }
            for (String action : grant.actions()) {
                if (!KMS_ACTION.matcher(action).matches()) {
                    validation.reject(path + ".actions", action,
                            "a key grant lists KMS actions in full, without wildcards; name each action, such as kms:GenerateDataKey.");
                }
            }
            boolean scoped = grant.conditions().stream().anyMatch(c -> SCOPING_CONDITION_KEY.matcher(c.key()).matches());
            if (grant.servicePrincipal().isPresent() && !scoped) {
                validation.problem(path + " (" + grant.sid() + ") grants the key to an AWS service without a condition on aws:SourceAccount, "
                        + "aws:SourceArn or kms:EncryptionContext:...; add one so the service can use the key only for your resources.");
            }
        }
    }
}
