/**
 * Scoring parsed documents against the corpus truth ({@link nl.kamerstukken.tools.score.Scorer}):
 * question and answer precision, recall and F1, the share of metadata fields matched, OCR words
 * found; {@link nl.kamerstukken.tools.score.ScoreReport#toText()} prints the table.
 */
package nl.kamerstukken.tools.score;
