/**
 * The parsing library of parse-service: {@link nl.kamerstukken.parse.KamerstukParser} reads one
 * Kamerstuk file into the {@link nl.kamerstukken.model.DocumentParsed} contract, or gives a {@link
 * nl.kamerstukken.parse.api.ParseOutcome.Failed} with a reason code.
 *
 * <p>Stages, one package each: {@code extract} (PDFBox with positions and font sizes, OCR of pages
 * without a text layer through Tika's Tesseract parser, Tika for other formats, the publisher's XML
 * markup), {@code clean} (page furniture, footnotes, paragraphs, broken words), {@code segment}
 * (numbered questions and answers per layout), {@code metadata} (what the document says about
 * itself, and the publisher's record beside it), and {@code api} (what other modules may use: parse
 * one file).
 */
package nl.kamerstukken.parse;
