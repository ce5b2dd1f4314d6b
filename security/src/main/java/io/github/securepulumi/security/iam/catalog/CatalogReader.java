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

    /**
     * Parses an action line, {@code A<TAB>name<TAB>level<TAB>refs<TAB>keys}, by index rather than
     * with {@code split}: there are 22,091 of them, and this is most of the full load time.
     */
    private static IamAction readAction(String prefix, String line, IamResourceType[] types, IamConditionKey[] keys) {
        int nameEnd = line.indexOf('\t', 2);
        int refsStart = line.indexOf('\t', nameEnd + 1) + 1;
        int refsEnd = line.indexOf('\t', refsStart);
        int refCount = refsStart == refsEnd ? 0 : count(line, ',', refsStart, refsEnd) + 1;
        IamResourceType[] actionTypes = new IamResourceType[refCount];
        boolean[] required = new boolean[refCount];
        IamConditionKey[][] typeKeys = new IamConditionKey[refCount][];
        int position = refsStart;
        for (int i = 0; i < refCount; i++) {
            int refEnd = line.indexOf(',', position);
            if (refEnd < 0 || refEnd > refsEnd) {
                refEnd = refsEnd;
            }
            int index = 0;
            while (position < refEnd && Character.isDigit(line.charAt(position))) {
                index = index * 10 + (line.charAt(position) - '0');
                position++;
            }
            actionTypes[i] = types[index];
            if (position < refEnd && line.charAt(position) == '*') {
                required[i] = true;
                position++;
            }
            typeKeys[i] = position < refEnd && line.charAt(position) == '='
                    ? keyRefs(line, '.', position + 1, refEnd, keys) : NO_KEYS;
            position = refEnd + 1;
        }
        return new IamAction(prefix, line.substring(2, nameEnd), AccessLevel.fromCode(line.charAt(nameEnd + 1)),
                actionTypes, required, typeKeys, keyRefs(line, ',', refsEnd + 1, line.length(), keys));
    }

    private static int count(String text, char character, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == character) {
                count++;
            }
        }
        return count;
    }

    private static IamConditionKey[] keyRefs(String list, char separator, IamConditionKey[] keys) {
        return keyRefs(list, separator, 0, list.length(), keys);
    }

    /** Resolves a list of decimal indexes, {@code text[start..end)}, into the service's condition keys. */
    private static IamConditionKey[] keyRefs(String text, char separator, int start, int end, IamConditionKey[] keys) {
        if (start >= end) {
            return NO_KEYS;
        }
        IamConditionKey[] result = new IamConditionKey[count(text, separator, start, end) + 1];
        int value = 0;
        int slot = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
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
