package nl.kamerstukken.index.api;

/**
 * What one alias holds.
 *
 * @param alias the alias as the deployment names it, e.g. {@code kamerstukken-qa}
 * @param documents documents behind it, or -1 when the alias does not exist yet
 * @param analysis the text analysis of its index ({@code DUTCH}, {@code HUNSPELL}, {@code
 *     FALLBACK}), or null when the alias does not exist yet
 * @param analysisDescription that analysis in words, or null
 */
public record AliasStatus(
    String alias, long documents, String analysis, String analysisDescription) {}
