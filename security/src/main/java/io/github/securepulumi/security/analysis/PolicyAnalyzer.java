package io.github.securepulumi.security.analysis;

import com.pulumi.core.Output;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks any IAM policy document offline and explains what is wrong with it.
 *
 * <p>Findings are typed like those of AWS IAM Access Analyzer's policy validation ({@code ERROR},
 * {@code SECURITY_WARNING}, {@code WARNING}, {@code SUGGESTION}); each has a stable id, the JSON
 * path of the offending element, what is wrong and how to fix it. The analyzer checks the policy
 * grammar, every action, resource ARN and condition key against the bundled {@link IamCatalog},
 * wildcards, {@code iam:PassRole}, privilege-escalation paths, credential-exposure and
 * data-exfiltration actions, Sids, the Version and, when a limit is set, the size.
 *
 * <pre>{@code
 * List<Finding> findings = PolicyAnalyzer.of(PolicyType.IDENTITY).analyze(json);
 * }</pre>
 *
 * <p>Malformed JSON gives one {@code PARSE_ERROR} finding with the line and column, never an
 * exception. Limitations: the checks see one document at a time, so they cannot tell whether
 * another policy, a permissions boundary or an SCP denies what this one allows.
 */
public final class PolicyAnalyzer {

    private final PolicyType policyType;
    private final PolicySizeLimit sizeLimit;
    private final IamCatalog catalog;

    private PolicyAnalyzer(PolicyType policyType, PolicySizeLimit sizeLimit, IamCatalog catalog) {
        this.policyType = Objects.requireNonNull(policyType, "policyType");
        this.sizeLimit = sizeLimit;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Creates an analyzer for one kind of policy, with the shared catalog and no size check. */
    public static PolicyAnalyzer of(PolicyType policyType) {
        return new PolicyAnalyzer(policyType, null, IamCatalog.shared());
    }

    /** Creates an analyzer that also reports {@code POLICY_SIZE_EXCEEDED} above the given limit. */
    public static PolicyAnalyzer of(PolicyType policyType, PolicySizeLimit sizeLimit) {
        return new PolicyAnalyzer(policyType, Objects.requireNonNull(sizeLimit, "sizeLimit"), IamCatalog.shared());
    }

    /** Returns the same analyzer with another catalog, for example one loaded with {@link IamCatalog#load}. */
    public PolicyAnalyzer withCatalog(IamCatalog otherCatalog) {
        return new PolicyAnalyzer(policyType, sizeLimit, otherCatalog);
    }

    /** Analyzes a policy document given as JSON text. */
    public List<Finding> analyze(String json) {
        Objects.requireNonNull(json, "json");
        PolicyParser.Result parsed = PolicyParser.parse(json);
        List<Finding> findings = new ArrayList<>(parsed.findings());
        parsed.document().ifPresent(document -> findings.addAll(PolicyChecks.run(document, policyType, catalog, sizeLimit)));
        return List.copyOf(findings);
    }

    /**
     * Analyzes a policy document read from a UTF-8 file.
     *
     * @throws IOException when the file cannot be read
     */
    public List<Finding> analyze(Path file) throws IOException {
        return analyze(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Analyzes a policy document that is a Pulumi {@code Output}, once it resolves. The JSON is
     * read inside {@code applyValue}, never with {@code toString()}.
     */
    public Output<List<Finding>> analyze(Output<String> json) {
        return json.applyValue(this::analyze);
    }

    /** Analyzes a document assembled in code, such as the least-privilege builder's, with the same checks. */
    public List<Finding> analyze(PolicyModel.Document document) {
        return PolicyChecks.run(document, policyType, catalog, sizeLimit);
    }

    /** Checks whether any finding is an {@code ERROR} or {@code SECURITY_WARNING}. */
    public static boolean hasBlockingFindings(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.type() == FindingType.ERROR || f.type() == FindingType.SECURITY_WARNING);
    }
}
