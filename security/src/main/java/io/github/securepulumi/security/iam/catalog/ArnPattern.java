package io.github.securepulumi.security.iam.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * An ARN split into its six colon-separated fields, each a glob of literal characters, {@code ?}
 * (exactly one character) and {@code *} (any run of characters).
 *
 * <p>IAM matches each field of a policy ARN separately, and a wildcard never spans a colon between
 * the first five fields. The resource field (the sixth) is kept whole, colons included. Both policy
 * ARNs ({@code arn:aws:s3:::logs-bucket/*}) and the catalog's ARN formats
 * ({@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}) parse into this form: a placeholder
 * {@code ${...}} means "one or more characters", and so does a policy variable such as
 * {@code ${aws:username}}.
 *
 * <p>A placeholder matches any characters, slashes and colons included, because the catalog does
 * not say which characters a name may contain; log group names, for example, contain slashes. The
 * one exception is a placeholder whose name ends in {@code BucketName}: bucket names never contain
 * a slash, and without the exception the S3 bucket format would also match object ARNs such as
 * {@code arn:aws:s3:::bucket/key}.
 */
public final class ArnPattern {

    private static final int FIELDS = 6;
    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;
    private static final int ANY_ONE_BUT_SLASH = -3;
    private static final int ANY_RUN_BUT_SLASH = -4;

    private final String text;
    private final int[][] fields;

    private ArnPattern(String text, int[][] fields) {
        this.text = text;
        this.fields = fields;
    }

    /**
     * Parses an ARN or ARN format.
     *
     * @return the pattern, or empty when the text does not start with {@code arn:} or has fewer
     *     than six fields
     */
    public static Optional<ArnPattern> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", FIELDS);
        if (parts.length < FIELDS) {
            return Optional.empty();
        }
        int[][] fields = new int[FIELDS][];
        for (int i = 0; i < FIELDS; i++) {
            fields[i] = tokens(parts[i]);
        }
        return Optional.of(new ArnPattern(text, fields));
    }

    private static int[] tokens(String field) {
        int[] tokens = new int[field.length() * 2];
        int count = 0;
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{') {
                int end = field.indexOf('}', i + 2);
                if (end > 0) {
                    boolean bucket = field.substring(i + 2, end).endsWith("BucketName");
                    tokens[count++] = bucket ? ANY_ONE_BUT_SLASH : ANY_ONE;
                    tokens[count++] = bucket ? ANY_RUN_BUT_SLASH : ANY_RUN;
                    i = end + 1;
                    continue;
                }
            }
            if (c == '*') {
                tokens[count++] = ANY_RUN;
            } else if (c == '?') {
                tokens[count++] = ANY_ONE;
            } else {
                tokens[count++] = c;
            }
            i++;
        }
        return Arrays.copyOf(tokens, count);
    }

    /** The text this pattern was parsed from. */
    public String text() {
        return text;
    }

    /** The literal service field, for example {@code s3}, as written. */
    public String service() {
        return text.split(":", FIELDS)[2];
    }

    /** The partition field, for example {@code aws}, as written. */
    public String partition() {
        return text.split(":", FIELDS)[1];
    }

    /** Whether some ARN matches both patterns, field by field. */
    public boolean overlaps(ArnPattern other) {
        for (int i = 0; i < FIELDS; i++) {
            if (!overlaps(fields[i], other.fields[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decides whether two globs share a matching string. {@code reach[i][j]} is whether the suffixes
     * {@code a[i..]} and {@code b[j..]} do; a run wildcard may swallow the other side's next token,
     * unless that token is a slash and the run excludes slashes.
     */
    private static boolean overlaps(int[] a, int[] b) {
        boolean[][] reach = new boolean[a.length + 1][b.length + 1];
        reach[a.length][b.length] = true;
        for (int i = a.length; i >= 0; i--) {
            for (int j = b.length; j >= 0; j--) {
                if (i == a.length && j == b.length) {
                    continue;
                }
                boolean result = false;
                if (i < a.length && isRun(a[i])) {
                    result = reach[i + 1][j] || (j < b.length && canSwallow(a[i], b[j]) && reach[i][j + 1]);
                }
                if (!result && j < b.length && isRun(b[j])) {
                    result = reach[i][j + 1] || (i < a.length && canSwallow(b[j], a[i]) && reach[i + 1][j]);
                }
                if (!result && i < a.length && j < b.length && !isRun(a[i]) && !isRun(b[j])) {
                    result = sameCharacter(a[i], b[j]) && reach[i + 1][j + 1];
                }
                reach[i][j] = result;
            }
        }
        return reach[0][0];
    }

    private static boolean isRun(int token) {
        return token == ANY_RUN || token == ANY_RUN_BUT_SLASH;
    }

    private static boolean canSwallow(int run, int token) {
        return run == ANY_RUN || token != '/';
    }

    private static boolean sameCharacter(int a, int b) {
        boolean aAny = a == ANY_ONE || a == ANY_ONE_BUT_SLASH;
        boolean bAny = b == ANY_ONE || b == ANY_ONE_BUT_SLASH;
        if (aAny && bAny) {
            return true;
        }
        if (aAny) {
            return a == ANY_ONE || b != '/';
        }
        if (bAny) {
            return b == ANY_ONE || a != '/';
        }
        return a == b;
    }

    @Override
    public String toString() {
        return text;
    }
}
