package io.github.securepulumi.security.analysis;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.securepulumi.security.analysis.PolicyModel.Condition;
import io.github.securepulumi.security.analysis.PolicyModel.Document;
import io.github.securepulumi.security.analysis.PolicyModel.Principal;
import io.github.securepulumi.security.analysis.PolicyModel.Statement;
import io.github.securepulumi.security.analysis.PolicyModel.Values;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads policy JSON into a {@link PolicyModel.Document}, reporting structural problems as findings. */
final class PolicyParser {

    private static final Gson GSON = new Gson();
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");

    private final List<Finding> findings = new ArrayList<>();

    private PolicyParser() {
    }

    /** The parsed document, or empty when the JSON is malformed or not a policy, and the findings that explain why. */
    record Result(Optional<Document> document, List<Finding> findings) {
    }

    static Result parse(String json) {
        PolicyParser parser = new PolicyParser();
        Optional<JsonElement> root = parser.readStrict(json);
        if (root.isEmpty()) {
            return new Result(Optional.empty(), parser.findings);
        }
        Optional<Document> document = parser.document(root.get(), PolicySizeLimit.sizeOf(json));
        return new Result(document, parser.findings);
    }

    private Optional<JsonElement> readStrict(String json) {
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setLenient(false);
            JsonElement element = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected text after the JSON document at " + reader);
            }
            return Optional.of(element);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            findings.add(parseError(e.getMessage() == null ? "" : e.getMessage()));
            return Optional.empty();
        }
    }

    private static Finding parseError(String reason) {
        Matcher position = POSITION.matcher(reason);
        String where = position.find()
                ? "at line " + position.group(1) + ", column " + position.group(2)
                : "at the end of the document";
        String cause = reason.replaceAll("^[a-zA-Z.]*Exception: ", "").replaceAll(" at line \\d+ column \\d+.*$", "")
                .replaceAll("\\s*See https://\\S+", "");
        if (cause.contains("setLenient")) {
            // Gson's strict-mode message names its own API, so the finding describes the text instead.
            cause = "this is not strict JSON (single quotes, unquoted names, comments or text after the document)";
        } else if (cause.equals("Expected name")) {
            cause = "expected a property name in double quotes, for example after a trailing comma";
        }
        return new Finding(FindingType.ERROR, "PARSE_ERROR", "$",
                "The policy is not valid JSON " + where + ": " + cause + ".",
                "Fix the JSON syntax at that position; policies must be strict JSON (double quotes, no trailing commas, no comments).");
    }

    private Optional<Document> document(JsonElement root, int size) {
        if (!root.isJsonObject()) {
            structure("$", "The policy is not a JSON object.", "Write the policy as an object with Version and Statement.");
            return Optional.empty();
        }
        JsonObject object = root.getAsJsonObject();
        for (String name : object.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(name)) {
                structure("$." + name, "The policy has the unknown top-level element \"" + name + "\".",
                        "Remove it; a policy contains only Version, Id and Statement.");
            }
        }
        String version = null;
        if (object.has("Version")) {
            version = string(object.get("Version"), "$.Version");
        }
        JsonElement statementElement = object.get("Statement");
        if (statementElement == null) {
            findings.add(new Finding(FindingType.ERROR, "MISSING_STATEMENT", "$",
                    "The policy has no Statement element.", "Add a Statement array with at least one statement."));
            return Optional.of(new Document(version, List.of(), size));
        }
        List<Statement> statements = new ArrayList<>();
        if (statementElement.isJsonArray()) {
            JsonArray array = statementElement.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                statement(array.get(i), "$.Statement[" + i + "]").ifPresent(statements::add);
            }
        } else {
            statement(statementElement, "$.Statement").ifPresent(statements::add);
        }
        return Optional.of(new Document(version, statements, size));
    }

    private Optional<Statement> statement(JsonElement element, String path) {
        if (!element.isJsonObject()) {
            structure(path, "The statement is not a JSON object.", "Write each statement as an object with Effect, Action and Resource.");
            return Optional.empty();
        }
        JsonObject object = element.getAsJsonObject();
        for (String name : object.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(name)) {
                structure(path + "." + name, "The statement has the unknown element \"" + name + "\".",
                        "Remove it or correct its spelling; element names are case-sensitive.");
            }
        }
        String sid = object.has("Sid") ? string(object.get("Sid"), path + ".Sid") : null;
        String effect = object.has("Effect") ? string(object.get("Effect"), path + ".Effect") : null;
        return Optional.of(new Statement(path, sid, effect,
                principal(object.get("Principal"), path + ".Principal"),
                principal(object.get("NotPrincipal"), path + ".NotPrincipal"),
                values(object.get("Action"), path + ".Action"),
                values(object.get("NotAction"), path + ".NotAction"),
                values(object.get("Resource"), path + ".Resource"),
                values(object.get("NotResource"), path + ".NotResource"),
                conditions(object.get("Condition"), path + ".Condition")));
    }

    private Principal principal(JsonElement element, String path) {
        if (element == null) {
            return null;
        }
        if (element.isJsonPrimitive() && "*".equals(element.getAsString())) {
            return new Principal(path, true, Map.of());
        }
        if (!element.isJsonObject()) {
            structure(path, "The principal is neither \"*\" nor an object.",
                    "Write it as {\"AWS\": ...}, {\"Service\": ...}, {\"Federated\": ...} or \"*\".");
            return null;
        }
        Map<String, Values> byType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
            Values values = values(entry.getValue(), path + "." + entry.getKey());
            if (values != null) {
                byType.put(entry.getKey(), values);
            }
        }
        return new Principal(path, false, byType);
    }

    private List<Condition> conditions(JsonElement element, String path) {
        if (element == null) {
            return List.of();
        }
        if (!element.isJsonObject()) {
            structure(path, "The Condition element is not an object.", "Write it as {\"Operator\": {\"key\": \"value\"}}.");
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonElement> operator : element.getAsJsonObject().entrySet()) {
            String operatorPath = path + "." + operator.getKey();
            if (!operator.getValue().isJsonObject()) {
                structure(operatorPath, "The condition operator " + operator.getKey() + " does not map to an object.",
                        "Write it as {\"" + operator.getKey() + "\": {\"key\": \"value\"}}.");
                continue;
            }
            for (Map.Entry<String, JsonElement> key : operator.getValue().getAsJsonObject().entrySet()) {
                Values values = values(key.getValue(), operatorPath + "." + key.getKey());
                if (values != null) {
                    conditions.add(new Condition(operatorPath + "." + key.getKey(), operator.getKey(), key.getKey(), values));
                }
            }
        }
        return conditions;
    }

    private Values values(JsonElement element, String path) {
        if (element == null) {
            return null;
        }
        if (element.isJsonArray()) {
            List<String> values = new ArrayList<>();
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                String value = string(array.get(i), path + "[" + i + "]");
                if (value != null) {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                structure(path, "The element " + path + " is an empty array.", "List at least one value or remove the element.");
            }
            return new Values(path, values, true);
        }
        String value = string(element, path);
        return value == null ? null : new Values(path, List.of(value), false);
    }

    /** Reads a scalar as a string: IAM accepts booleans and numbers in condition values. */
    private String string(JsonElement element, String path) {
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            return primitive.getAsString();
        }
        structure(path, "The element " + path + " is not a string.", "Write it as a string or an array of strings.");
        return null;
    }

    private void structure(String path, String message, String fix) {
        findings.add(new Finding(FindingType.ERROR, "INVALID_POLICY_STRUCTURE", path, message, fix));
    }
}
