package io.github.securepulumi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.ResourceNode;
import io.github.securepulumi.security.analysis.Finding;
import io.github.securepulumi.security.analysis.FindingType;
import io.github.securepulumi.security.analysis.PolicyAnalyzer;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.analysis.PolicyType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the policy analyzer over every policy document the trail and its children write. */
class SecureAuditTrailAnalysisTest {

    private static TrailStack stack;

    @BeforeAll
    static void preview() {
        stack = TrailStack.of(SecureAuditTrailArgs.builder()
                .addDataEvents(DataEvents.s3AllBuckets(), DataEvents.lambdaAllFunctions())
                .build());
    }

    private static List<Finding> blocking(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.type() == FindingType.ERROR || f.type() == FindingType.SECURITY_WARNING)
                .toList();
    }

    @Test
    void keyPolicyHasNoBlockingFinding() {
        List<Finding> findings = PolicyAnalyzer.of(PolicyType.RESOURCE, PolicySizeLimit.KMS_KEY_POLICY)
                .analyze(stack.keyPolicy().inputString("policy"));

        assertThat(blocking(findings)).describedAs("key policy findings").isEmpty();
    }

    @Test
    void bucketPoliciesHaveNoBlockingFinding() {
        List<ResourceNode> policies = stack.graph.ofType(TrailStack.BUCKET_POLICY);

        assertThat(policies).hasSize(2);
        for (ResourceNode policy : policies) {
            List<Finding> findings = PolicyAnalyzer.of(PolicyType.RESOURCE, PolicySizeLimit.S3_BUCKET_POLICY)
                    .analyze(policy.inputString("policy"));

            assertThat(blocking(findings)).describedAs("findings of " + policy.key()).isEmpty();
        }
    }

    @Test
    void trustPolicyHasNoBlockingFinding() {
        List<Finding> findings = PolicyAnalyzer.of(PolicyType.TRUST, PolicySizeLimit.ROLE_TRUST_POLICY)
                .analyze(stack.role().inputString("assumeRolePolicy"));

        assertThat(blocking(findings)).describedAs("trust policy findings").isEmpty();
    }

    @Test
    void rolePolicyHasNoBlockingFinding() {
        List<Finding> findings = PolicyAnalyzer.of(PolicyType.IDENTITY, PolicySizeLimit.INLINE_ROLE_POLICIES)
                .analyze(stack.rolePolicy().inputString("policy"));

        assertThat(blocking(findings)).describedAs("role policy findings").isEmpty();
    }

    @Test
    void analyzerCatchesWildcardInRolePolicy() {
        String broken = stack.rolePolicy().inputString("policy").replace("\"logs:PutLogEvents\"", "\"logs:*\"");

        List<Finding> findings = PolicyAnalyzer.of(PolicyType.IDENTITY).analyze(broken);

        assertThat(blocking(findings)).describedAs("a wildcard action must be reported").isNotEmpty();
    }
}
