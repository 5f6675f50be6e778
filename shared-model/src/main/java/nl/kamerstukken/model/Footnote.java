package nl.kamerstukken.model;

/**
 * A footnote moved out of the body text.
 *
 * @param number the reference mark as printed
 * @param text the footnote's text
 */
public record Footnote(String number, String text) {}
