package nl.kamerstukken.assemble.topology;

import nl.kamerstukken.assemble.errors.ValidatingSerde;
import nl.kamerstukken.assemble.kamerstuk.KamerstukFiles;
import nl.kamerstukken.assemble.kamerstuk.Member;
import nl.kamerstukken.assemble.kamerstuk.StemRecords;
import nl.kamerstukken.assemble.kamervraag.CaseContribution;
import nl.kamerstukken.assemble.kamervraag.CaseFiles;
import nl.kamerstukken.assemble.kamervraag.ZaakVotes;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.JsonSerde;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of the assembly: the input is validated against its JSON Schema; internal values
 * (stores, repartition and subscription topics) are the project's JSON.
 */
final class EventSerdes {

  static final Serde<String> KEY = Serdes.String();
  static final Serde<DocumentParsed> PARSED =
      new ValidatingSerde<>(
          DocumentParsed.class, Topics.PARSED.valueSerde(), "document-parsed.schema.json");
  static final Serde<DocumentMetadata> METADATA = new JsonSerde<>(DocumentMetadata.class);
  static final Serde<StemRecords> STEM_RECORDS = new JsonSerde<>(StemRecords.class);
  static final Serde<Member> MEMBER = new JsonSerde<>(Member.class);
  static final Serde<KamerstukFiles> FILES = new JsonSerde<>(KamerstukFiles.class);
  static final Serde<CaseContribution> CONTRIBUTION = new JsonSerde<>(CaseContribution.class);
  static final Serde<ZaakVotes> VOTES = new JsonSerde<>(ZaakVotes.class);
  static final Serde<CaseFiles> CASE_FILES = new JsonSerde<>(CaseFiles.class);

  private EventSerdes() {}
}
