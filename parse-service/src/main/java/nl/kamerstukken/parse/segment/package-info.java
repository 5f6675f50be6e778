/**
 * Numbered questions and answers per layout ({@link nl.kamerstukken.parse.segment.Segmenter}):
 * source markup, "Vraag N"/"Antwoord N" labels (grouped labels give one segment with several
 * numbers), committee lists (bare number, question, "Antwoord"), and numbered Kamervragen. Numbers
 * in other documents are not questions.
 */
package nl.kamerstukken.parse.segment;
