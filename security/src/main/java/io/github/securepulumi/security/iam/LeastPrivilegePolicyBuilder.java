package io.github.securepulumi.security.iam;

import com.pulumi.core.Output;
import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.Validation;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.security.analysis.Finding;
import io.github.securepulumi.security.analysis.FindingType;
import io.github.securepulumi.security.analysis.PolicyAnalyzer;
import io.github.securepulumi.security.analysis.PolicyModel;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.analysis.PolicyType;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds IAM policy documents that grant only what they name, checked against the bundled
 * {@link IamCatalog}.
 *
 * <pre>{@code
 * Output<String> document = LeastPrivilegePolicyBuilder.identityPolicy()
 *         .allow("WriteTrailLogs", s -> s
 *                 .actions("logs:CreateLogStream", "logs:PutLogEvents")
 *                 .resources(logStreamsArn))
 *         .build();
 * }</pre>
 *
 * <p>{@link #build()} rejects, with an {@link InvalidArgsException} naming the statement, the value
 * and the fix: unknown services, actions, condition operators and condition keys; action wildcards
 * in {@code Allow} statements without {@link StatementBuilder#allowWildcardActions}; {@code "*"} as
 * the resource of actions that support resource-level permissions; resource ARNs that match none of
 * the actions' resource types; operators that do not fit a key's type; {@code NotAction} and
 * {@code NotResource} in {@code Allow} statements; principals in identity policies;
 * {@code iam:PassRole} without specific role ARNs and an {@code iam:PassedToService} condition; and
 * documents over the size limit. These are every {@code ERROR} finding of {@link PolicyAnalyzer}
 * and its {@code WILDCARD_ACTION}, {@code WILDCARD_RESOURCE}, {@code ALLOW_WITH_NOT_ACTION},
 * {@code ALLOW_WITH_NOT_RESOURCE}, {@code PASS_ROLE_WITH_STAR_IN_RESOURCE},
 * {@code PASS_ROLE_WITHOUT_PASSED_TO_SERVICE}, {@code FULL_ADMIN}, {@code PUBLIC_ACCESS} and
 * {@code INVALID_SID} findings. The analyzer's privilege-escalation, credential-exposure and
 * data-exfiltration warnings do not block the builder. {@code Deny} statements may use wildcards,
 * since denying more is safe.
 *
 * <p>Values given as {@code Output} (ARNs, principals, condition values) are checked once they
 * resolve, inside {@code apply}: a problem with one of them fails the returned {@code Output} with
 * the same message, while problems with plain values are raised by {@code build()} itself, before
 * any resource is registered. The document is assembled inside {@code apply} and never calls
 * {@code toString()} on an {@code Output}.
 *
 * <p>The JSON is deterministic: Version {@code 2012-10-17}, statements in the order written,
 * actions, resources, principals and condition values sorted and de-duplicated. A statement that
 * differs from an earlier one only in its actions, or only in its resources, is merged into the
 * earlier one, which keeps its Sid.
 */
public final class LeastPrivilegePolicyBuilder {

    /** The analyzer's security warnings that the builder treats as errors. */
    static final Set<String> REJECTED_WARNINGS = Set.of("WILDCARD_ACTION", "WILDCARD_RESOURCE", "ALLOW_WITH_NOT_ACTION",
            "ALLOW_WITH_NOT_RESOURCE", "PASS_ROLE_WITH_STAR_IN_RESOURCE", "PASS_ROLE_WITHOUT_PASSED_TO_SERVICE",
            "FULL_ADMIN", "PUBLIC_ACCESS", "INVALID_SID");

    private static final Pattern STATEMENT_PATH = Pattern.compile("^\\$\\.Statement\\[(\\d+)]");

    private final PolicyType policyType;
    private final String label;
    private final boolean starIsAttachedResource;
    private PolicySizeLimit sizeLimit;
    private IamCatalog catalog = IamCatalog.shared();
    private final List<StatementBuilder> statements = new ArrayList<>();
    private final List<Output<String>> outputs = new ArrayList<>();

    private LeastPrivilegePolicyBuilder(PolicyType policyType, String label, PolicySizeLimit sizeLimit,
            boolean starIsAttachedResource) {
        this.policyType = policyType;
        this.label = label;
        this.starIsAttachedResource = starIsAttachedResource;
        this.sizeLimit = sizeLimit;
    }

    /** Starts an identity policy (for a user, group or role), limited to a managed policy's 6,144 characters. */
    public static LeastPrivilegePolicyBuilder identityPolicy() {
        return new LeastPrivilegePolicyBuilder(PolicyType.IDENTITY, "identity policy", PolicySizeLimit.MANAGED_POLICY, false);
    }

    /** Starts a resource policy such as a bucket policy, limited to an S3 bucket policy's 20 KB. */
    public static LeastPrivilegePolicyBuilder resourcePolicy() {
        return new LeastPrivilegePolicyBuilder(PolicyType.RESOURCE, "resource policy", PolicySizeLimit.S3_BUCKET_POLICY, false);
    }

    /**
     * Starts a KMS key policy: a resource policy limited to 32 KB. Statements may name the key's ARN, or
     * {@code "*"}, which in a key policy means only the key the policy is attached to; use {@code "*"}
     * when the policy is set on the key at creation and its ARN is not known yet.
     */
    public static LeastPrivilegePolicyBuilder keyPolicy() {
        return new LeastPrivilegePolicyBuilder(PolicyType.RESOURCE, "key policy", PolicySizeLimit.KMS_KEY_POLICY, true);
    }

    /** Starts a role trust policy: principals and {@code sts:} actions, no resources, at most 2,048 characters. */
    public static LeastPrivilegePolicyBuilder trustPolicy() {
        return new LeastPrivilegePolicyBuilder(PolicyType.TRUST, "trust policy", PolicySizeLimit.ROLE_TRUST_POLICY, false);
    }

    /**
     * Sets the size limit to check, for example {@link PolicySizeLimit#INLINE_ROLE_POLICIES} for a
     * role's inline policy. The default depends on the factory method.
     */
    public LeastPrivilegePolicyBuilder sizeLimit(PolicySizeLimit limit) {
        this.sizeLimit = Objects.requireNonNull(limit, "sizeLimit");
        return this;
    }

    /** Uses another catalog; call it before adding statements. The default is {@link IamCatalog#shared()}. */
    public LeastPrivilegePolicyBuilder catalog(IamCatalog otherCatalog) {
        this.catalog = Objects.requireNonNull(otherCatalog, "catalog");
        return this;
    }

    /** Adds an {@code Allow} statement with a Sid of letters and digits. */
    public LeastPrivilegePolicyBuilder allow(String sid, Consumer<StatementBuilder> statement) {
        return add(sid, true, statement);
    }

    /** Adds a {@code Deny} statement with a Sid of letters and digits. */
    public LeastPrivilegePolicyBuilder deny(String sid, Consumer<StatementBuilder> statement) {
        return add(sid, false, statement);
    }

    private LeastPrivilegePolicyBuilder add(String sid, boolean allow, Consumer<StatementBuilder> statement) {
        StatementBuilder builder = new StatementBuilder(this, catalog, sid, allow);
        statement.accept(builder);
        statements.add(builder);
        return this;
    }

    /**
     * Returns the Sid and justification of every statement that opted in to action wildcards, in
     * statement order, so that a component can report them, for example with {@code OptOutReporter}.
     */
    public Map<String, Justification> wildcardJustifications() {
        Map<String, Justification> justifications = new LinkedHashMap<>();
        for (StatementBuilder statement : statements) {
            if (statement.wildcardJustification != null) {
                justifications.put(statement.sid, statement.wildcardJustification);
            }
        }
        return Collections.unmodifiableMap(justifications);
    }

    PolicyText.Deferred defer(Output<String> output) {
        outputs.add(output);
        return new PolicyText.Deferred(output, outputs.size() - 1);
    }

    /**
     * Checks every statement and returns the policy document.
     *
     * @throws InvalidArgsException listing every problem found in values known now; problems in
     *     {@code Output} values fail the returned {@code Output} instead
     */
    public Output<String> build() {
        if (outputs.isEmpty()) {
            return Output.of(buildJson());
        }
        check(PolicyDocuments.assemble(statements, null, false), false, false);
        List<Output<String>> pending = List.copyOf(outputs);
        return Output.all(pending).applyValue(this::finish);
    }

    /**
     * Checks every statement and returns the document as JSON, for policies with no {@code Output}
     * values.
     *
     * @throws InvalidArgsException listing every problem found
     * @throws IllegalStateException when a statement contains an {@code Output} value; use {@link #build()}
     */
    public String buildJson() {
        if (!outputs.isEmpty()) {
            throw new IllegalStateException("this " + label + " contains " + outputs.size()
                    + " Output values, which resolve only inside apply; call build() instead of buildJson().");
        }
        return finish(List.of());
    }

    private String finish(List<String> resolved) {
        // Checked before merging, so that every problem names the statement it was written in and a
        // wildcard opt-in covers only its own statement. The merged document is checked again for
        // what merging changes: its size.
        check(PolicyDocuments.assemble(statements, resolved, false), true, false);
        PolicyDocuments.Assembled merged = PolicyDocuments.assemble(statements, resolved, true);
        check(merged, true, true);
        return merged.json();
    }

    /**
     * Raises every problem: the builder's own, then the analyzer's findings that block. Before the
     * {@code Output} values resolve ({@code complete} false) the checks that need every resource or
     * the final size are left for later.
     */
    private void check(PolicyDocuments.Assembled assembled, boolean complete, boolean checkSize) {
        Validation validation = Validation.of("LeastPrivilegePolicyBuilder", label);
        if (statements.isEmpty()) {
            validation.problem("the policy has no statements; add one with allow(...) or deny(...).");
        }
        Set<String> sids = new HashSet<>();
        for (StatementBuilder statement : statements) {
            // Checked here, not by the analyzer, because merging would hide a repeated Sid.
            if (statement.sid != null && !sids.add(statement.sid)) {
                validation.problem(prefix(statement.sid) + "The Sid \"" + statement.sid
                        + "\" is used by an earlier statement of the policy. Give every statement a unique Sid.");
            }
            if (statement.sid == null || statement.sid.isBlank()) {
                validation.reject("a statement's Sid", statement.sid,
                        "every statement needs a Sid of letters and digits, unique in the policy; name what the statement is for, such as \"WriteTrailLogs\".");
            }
            boolean namedPrincipals = !statement.servicePrincipals.isEmpty() || !statement.awsPrincipals.isEmpty()
                    || !statement.federatedPrincipals.isEmpty();
            if (statement.anyPrincipal && namedPrincipals) {
                validation.problem(prefix(statement.sid) + "anyPrincipal() cannot be combined with named principals; "
                        + "keep anyPrincipal() with a narrowing condition, or name the principals.");
            }
            for (String problem : statement.problems) {
                validation.problem(prefix(statement.sid) + problem);
            }
        }
        PolicyAnalyzer analyzer = sizeLimit == null || !complete ? PolicyAnalyzer.of(policyType) : PolicyAnalyzer.of(policyType, sizeLimit);
        for (Finding finding : analyzer.withCatalog(catalog).analyze(assembled.document())) {
            if (!checkSize && finding.id().equals("POLICY_SIZE_EXCEEDED")) {
                continue;
            }
            if (blocks(finding, assembled, complete)) {
                validation.problem(describe(finding, assembled.document()));
            }
        }
        validation.throwIfInvalid();
    }

    private boolean blocks(Finding finding, PolicyDocuments.Assembled assembled, boolean complete) {
        if (starIsAttachedResource && finding.id().equals("WILDCARD_RESOURCE")) {
            return false;
        }
        if (finding.id().equals("DUPLICATE_SID") || (!complete && finding.id().equals("ACTION_RESOURCE_MISMATCH"))) {
            return false;
        }
        if (finding.id().equals("WILDCARD_ACTION") && assembled.wildcardsJustified(statementIndex(finding))) {
            return false;
        }
        return finding.type() == FindingType.ERROR || REJECTED_WARNINGS.contains(finding.id());
    }

    private static int statementIndex(Finding finding) {
        Matcher matcher = STATEMENT_PATH.matcher(finding.path());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static String describe(Finding finding, PolicyModel.Document document) {
        int index = statementIndex(finding);
        String where = index >= 0 ? prefix(document.statements().get(index).sid()) : "";
        return where + finding.message() + " " + finding.fix();
    }

    private static String prefix(String sid) {
        return "statement \"" + sid + "\": ";
    }
}
