package io.github.securepulumi.security.iam.catalog;

import io.github.securepulumi.security.iam.catalog.IamCatalog.ConditionPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the generated catalog text (format described in docs/iam-catalog.md): the header, global
 * condition keys, condition patterns and prefix aliases at once, and each service block only as a
 * {@link ServiceSlot} to parse later.
 *
 * <p>The loader avoids lambdas and streams because the catalog is typically loaded in a fresh JVM,
 * where bootstrapping the first lambda costs milliseconds.
 */
final class CatalogReader {

    private static final int FORMAT_VERSION = 1;
    private static final IamConditionKey[] NO_KEYS = new IamConditionKey[0];

    String[] header;
    final Map<String, ServiceSlot> services = new HashMap<>(1024);
    final Map<String, IamConditionKey> globalKeys = new HashMap<>(128);
    final Map<String, List<ConditionPattern>> patterns = new HashMap<>();
    final Map<String, List<String>> unassociated = new HashMap<>();
    int actionCount;
    int resourceTypeCount;
    int conditionKeyCount;

    private CatalogReader() {
    }

    static CatalogReader read(String text) {
        CatalogReader reader = new CatalogReader();
        reader.readAll(new Cursor(text, 0, text.length()));
        return reader;
    }

    /** Lines of one region of the text. */
    static final class Cursor {
        private final String text;
        private int position;
        private final int end;

        Cursor(String text, int start, int end) {
            this.text = text;
            this.position = start;
            this.end = end;
        }

        int position() {
            return position;
        }

        String nextLine() {
            if (position >= end) {
                return null;
            }
            int newline = text.indexOf('\n', position);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            String line = text.substring(position, lineEnd);
            position = lineEnd + 1;
            return line;
        }

        void skipLines(int count) {
            for (int i = 0; i < count; i++) {
                int newline = text.indexOf('\n', position);
                position = newline < 0 ? end : newline + 1;
            }
        }
    }

    private void readAll(Cursor cursor) {
        String first = cursor.nextLine();
        if (first == null || !first.startsWith("#iam-catalog\t")) {
            throw new IllegalStateException("the IAM catalog resource does not start with the #iam-catalog header");
        }
        header = first.split("\t", -1);
        if (header.length < 6 || Integer.parseInt(header[1]) != FORMAT_VERSION) {
            throw new IllegalStateException("the IAM catalog has format " + header[1] + ", but this library reads format "
                    + FORMAT_VERSION + "; regenerate it with tools/iam-catalog/generate.mjs");
        }
        int lineStart = cursor.position();
        String line = cursor.nextLine();
        while (line != null) {
            String[] fields = line.split("\t", -1);
            char kind = line.charAt(0);
            if (kind == 'S') {
                indexService(fields, lineStart, cursor);
            } else if (kind == 'G') {
                globalKeys.put(fields[1].toLowerCase(Locale.ROOT),
                        new IamConditionKey(fields[1], ConditionKeyType.fromLabel(fields[2]), true));
            } else if (kind == 'P') {
                List<ConditionPattern> list = patterns.get(fields[1]);
                if (list == null) {
                    list = new ArrayList<>();
                    patterns.put(fields[1], list);
                }
                list.add(new ConditionPattern(Pattern.compile(fields[2], Pattern.CASE_INSENSITIVE), fields[3]));
            } else if (kind == 'U') {
                unassociated.put(fields[1].toLowerCase(Locale.ROOT), List.of(fields[2].split(",")));
            } else {
                throw new IllegalStateException("the IAM catalog contains an unknown line kind '" + kind + "'");
            }
            lineStart = cursor.position();
            line = cursor.nextLine();
        }
    }

    private void indexService(String[] fields, int start, Cursor cursor) {
        int keys = Integer.parseInt(fields[3]);
        int types = Integer.parseInt(fields[4]);
        int actions = Integer.parseInt(fields[5]);
        cursor.skipLines(keys + types + actions);
        services.put(fields[1].toLowerCase(Locale.ROOT), new ServiceSlot(fields[1], start, cursor.position()));
        actionCount += actions;
        resourceTypeCount += types;
        conditionKeyCount += keys;
    }

    /** Parses one service block, from its {@code S} line to the line before the next block. */
    static IamService parseService(Cursor cursor) {
        String[] fields = cursor.nextLine().split("\t", -1);
        String prefix = fields[1];
        int keyCount = Integer.parseInt(fields[3]);
        int typeCount = Integer.parseInt(fields[4]);
        int actionTotal = Integer.parseInt(fields[5]);

        IamConditionKey[] keys = new IamConditionKey[keyCount];
        for (int i = 0; i < keyCount; i++) {
            String[] key = cursor.nextLine().split("\t", -1);
            String name = key[1];
            boolean global = name.regionMatches(true, 0, "aws:", 0, 4);
            keys[i] = new IamConditionKey(name, ConditionKeyType.fromLabel(key[2]), global);
        }
        IamResourceType[] types = new IamResourceType[typeCount];
        for (int i = 0; i < typeCount; i++) {
            String[] type = cursor.nextLine().split("\t", -1);
            types[i] = new IamResourceType(prefix, type[1], type[2], keyRefs(type[3], ',', keys));
        }
        IamAction[] actions = new IamAction[actionTotal];
        for (int i = 0; i < actionTotal; i++) {
            actions[i] = readAction(prefix, cursor.nextLine(), types, keys);
        }
        return new IamService(prefix, fields[2], actions, types.clone(), keys);
    }

    private static IamAction readAction(String prefix, String line, IamResourceType[] types, IamConditionKey[] keys) {
        String[] fields = line.split("\t", -1);
        String[] refs = fields[3].isEmpty() ? new String[0] : fields[3].split(",");
        IamResourceType[] actionTypes = new IamResourceType[refs.length];
        boolean[] required = new boolean[refs.length];
        IamConditionKey[][] typeKeys = new IamConditionKey[refs.length][];
        for (int i = 0; i < refs.length; i++) {
            String ref = refs[i];
            int equals = ref.indexOf('=');
            String head = equals < 0 ? ref : ref.substring(0, equals);
            required[i] = head.endsWith("*");
            int index = Integer.parseInt(required[i] ? head.substring(0, head.length() - 1) : head);
            actionTypes[i] = types[index];
            typeKeys[i] = equals < 0 ? NO_KEYS : keyRefs(ref.substring(equals + 1), '.', keys);
        }
        return new IamAction(prefix, fields[1], AccessLevel.fromCode(fields[2].charAt(0)), actionTypes, required,
                typeKeys, keyRefs(fields[4], ',', keys));
    }

    /** Resolves a list of decimal indexes into the service's condition keys. */
    private static IamConditionKey[] keyRefs(String list, char separator, IamConditionKey[] keys) {
        if (list.isEmpty()) {
            return NO_KEYS;
        }
        int count = 1;
        for (int i = 0; i < list.length(); i++) {
            if (list.charAt(i) == separator) {
                count++;
            }
        }
        IamConditionKey[] result = new IamConditionKey[count];
        int value = 0;
        int slot = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == separator) {
                result[slot++] = keys[value];
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        result[slot] = keys[value];
        return result;
    }
}
