package nl.kamerstukken.index.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.kamerstukken.index.reference.References;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Footnote;

/** Turns a parsed Kamerstuk into its search documents: one for the document, one per Q&A pair. */
public final class SearchDocuments {

  private SearchDocuments() {}

  public static IndexedDocument of(DocumentParsed parsed) {
    String key = key(parsed);
    SharedFields shared = SharedFields.of(key, parsed);
    List<String> own = own(parsed);
    List<QaDoc> qa = new ArrayList<>();
    for (QaPairing.Pair pair : QaPairing.pair(parsed.questions(), parsed.answers())) {
      qa.add(
          new QaDoc(
              shared,
              qa.size() + 1,
              pair.questionNumbers(),
              pair.answerNumbers(),
              pair.questionText(),
              pair.answerText(),
              pair.answerText() != null,
              pair.questionPages(),
              pair.answerPages(),
              References.in(Arrays.asList(pair.questionText(), pair.answerText()), own)));
    }
    List<String> footnotes = parsed.footnotes().stream().map(SearchDocuments::footnote).toList();
    List<String> texts = new ArrayList<>(footnotes);
    texts.add(0, parsed.text());
    DocumentDoc document =
        new DocumentDoc(
            shared,
            parsed.metadata().signatory(),
            parsed.metadata().seeAlso(),
            parsed.pageCount(),
            parsed.text(),
            parsed.questions().size(),
            parsed.answers().size(),
            qa.size(),
            footnotes,
            parsed.warnings(),
            References.in(texts, own));
    return new IndexedDocument(key, version(parsed), document, qa);
  }

  /**
   * The publisher's identifier when known (so versions of one Kamerstuk share it), else the content
   * id.
   */
  static String key(DocumentParsed parsed) {
    String identifier = parsed.metadata().identifier();
    return identifier == null || identifier.isBlank() ? parsed.documentId() : identifier.trim();
  }

  /** The Kamerstuk's own identifier, Zaak and document numbers: not references to others. */
  private static List<String> own(DocumentParsed parsed) {
    List<String> own = new ArrayList<>();
    if (parsed.metadata().identifier() != null) {
      own.add(parsed.metadata().identifier().trim());
    }
    own.addAll(parsed.metadata().zaakNumbers());
    own.addAll(parsed.metadata().documentNumbers());
    return own;
  }

  static long version(DocumentParsed parsed) {
    Instant at = parsed.receivedAt() != null ? parsed.receivedAt() : parsed.parsedAt();
    long millis = at == null ? 0 : Math.max(0, at.toEpochMilli());
    return millis * 1000 + Math.floorMod(parsed.documentId().hashCode(), 1000);
  }

  private static String footnote(Footnote footnote) {
    return footnote.number() == null ? footnote.text() : footnote.number() + " " + footnote.text();
  }
}
