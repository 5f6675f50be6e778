package nl.kamerstukken.assemble.topology;

import java.time.Clock;
import java.time.LocalDate;
import nl.kamerstukken.assemble.kamerstuk.Assembly;
import nl.kamerstukken.assemble.kamerstuk.KamerstukAssembler;
import nl.kamerstukken.assemble.kamerstuk.KamerstukFiles;
import nl.kamerstukken.assemble.kamerstuk.Member;
import nl.kamerstukken.assemble.kamerstuk.StemRecords;
import nl.kamerstukken.assemble.kamerstuk.Stems;
import nl.kamerstukken.assemble.kamervraag.CaseAssembler;
import nl.kamerstukken.assemble.kamervraag.CaseContribution;
import nl.kamerstukken.assemble.kamervraag.CaseFiles;
import nl.kamerstukken.assemble.kamervraag.ZaakVotes;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.FileKind;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assembly as a Kafka Streams topology: KTables all the way, so a removed or moved file is a
 * retraction that the table semantics carry through every step.
 *
 * <pre>
 * parsed (documentId → DocumentParsed)
 *   ├─ records only, grouped by stem ──────────────► records-by-stem (stem → StemRecords)
 *   └─ left FK join on the file's stem ────────────► members (documentId → file + Kamerstuk key)
 *        grouped by Kamerstuk key ──────────────────► files-by-kamerstuk (key → KamerstukFiles, no text)
 *        left FK join on the representative's id ───► Assembly (WAITING dropped) ──► kamerstukken topic
 * contributions (Kamerstuk key → CaseContribution, from each published Kamerstuk)
 *   ├─ with Zaak and derived key, by derived key ───► zaak-by-derived-key (derived key → ZaakVotes)
 *   └─ left FK join on the derived key ─────────────► resolved (Kamerstuk key → contribution + case key)
 *        grouped by case key ───────────────────────► documents-by-case (case key → CaseFiles)
 *        assembled ─────────────────────────────────► kamervragen topic
 * </pre>
 *
 * Every internal topic and store has an explicit name, so the topology can change without losing
 * its state. A foreign-key join drops a result computed for a left value that changed meanwhile, so
 * a change of representative never publishes the old one's content; the moment in between (the
 * files name a representative whose content has not come back yet) is a WAITING assembly and is not
 * published.
 */
public final class AssembleTopology {

  private AssembleTopology() {}

  /**
   * @param parsedTopic the parsed topic as this deployment names it
   * @param kamerstukkenTopic where Kamerstukken go
   * @param kamervragenTopic where cases go
   * @param clock the day unanswered cases are judged overdue by
   */
  public static Topology build(
      Topic<String, DocumentParsed> parsedTopic,
      Topic<String, Kamerstuk> kamerstukkenTopic,
      Topic<String, Kamervraag> kamervragenTopic,
      Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, DocumentParsed> parsed =
        builder.table(
            parsedTopic.name(),
            Consumed.with(EventSerdes.KEY, EventSerdes.PARSED).withName("parsed-source"),
            store("parsed", EventSerdes.PARSED));
    KStream<String, Kamerstuk> kamerstukken = kamerstukken(parsed);
    kamerstukken.to(
        kamerstukkenTopic.name(),
        Produced.with(EventSerdes.KEY, kamerstukkenTopic.valueSerde())
            .withName("kamerstukken-sink"));
    cases(kamerstukken, clock)
        .to(
            kamervragenTopic.name(),
            Produced.with(EventSerdes.KEY, kamervragenTopic.valueSerde())
                .withName("kamervragen-sink"));
    return builder.build();
  }

