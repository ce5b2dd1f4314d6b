package io.github.securepulumi.security.iam.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Did-you-mean hints: the known name with the smallest edit distance, ignoring case. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the candidate closest to the text, or empty when even the closest needs more than a
     * third of the text's length in edits (at least 2), which would be a guess rather than a typo.
     */
    public static Optional<String> closest(String text, Collection<String> candidates) {
        String lower = text.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, lower.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String other = candidate.toLowerCase(Locale.ROOT);
            if (Math.abs(other.length() - lower.length()) > limit) {
                continue;
            }
            int distance = distance(lower, other);
            if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance with two rolling rows. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
