package io.github.securepulumi.audit;

import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PreviewResult;
import io.github.securepulumi.core.preview.ResourceGraph;
import io.github.securepulumi.core.preview.ResourceNode;
import io.github.securepulumi.core.preview.SimulatedAccount;

/** One audit trail run through the offline preview, with named look-ups of its children. */
final class TrailStack {

    static final String NAME = "org-trail";
    static final String ACCOUNT = "123456789012";

    static final String TRAIL = "aws:cloudtrail/trail:Trail";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String KEY = "aws:kms/key:Key";
    static final String KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

    final ResourceGraph graph;

    private TrailStack(ResourceGraph graph) {
        this.graph = graph;
    }

    /** Previews a trail with every default, in us-east-1 of the commercial partition. */
    static TrailStack withDefaults() {
        return of(SecureAuditTrailArgs.builder().build());
    }

    static TrailStack of(SecureAuditTrailArgs args) {
        return in(SimulatedAccount.DEFAULT, args);
    }

    static TrailStack in(SimulatedAccount account, SecureAuditTrailArgs args) {
        return new TrailStack(run(account, args).graphOrThrow());
    }

    static PreviewResult run(SimulatedAccount account, SecureAuditTrailArgs args) {
        return OfflinePreview.builder().account(account).build()
                .run(ctx -> new SecureAuditTrail(NAME, args, null));
    }

    /** Runs a trail whose component name is given, for checks of the default trail name. */
    static PreviewResult runNamed(String name, SecureAuditTrailArgs args) {
        return OfflinePreview.builder().build().run(ctx -> new SecureAuditTrail(name, args, null));
    }

    ResourceNode trail() {
        return graph.get(TRAIL, NAME + "-trail");
    }

    ResourceNode logGroup() {
        return graph.get(LOG_GROUP, NAME + "-log-group");
    }

    ResourceNode role() {
        return graph.get(ROLE, NAME + "-cloudtrail-role");
    }

    ResourceNode rolePolicy() {
        return graph.get(ROLE_POLICY, NAME + "-cloudtrail-role-policy");
    }

    ResourceNode key() {
        return graph.get(KEY, NAME + "-key");
    }

    ResourceNode keyPolicy() {
        return graph.get(KEY_POLICY, NAME + "-key-policy");
    }

    ResourceNode bucket() {
        return graph.get(BUCKET, NAME + "-logs-bucket");
    }

    ResourceNode bucketPolicy() {
        return graph.get(BUCKET_POLICY, NAME + "-logs-policy");
    }

    String bucketArn() {
        return (String) bucket().output("arn").orElseThrow();
    }

    String keyArn() {
        return (String) key().output("arn").orElseThrow();
    }

    PolicyView keyPolicyDocument() {
        return PolicyView.of(keyPolicy(), "policy");
    }

    PolicyView bucketPolicyDocument() {
        return PolicyView.of(bucketPolicy(), "policy");
    }

    PolicyView trustPolicy() {
        return PolicyView.of(role(), "assumeRolePolicy");
    }

    PolicyView rolePolicyDocument() {
        return PolicyView.of(rolePolicy(), "policy");
    }
}