  private static KStream<String, Kamerstuk> kamerstukken(KTable<String, DocumentParsed> parsed) {
    KTable<String, StemRecords> recordsByStem =
        parsed
            .filter(
                (id, p) -> p.kind() == FileKind.PUBLISHER_METADATA,
                Named.as("records-only"),
                store("records", EventSerdes.PARSED))
            .groupBy(
                (id, p) -> KeyValue.pair(Stems.of(p), p),
                Grouped.with("records-by-stem", EventSerdes.KEY, EventSerdes.PARSED))
            .aggregate(
                StemRecords::empty,
                (stem, p, agg) -> agg.with(p.documentId(), p.metadata()),
                (stem, p, agg) -> agg.without(p.documentId()),
                Named.as("records-by-stem-aggregate"),
                store("records-by-stem", EventSerdes.STEM_RECORDS));
    KTable<String, Member> members =
        parsed.leftJoin(
            recordsByStem,
            Stems::of,
            Member::of,
            TableJoined.as("members-by-stem"),
            store("members", EventSerdes.MEMBER));
    KTable<String, KamerstukFiles> files =
        members
            .groupBy(
                (id, m) -> KeyValue.pair(m.key(), m),
                Grouped.with("files-by-kamerstuk", EventSerdes.KEY, EventSerdes.MEMBER))
            .aggregate(
                KamerstukFiles::empty,
                (key, m, agg) -> agg.with(key, m.file()),
                (key, m, agg) -> agg.without(m.file().documentId()),
                Named.as("files-by-kamerstuk-aggregate"),
                store("files-by-kamerstuk", EventSerdes.FILES));
    KTable<String, Assembly> assembled =
        files.leftJoin(
            parsed,
            KamerstukFiles::representative,
            KamerstukAssembler::assemble,
            TableJoined.as("representative"));
    return assembled
        .toStream(Named.as("assembly-changes"))
        .filter((key, a) -> a == null || a.publishable(), Named.as("assembly-published"))
        .mapValues(a -> a == null ? null : a.kamerstuk(), Named.as("assembly-kamerstuk"));
  }

  private static KStream<String, Kamervraag> cases(
      KStream<String, Kamerstuk> kamerstukken, Clock clock) {
    KTable<String, CaseContribution> contributions =
        kamerstukken
            .mapValues(CaseContribution::of, Named.as("case-contribution"))
            .toTable(
                Named.as("contributions-table"), store("contributions", EventSerdes.CONTRIBUTION));
    KTable<String, ZaakVotes> zaakByDerivedKey =
        contributions
            .filter(
                (key, c) -> c.zaak() != null && c.derivedKey() != null,
                Named.as("contributions-with-zaak"),
                store("contributions-with-zaak", EventSerdes.CONTRIBUTION))
            .groupBy(
                (key, c) -> KeyValue.pair(c.derivedKey(), c),
                Grouped.with("zaak-by-derived-key", EventSerdes.KEY, EventSerdes.CONTRIBUTION))
            .aggregate(
                ZaakVotes::empty,
                (derived, c, agg) -> agg.with(c.kamerstukKey(), c.zaak()),
                (derived, c, agg) -> agg.without(c.kamerstukKey()),
                Named.as("zaak-by-derived-key-aggregate"),
                store("zaak-by-derived-key", EventSerdes.VOTES));
    KTable<String, CaseContribution> resolved =
        contributions.leftJoin(
            zaakByDerivedKey,
            CaseContribution::derivedKey,
            (c, votes) -> c.resolved(votes == null ? null : votes.zaak()),
            TableJoined.as("case-key"),
            store("resolved-contributions", EventSerdes.CONTRIBUTION));
    return resolved
        .groupBy(
            (key, c) -> KeyValue.pair(c.caseKey(), c),
            Grouped.with("documents-by-case", EventSerdes.KEY, EventSerdes.CONTRIBUTION))
        .aggregate(
            CaseFiles::empty,
            (caseKey, c, agg) -> agg.with(c),
            (caseKey, c, agg) -> agg.without(c.kamerstukKey()),
            Named.as("documents-by-case-aggregate"),
            store("documents-by-case", EventSerdes.CASE_FILES))
        .toStream(Named.as("case-changes"))
        .mapValues(
            (caseKey, files) -> CaseAssembler.assemble(caseKey, files, LocalDate.now(clock)),
            Named.as("case-assembly"));
  }

  private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(
      String name, Serde<V> values) {
    return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name)
        .withKeySerde(EventSerdes.KEY)
        .withValueSerde(values);
  }
}
