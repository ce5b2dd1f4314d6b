package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.ResourceNode;
import io.github.securepulumi.security.analysis.Finding;
import io.github.securepulumi.security.analysis.FindingType;
import io.github.securepulumi.security.analysis.PolicyAnalyzer;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.analysis.PolicyType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the policy analyzer over every policy document a typical pipeline writes. The fixture's own
 * deploy permission ({@code UpdateAppFunction}) is the user's statement, not the component's, and is
 * checked separately.
 */
class SecurePipelineAnalysisTest {

    private static final String USER_STATEMENT = "UpdateAppFunction";

    private static PipelineStack stack;

    @BeforeAll
    static void preview() {
        stack = PipelineStack.typical();
    }

    private static List<Finding> blockingFindings(ResourceNode node, String property, PolicyAnalyzer analyzer) {
        return analyzer.analyze(node.inputString(property)).stream()
                .filter(f -> f.type() == FindingType.ERROR || f.type() == FindingType.SECURITY_WARNING)
                .toList();
    }

    /** Tells whether a finding points into the statement the user supplied. */
    private static boolean inUserStatement(Finding finding, ResourceNode node) {
        List<String> sids = PolicyView.of(node, "policy").sids();
        return finding.path().startsWith("$.Statement[" + sids.indexOf(USER_STATEMENT) + "]");
    }

    private static void assertNoBlockingFinding(ResourceNode node, String property, PolicyAnalyzer analyzer) {
        List<Finding> blocking = blockingFindings(node, property, analyzer).stream()
                .filter(f -> !(property.equals("policy") && inUserStatement(f, node)))
                .toList();

        assertThat(blocking).describedAs(property + " of " + node.key()).isEmpty();
    }

    @Test
    void rolePoliciesHaveNoBlockingFinding() {
        List<ResourceNode> policies = stack.graph.ofType(PipelineStack.ROLE_POLICY);

        assertThat(policies).isNotEmpty();
        policies.forEach(policy -> assertNoBlockingFinding(policy, "policy",
                PolicyAnalyzer.of(PolicyType.IDENTITY, PolicySizeLimit.INLINE_ROLE_POLICIES)));
    }

    @Test
    void analyzerFlagsEscalatingUserPermission() {
        ResourceNode deployPolicy = stack.graph.ofType(PipelineStack.ROLE_POLICY).stream()
                .filter(node -> PolicyView.of(node, "policy").sids().contains(USER_STATEMENT))
                .findFirst().orElseThrow();

        List<Finding> findings = blockingFindings(deployPolicy, "policy", PolicyAnalyzer.of(PolicyType.IDENTITY));

        assertThat(findings).describedAs("lambda:UpdateFunctionCode lets the deploy role replace function code")
                .extracting(Finding::id).containsExactly("PRIVILEGE_ESCALATION");
    }

    @Test
    void trustPoliciesHaveNoBlockingFinding() {
        List<ResourceNode> roles = stack.graph.ofType(PipelineStack.ROLE);

        assertThat(roles).isNotEmpty();
        roles.forEach(role -> assertNoBlockingFinding(role, "assumeRolePolicy",
                PolicyAnalyzer.of(PolicyType.TRUST, PolicySizeLimit.ROLE_TRUST_POLICY)));
    }

    @Test
    void resourcePoliciesHaveNoBlockingFinding() {
        for (String type : List.of(PipelineStack.BUCKET_POLICY, PipelineStack.TOPIC_POLICY)) {
            assertThat(stack.graph.ofType(type)).describedAs(type).isNotEmpty();
            stack.graph.ofType(type).forEach(policy ->
                    assertNoBlockingFinding(policy, "policy", PolicyAnalyzer.of(PolicyType.RESOURCE)));
        }
        stack.graph.ofType(PipelineStack.KEY_POLICY).forEach(policy -> assertNoBlockingFinding(policy, "policy",
                PolicyAnalyzer.of(PolicyType.RESOURCE, PolicySizeLimit.KMS_KEY_POLICY)));
    }
}
