package io.github.securepulumi.security.iam;

import com.google.gson.stream.JsonWriter;
import io.github.securepulumi.security.analysis.PolicyModel;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.iam.catalog.IamAction;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns the builder's statements into a sorted, merged document model and its JSON. */
final class PolicyDocuments {

    private static final String VERSION = "2012-10-17";
    private static final Comparator<String> ACTION_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private PolicyDocuments() {
    }

    /** One statement with its values resolved, sorted and de-duplicated. */
    private record Resolved(String sid, boolean allow, List<String> actions, List<String> notActions,
            List<String> resources, boolean hasResources, List<String> notResources, boolean anyPrincipal,
            List<String> awsPrincipals, List<String> federatedPrincipals, List<String> servicePrincipals, boolean hasPrincipal,
            Map<String, Map<String, List<String>>> conditions, boolean wildcardsJustified) {

        boolean sameExceptActions(Resolved other) {
            return allow == other.allow && notActions.equals(other.notActions) && resources.equals(other.resources)
                    && hasResources == other.hasResources && samePrincipalsAndConditions(other)
                    && notResources.equals(other.notResources);
        }

        boolean sameExceptResources(Resolved other) {
            return allow == other.allow && actions.equals(other.actions) && notActions.equals(other.notActions)
                    && hasResources == other.hasResources && samePrincipalsAndConditions(other)
                    && notResources.equals(other.notResources);
        }

        private boolean samePrincipalsAndConditions(Resolved other) {
            return anyPrincipal == other.anyPrincipal && awsPrincipals.equals(other.awsPrincipals)
                    && federatedPrincipals.equals(other.federatedPrincipals)
                    && servicePrincipals.equals(other.servicePrincipals) && conditions.equals(other.conditions);
        }

        Resolved withActions(List<String> merged, boolean justified) {
            return new Resolved(sid, allow, merged, notActions, resources, hasResources, notResources, anyPrincipal,
                    awsPrincipals, federatedPrincipals, servicePrincipals, hasPrincipal, conditions, justified);
        }

        Resolved withResources(List<String> merged, boolean justified) {
            return new Resolved(sid, allow, actions, notActions, merged, hasResources, notResources, anyPrincipal,
                    awsPrincipals, federatedPrincipals, servicePrincipals, hasPrincipal, conditions, justified);
        }
    }

    /**
     * The assembled document.
     *
     * @param document  the model the analyzer checks
     * @param json      the document as compact JSON
     * @param justified for each statement of the model, whether its action wildcards are justified
     */
    record Assembled(PolicyModel.Document document, String json, List<Boolean> justified) {

        boolean wildcardsJustified(int statementIndex) {
            return statementIndex >= 0 && statementIndex < justified.size() && justified.get(statementIndex);
        }
    }

