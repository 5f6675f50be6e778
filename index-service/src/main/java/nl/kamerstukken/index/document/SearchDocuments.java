package nl.kamerstukken.index.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.kamerstukken.index.reference.References;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.model.Kamerstuk;

/** Turns a Kamerstuk into its search documents: one for the document, one per Q&A pair. */
public final class SearchDocuments {

  private SearchDocuments() {}

  /**
   * @param version the external version: the offset of the Kamerstuk's event (one key stays in one
   *     partition, whose offsets only grow, so a later event always has a higher version)
   */
  public static IndexedDocument of(Kamerstuk kamerstuk, long version) {
    SharedFields shared = SharedFields.of(kamerstuk);
    List<String> own = own(kamerstuk);
    List<QaDoc> qa = new ArrayList<>();
    for (QaPairing.Pair pair : QaPairing.pair(kamerstuk.questions(), kamerstuk.answers())) {
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
    List<String> footnotes = kamerstuk.footnotes().stream().map(SearchDocuments::footnote).toList();
    List<String> texts = new ArrayList<>(footnotes);
    texts.add(0, kamerstuk.text());
    DocumentDoc document =
        new DocumentDoc(
            shared,
            kamerstuk.metadata().signatory(),
            kamerstuk.metadata().seeAlso(),
            kamerstuk.pageCount(),
            kamerstuk.text(),
            kamerstuk.questions().size(),
            kamerstuk.answers().size(),
            qa.size(),
            footnotes,
            kamerstuk.warnings(),
            References.in(texts, own),
            kamerstuk.representativeRule(),
            kamerstuk.files().stream().map(FileLink::of).toList());
    return new IndexedDocument(kamerstuk.key(), version, document, qa);
  }

  /** The Kamerstuk's own identifier, Zaak and document numbers: not references to others. */
  private static List<String> own(Kamerstuk kamerstuk) {
    List<String> own = new ArrayList<>();
    if (kamerstuk.metadata().identifier() != null) {
      own.add(kamerstuk.metadata().identifier().trim());
    }
    own.addAll(kamerstuk.metadata().zaakNumbers());
    own.addAll(kamerstuk.metadata().documentNumbers());
    return own;
  }

  private static String footnote(Footnote footnote) {
    return footnote.number() == null ? footnote.text() : footnote.number() + " " + footnote.text();
  }
}
