package nl.kamerstukken.index.document;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import nl.kamerstukken.index.api.Reference;

/**
 * One Kamerstuk as a search document in the documents index.
 *
 * @param shared metadata and links, written as top-level fields
 * @param qaCount how many Q&A documents this Kamerstuk has: they are stored at positions
 *     1..qaCount, which is how a later version knows which of them it must remove
 * @param references what the text and footnotes refer to (other Kamerstukken, Aanhangsels, Zaken)
 * @param representativeRule the rule that chose the file whose content this is
 * @param files every file that carries the Kamerstuk, the representative first
 */
public record DocumentDoc(
    @JsonUnwrapped SharedFields shared,
    String signatory,
    List<String> seeAlso,
    int pageCount,
    String text,
    int questionCount,
    int answerCount,
    int qaCount,
    List<String> footnotes,
    List<String> warnings,
    List<Reference> references,
    String representativeRule,
    List<FileLink> files) {

  public DocumentDoc {
    references = List.copyOf(references);
    files = List.copyOf(files);
    seeAlso = List.copyOf(seeAlso);
    footnotes = List.copyOf(footnotes);
    warnings = List.copyOf(warnings);
  }
}
