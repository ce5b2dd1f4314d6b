package io.github.securepulumi.core.preview;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only view of an IAM policy document, for assertions in tests.
 *
 * <p>IAM lets {@code Action}, {@code Resource}, principals and condition values be a string or an
 * array; this view always returns lists, so a test need not care which form the document used.
 */
public final class PolicyView {

    private final JsonObject document;
    private final List<Statement> statements = new ArrayList<>();

    private PolicyView(JsonObject document) {
        this.document = document;
        JsonElement statement = document.get("Statement");
        if (statement != null && statement.isJsonArray()) {
            statement.getAsJsonArray().forEach(s -> statements.add(new Statement(s.getAsJsonObject())));
        } else if (statement != null) {
            statements.add(new Statement(statement.getAsJsonObject()));
        }
    }

    /** Parses a policy document. */
    public static PolicyView parse(String json) {
        return new PolicyView(JsonParser.parseString(json).getAsJsonObject());
    }

    /** Reads the policy document held by a string input property of a recorded resource. */
    public static PolicyView of(ResourceNode node, String property) {
        return parse(node.inputString(property));
    }

    /** The {@code Version} element, or empty when it is missing. */
    public Optional<String> version() {
        return Optional.ofNullable(document.get("Version")).map(JsonElement::getAsString);
    }

    /** Every statement, in document order. */
    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    /** Statement ids in document order; statements without a Sid are listed as an empty string. */
    public List<String> sids() {
        return statements.stream().map(Statement::sid).toList();
    }

    /**
     * The statement with a Sid.
     *
     * @throws NoSuchElementException naming the Sids the document does have
     */
    public Statement statement(String sid) {
        return statements.stream().filter(s -> s.sid().equals(sid)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no statement with Sid \"" + sid + "\"; the policy has " + sids()));
    }

    /** One statement of the policy. */
    public static final class Statement {

        private final JsonObject json;

        private Statement(JsonObject json) {
            this.json = json;
        }

        /** The Sid, or an empty string. */
        public String sid() {
            return json.has("Sid") ? json.get("Sid").getAsString() : "";
        }

        /** {@code Allow} or {@code Deny}. */
        public String effect() {
            return json.get("Effect").getAsString();
        }

        /** The {@code Action} element as a list. */
        public List<String> actions() {
            return strings(json.get("Action"));
        }

        /** The {@code NotAction} element as a list. */
        public List<String> notActions() {
            return strings(json.get("NotAction"));
        }

        /** The {@code Resource} element as a list; empty when absent, as in trust policies. */
        public List<String> resources() {
            return strings(json.get("Resource"));
        }

        /**
         * Principals of one type ({@code Service}, {@code AWS}, {@code Federated}), or {@code ["*"]}
         * for {@code "Principal": "*"}.
         */
        public List<String> principals(String type) {
            JsonElement principal = json.get("Principal");
            if (principal == null) {
                return List.of();
            }
            if (principal.isJsonPrimitive()) {
                return List.of(principal.getAsString());
            }
            return strings(principal.getAsJsonObject().get(type));
        }

        /** Whether the statement applies to every principal, {@code "Principal": "*"}. */
        public boolean anyPrincipal() {
            JsonElement principal = json.get("Principal");
            return principal != null && principal.isJsonPrimitive() && principal.getAsString().equals("*");
        }

        /** The values of one condition, or an empty list when the statement has no such condition. */
        public List<String> condition(String operator, String key) {
            JsonElement conditions = json.get("Condition");
            if (conditions == null || !conditions.getAsJsonObject().has(operator)) {
                return List.of();
            }
            return strings(conditions.getAsJsonObject().getAsJsonObject(operator).get(key));
        }

        /** Every condition as {@code operator -> key -> values}, sorted. */
        public Map<String, Map<String, List<String>>> conditions() {
            Map<String, Map<String, List<String>>> all = new TreeMap<>();
            JsonElement conditions = json.get("Condition");
            if (conditions == null) {
                return all;
            }
            conditions.getAsJsonObject().entrySet().forEach(operator -> {
                Map<String, List<String>> keys = new TreeMap<>();
                operator.getValue().getAsJsonObject().entrySet().forEach(key -> keys.put(key.getKey(), strings(key.getValue())));
                all.put(operator.getKey(), keys);
            });
            return all;
        }

        private static List<String> strings(JsonElement element) {
            if (element == null || element.isJsonNull()) {
                return List.of();
            }
            if (element.isJsonArray()) {
                JsonArray array = element.getAsJsonArray();
                List<String> values = new ArrayList<>();
                array.forEach(e -> values.add(e.getAsString()));
                return values;
            }
            return List.of(element.getAsString());
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }
}
