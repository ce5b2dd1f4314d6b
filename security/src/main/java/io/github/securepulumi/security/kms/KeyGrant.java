package io.github.securepulumi.security.kms;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a {@link SecureKey}'s key policy that lets a principal use the key.
 *
 * <p>A grant to an AWS service must carry at least one condition that ties it to this account or
 * to one resource: {@code aws:SourceAccount}, {@code aws:SourceArn} or an encryption-context key
 * ({@code kms:EncryptionContext:...}). Without it, the service could use the key on behalf of any
 * account (the confused-deputy problem).
 */
public final class KeyGrant {

    /**
     * A condition of the grant.
     *
     * @param operator condition operator, for example {@code StringEquals} or {@code ArnLike}
     * @param key      condition key, for example {@code aws:SourceArn}
     * @param value    the value, which may come from another resource
     */
    public record Condition(String operator, String key, Output<String> value) {
        public Condition {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String sid;
    private final Optional<Output<String>> servicePrincipal;
    private final Optional<Output<String>> awsPrincipal;
    private final List<String> actions;
    private final List<Condition> conditions;

    private KeyGrant(Builder builder) {
        this.sid = builder.sid;
        this.servicePrincipal = Optional.ofNullable(builder.servicePrincipal);
        this.awsPrincipal = Optional.ofNullable(builder.awsPrincipal);
        this.actions = List.copyOf(builder.actions);
        this.conditions = List.copyOf(builder.conditions);
    }

    /** Starts a grant with the statement id it will have in the key policy. */
    public static Builder builder(String sid) {
        return new Builder(sid);
    }

    /** Statement id in the key policy. */
    public String sid() {
        return sid;
    }

    /** Service principal the grant is for, such as {@code cloudtrail.amazonaws.com}, if any. */
    public Optional<Output<String>> servicePrincipal() {
        return servicePrincipal;
    }

    /** Role, user or account ARN the grant is for, if any. */
    public Optional<Output<String>> awsPrincipal() {
        return awsPrincipal;
    }

    /** KMS actions allowed, each named in full. */
    public List<String> actions() {
        return actions;
    }

    /** Conditions that narrow the grant. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** Builder of a {@link KeyGrant}. */
    public static final class Builder {

        private final String sid;
        private Output<String> servicePrincipal;
        private Output<String> awsPrincipal;
        private final List<String> actions = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(String sid) {
            this.sid = Objects.requireNonNull(sid, "sid");
        }

        /** Grants to an AWS service, for example {@code cloudtrail.amazonaws.com}. */
        public Builder servicePrincipal(String service) {
            return servicePrincipal(Output.of(service));
        }

        /** Grants to an AWS service whose principal depends on the region, such as CloudWatch Logs. */
        public Builder servicePrincipal(Output<String> service) {
            this.servicePrincipal = service;
            return this;
        }

        /** Grants to a role, user or account ARN. */
        public Builder awsPrincipal(Output<String> arn) {
            this.awsPrincipal = arn;
            return this;
        }

        /** Grants to a role, user or account ARN known now. */
        public Builder awsPrincipal(String arn) {
            return awsPrincipal(Output.of(arn));
        }

        /** Adds KMS actions, each named in full, for example {@code kms:GenerateDataKey}. */
        public Builder actions(String... names) {
            actions.addAll(List.of(names));
            return this;
        }

        /** Adds a condition. */
        public Builder condition(String operator, String key, Output<String> value) {
            conditions.add(new Condition(operator, key, value));
            return this;
        }

        /** Adds a condition with a value known now. */
        public Builder condition(String operator, String key, String value) {
            return condition(operator, key, Output.of(value));
        }

        /** Returns the grant; {@link SecureKey} checks it, with every other input, before registering anything. */
        public KeyGrant build() {
            return new KeyGrant(this);
        }
    }
}