    /**
     * Resolves and assembles the statements.
     *
     * @param resolved the values of the builder's outputs in slot order, or {@code null} to leave
     *                 them out (the values known now are still checked)
     * @param merge    whether to merge statements that differ only in actions or only in resources
     */
    static Assembled assemble(List<StatementBuilder> statements, List<String> resolved, boolean merge) {
        List<Resolved> list = new ArrayList<>();
        for (StatementBuilder statement : statements) {
            Resolved next = resolve(statement, resolved);
            if (merge) {
                mergeInto(list, next);
            } else {
                list.add(next);
            }
        }
        String json = json(list);
        List<PolicyModel.Statement> model = new ArrayList<>();
        List<Boolean> justified = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            model.add(model(list.get(i), "$.Statement[" + i + "]"));
            justified.add(list.get(i).wildcardsJustified());
        }
        return new Assembled(new PolicyModel.Document(VERSION, model, PolicySizeLimit.sizeOf(json)), json, justified);
    }

    private static void mergeInto(List<Resolved> list, Resolved next) {
        for (int i = 0; i < list.size(); i++) {
            Resolved earlier = list.get(i);
            if (earlier.equals(next.withActions(next.actions(), earlier.wildcardsJustified()))
                    && Objects.equals(earlier.sid(), next.sid())) {
                return;
            }
            boolean justified = earlier.wildcardsJustified() || next.wildcardsJustified();
            if (earlier.sameExceptActions(next)) {
                list.set(i, earlier.withActions(sortedActions(concat(earlier.actions(), next.actions())), justified));
                return;
            }
            if (earlier.sameExceptResources(next)) {
                list.set(i, earlier.withResources(sorted(concat(earlier.resources(), next.resources())), justified));
                return;
            }
        }
        list.add(next);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Resolved resolve(StatementBuilder statement, List<String> resolved) {
        Map<String, Map<String, List<String>>> conditions = new TreeMap<>();
        statement.conditions.forEach((slot, values) -> conditions
                .computeIfAbsent(slot.operator(), k -> new TreeMap<>())
                .put(slot.key(), sorted(texts(values, resolved))));
        boolean hasPrincipal = statement.anyPrincipal || !statement.awsPrincipals.isEmpty()
                || !statement.federatedPrincipals.isEmpty() || !statement.servicePrincipals.isEmpty();
        return new Resolved(statement.sid, statement.allow, sortedActions(canonical(statement.actions, statement.catalog())),
                sortedActions(canonical(statement.notActions, statement.catalog())), sorted(texts(statement.resources, resolved)),
                !statement.resources.isEmpty(), sorted(statement.notResources), statement.anyPrincipal,
                sorted(texts(statement.awsPrincipals, resolved)), sorted(texts(statement.federatedPrincipals, resolved)),
                sorted(texts(statement.servicePrincipals, resolved)),
                hasPrincipal, conditions, statement.wildcardJustification != null);
    }

    /** Writes known actions as the catalog spells them, so {@code s3:getobject} becomes {@code s3:GetObject}. */
    private static List<String> canonical(List<String> actions, IamCatalog catalog) {
        List<String> result = new ArrayList<>(actions.size());
        for (String action : actions) {
            boolean wildcard = action.indexOf('*') >= 0 || action.indexOf('?') >= 0;
            result.add(wildcard ? action : catalog.action(action).map(IamAction::fullName).orElse(action));
        }
        return result;
    }

    private static List<String> texts(List<PolicyText> values, List<String> resolved) {
        List<String> result = new ArrayList<>();
        for (PolicyText value : values) {
            String text = value.resolve(resolved);
            if (text != null) {
                result.add(text);
            }
        }
        return result;
    }

    private static List<String> sorted(List<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    /** Sorts actions ignoring case and drops repeats that differ only in case, as IAM treats them as one. */
    private static List<String> sortedActions(List<String> values) {
        TreeMap<String, String> unique = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : values) {
            unique.putIfAbsent(value, value);
        }
        List<String> result = new ArrayList<>(unique.values());
        result.sort(ACTION_ORDER);
        return List.copyOf(result);
    }

    private static PolicyModel.Statement model(Resolved statement, String path) {
        PolicyModel.Principal principal = null;
        if (statement.anyPrincipal()) {
            principal = new PolicyModel.Principal(path + ".Principal", true, Map.of());
        } else if (statement.hasPrincipal()) {
            Map<String, PolicyModel.Values> byType = new LinkedHashMap<>();
            if (!statement.awsPrincipals().isEmpty()) {
                byType.put("AWS", values(path + ".Principal.AWS", statement.awsPrincipals()));
            }
            if (!statement.federatedPrincipals().isEmpty()) {
                byType.put("Federated", values(path + ".Principal.Federated", statement.federatedPrincipals()));
            }
            if (!statement.servicePrincipals().isEmpty()) {
                byType.put("Service", values(path + ".Principal.Service", statement.servicePrincipals()));
            }
            principal = new PolicyModel.Principal(path + ".Principal", false, byType);
        }
        List<PolicyModel.Condition> conditions = new ArrayList<>();
        statement.conditions().forEach((operator, keys) -> keys.forEach((key, values) -> {
            String keyPath = path + ".Condition." + operator + "." + key;
            conditions.add(new PolicyModel.Condition(keyPath, operator, key, values(keyPath, values)));
        }));
        return new PolicyModel.Statement(path, statement.sid(), statement.allow() ? "Allow" : "Deny", principal, null,
                optional(path + ".Action", statement.actions()), optional(path + ".NotAction", statement.notActions()),
                statement.hasResources() ? values(path + ".Resource", statement.resources()) : null,
                optional(path + ".NotResource", statement.notResources()), conditions);
    }

    private static PolicyModel.Values optional(String path, List<String> values) {
        return values.isEmpty() ? null : values(path, values);
    }

    private static PolicyModel.Values values(String path, List<String> values) {
        return new PolicyModel.Values(path, values, values.size() != 1);
    }

    private static String json(List<Resolved> statements) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.beginObject();
            writer.name("Version").value(VERSION);
            writer.name("Statement").beginArray();
            for (Resolved statement : statements) {
                writeStatement(writer, statement);
            }
            writer.endArray();
            writer.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write a policy document to a string", e);
        }
        return text.toString();
    }

    private static void writeStatement(JsonWriter writer, Resolved statement) throws IOException {
        writer.beginObject();
        writer.name("Sid").value(statement.sid());
        writer.name("Effect").value(statement.allow() ? "Allow" : "Deny");
        if (statement.anyPrincipal()) {
            writer.name("Principal").value("*");
        } else if (statement.hasPrincipal()) {
            writer.name("Principal").beginObject();
            writeValues(writer, "AWS", statement.awsPrincipals());
            writeValues(writer, "Federated", statement.federatedPrincipals());
            writeValues(writer, "Service", statement.servicePrincipals());
            writer.endObject();
        }
        writeValues(writer, "Action", statement.actions());
        writeValues(writer, "NotAction", statement.notActions());
        writeValues(writer, "Resource", statement.resources());
        writeValues(writer, "NotResource", statement.notResources());
        if (!statement.conditions().isEmpty()) {
            writer.name("Condition").beginObject();
            for (Map.Entry<String, Map<String, List<String>>> operator : statement.conditions().entrySet()) {
                writer.name(operator.getKey()).beginObject();
                for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
                    writeValues(writer, key.getKey(), key.getValue());
                }
                writer.endObject();
            }
            writer.endObject();
        }
        writer.endObject();
    }

    /** Writes one value as a string and several as an array; writes nothing for none. */
    private static void writeValues(JsonWriter writer, String name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        writer.name(name);
        if (values.size() == 1) {
            writer.value(values.get(0));
            return;
        }
        writer.beginArray();
        for (String value : values) {
            writer.value(value);
        }
        writer.endArray();
    }
}
