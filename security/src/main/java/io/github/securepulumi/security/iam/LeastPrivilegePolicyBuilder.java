package io.github.securepulumi.security.iam;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds IAM policy documents as {@code Output<String>} from statements whose ARNs may still be
 * unresolved.
 *
 * <p>TODO: this first version only assembles documents; validation against the IAM catalog comes
 * with the catalog.
 */
public final class LeastPrivilegePolicyBuilder {

    private final List<StatementBuilder> statements = new ArrayList<>();

    private LeastPrivilegePolicyBuilder() {
    }

    /** Starts an identity policy, attached to a role or user. */
    public static LeastPrivilegePolicyBuilder identityPolicy() {
        return new LeastPrivilegePolicyBuilder();
    }

    /** Starts a resource policy, such as a bucket or key policy. */
    public static LeastPrivilegePolicyBuilder resourcePolicy() {
        return new LeastPrivilegePolicyBuilder();
    }

    /** Starts a role trust policy. */
    public static LeastPrivilegePolicyBuilder trustPolicy() {
        return new LeastPrivilegePolicyBuilder();
    }

    /** Adds an {@code Allow} statement. */
    public LeastPrivilegePolicyBuilder allow(String sid, Consumer<StatementBuilder> statement) {
        return add(sid, "Allow", statement);
    }

    /** Adds a {@code Deny} statement. */
    public LeastPrivilegePolicyBuilder deny(String sid, Consumer<StatementBuilder> statement) {
        return add(sid, "Deny", statement);
    }

    private LeastPrivilegePolicyBuilder add(String sid, String effect, Consumer<StatementBuilder> statement) {
        StatementBuilder builder = new StatementBuilder(sid, effect);
        statement.accept(builder);
        statements.add(builder);
        return this;
    }

    /** The policy document as JSON, resolved once every ARN it contains is known. */
    public Output<String> build() {
        List<Output<Map<String, Object>>> resolved = statements.stream().map(StatementBuilder::resolve).toList();
        return Output.all(resolved).applyValue(list -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("Version", "2012-10-17");
            document.put("Statement", list);
            return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
        });
    }

    /** One statement under construction. */
    public static final class StatementBuilder {

        private final String sid;
        private final String effect;
        private final List<String> actions = new ArrayList<>();
        private final List<Output<String>> resources = new ArrayList<>();
        private final Map<String, List<Output<String>>> principals = new LinkedHashMap<>();
        private final Map<String, Map<String, List<Output<String>>>> conditions = new LinkedHashMap<>();

        private StatementBuilder(String sid, String effect) {
            this.sid = sid;
            this.effect = effect;
        }

        /** Adds actions, for example {@code logs:PutLogEvents}. */
        public StatementBuilder actions(String... names) {
            actions.addAll(List.of(names));
            return this;
        }

        /** Adds resource ARNs known now. */
        public StatementBuilder resources(String... arns) {
            for (String arn : arns) {
                resources.add(Output.of(arn));
            }
            return this;
        }

        /** Adds resource ARNs that another resource outputs. */
        @SafeVarargs
        public final StatementBuilder resources(Output<String>... arns) {
            resources.addAll(List.of(arns));
            return this;
        }

        /** Grants to an AWS service principal, for example {@code cloudtrail.amazonaws.com}. */
        public StatementBuilder servicePrincipal(String service) {
            return principal("Service", Output.of(service));
        }

        /** Grants to an AWS service principal whose name depends on the region. */
        public StatementBuilder servicePrincipal(Output<String> service) {
            return principal("Service", service);
        }

        /** Grants to an account, role or user ARN. */
        public StatementBuilder awsPrincipal(String arn) {
            return principal("AWS", Output.of(arn));
        }

        /** Grants to an account, role or user ARN that another resource outputs. */
        public StatementBuilder awsPrincipal(Output<String> arn) {
            return principal("AWS", arn);
        }

        /** Applies to every principal; only meaningful with conditions or in a Deny statement. */
        public StatementBuilder anyPrincipal() {
            return principal("*", Output.of("*"));
        }

        private StatementBuilder principal(String type, Output<String> value) {
            principals.computeIfAbsent(type, t -> new ArrayList<>()).add(value);
            return this;
        }

        /** Adds a condition with values known now. */
        public StatementBuilder condition(String operator, String key, String... values) {
            for (String value : values) {
                condition(operator, key, Output.of(value));
            }
            return this;
        }

        /** Adds a condition whose value another resource outputs. */
        public StatementBuilder condition(String operator, String key, Output<String> value) {
            conditions.computeIfAbsent(operator, o -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(value);
            return this;
        }

        private Output<Map<String, Object>> resolve() {
            Output<List<String>> resolvedResources = Output.all(resources);
            Output<Map<String, Object>> resolvedPrincipals = resolveNested(principals);
            Map<String, Output<Map<String, Object>>> byOperator = new LinkedHashMap<>();
            conditions.forEach((operator, keys) -> byOperator.put(operator, resolveNested(keys)));
            Output<Map<String, Object>> resolvedConditions = resolveMap(byOperator);
            return Output.tuple(resolvedResources, resolvedPrincipals, resolvedConditions).applyValue(t -> {
                Map<String, Object> statement = new LinkedHashMap<>();
                statement.put("Sid", sid);
                statement.put("Effect", effect);
                if (!principals.isEmpty()) {
                    statement.put("Principal", principals.containsKey("*") ? "*" : t.t2);
                }
                statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
                if (!t.t1.isEmpty()) {
                    statement.put("Resource", t.t1.size() == 1 ? t.t1.get(0) : t.t1);
                }
                if (!t.t3.isEmpty()) {
                    statement.put("Condition", t.t3);
                }
                return statement;
            });
        }

        private static Output<Map<String, Object>> resolveNested(Map<String, List<Output<String>>> values) {
            Map<String, Output<Object>> resolved = new LinkedHashMap<>();
            values.forEach((key, list) -> resolved.put(key,
                    Output.all(list).applyValue(l -> l.size() == 1 ? (Object) l.get(0) : l)));
            return resolveMapOfObjects(resolved);
        }

        private static Output<Map<String, Object>> resolveMap(Map<String, Output<Map<String, Object>>> values) {
            Map<String, Output<Object>> resolved = new LinkedHashMap<>();
            values.forEach((key, value) -> resolved.put(key, value.applyValue(v -> (Object) v)));
            return resolveMapOfObjects(resolved);
        }

        private static Output<Map<String, Object>> resolveMapOfObjects(Map<String, Output<Object>> values) {
            List<String> keys = new ArrayList<>(values.keySet());
            List<Output<Object>> outputs = keys.stream().map(values::get).toList();
            return Output.all(outputs).applyValue(list -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    map.put(keys.get(i), list.get(i));
                }
                return map;
            });
        }
    }
}
