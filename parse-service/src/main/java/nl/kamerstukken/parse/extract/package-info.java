/**
 * Reading files into lines: {@link nl.kamerstukken.parse.extract.PdfExtractor} (PDFBox once per
 * PDF, glyph positions, font sizes, superscripts; OCR for scanned pages), {@link
 * nl.kamerstukken.parse.extract.TikaExtractor} (DOCX, DOC, ODT, RTF, HTML, text), {@link
 * nl.kamerstukken.parse.extract.PublisherXmlExtractor} ({@code <officiele-publicatie>} with {@code
 * <vraag>}/{@code <antwoord>}).
 */
package nl.kamerstukken.parse.extract;
