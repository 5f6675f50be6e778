/**
 * From extracted lines to the clean body ({@link nl.kamerstukken.parse.clean.TextCleaner}): running
 * headers, footers, colophon and page numbers out; footnotes moved out with their reference digits;
 * paragraphs; words broken at line ends joined, real hyphens kept.
 */
package nl.kamerstukken.parse.clean;
