package nl.kamerstukken.parse.config;

import java.util.Map;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.parse.ParserSettings;

/**
 * Everything parse-service reads from its environment (prefix {@code PARSE_}), validated at start.
 *
 * @param kafka how to reach Kafka (shared {@code KAFKA_*} variables)
 * @param httpHost interface for /health and /metrics ({@code PARSE_HTTP_HOST}, default 127.0.0.1)
 * @param httpPort port for /health and /metrics ({@code PARSE_HTTP_PORT}, default 8082, 0 = any)
 * @param maxPollRecords documents taken per batch ({@code PARSE_MAX_POLL_RECORDS}, default 8)
 * @param threads documents parsed at the same time ({@code PARSE_THREADS}, default: the number of cores)
 * @param parser how documents are read (OCR and its language: {@code PARSE_OCR}, {@code PARSE_OCR_LANGUAGE})
 */
public record ParseConfig(
    KafkaSettings kafka, String httpHost, int httpPort, int maxPollRecords, int threads, ParserSettings parser) {

  public static ParseConfig load(Map<String, String> environment) {
    EnvConfig env = EnvConfig.of("PARSE_", environment);
    KafkaSettings kafka = KafkaSettings.from(env, "parse-service");
    String host = env.string("HTTP_HOST", "127.0.0.1");
    int port = env.integer("HTTP_PORT", 8082, 0, 65535);
    int maxPoll = env.integer("MAX_POLL_RECORDS", 8, 1, 1000);
    int threads = env.integer("THREADS", Runtime.getRuntime().availableProcessors(), 1, 64);
    ParserSettings parser = ParserSettings.defaults();
    boolean ocr = env.bool("OCR", parser.ocrEnabled());
    String language = env.string("OCR_LANGUAGE", parser.ocrLanguage());
    env.validate();
    return new ParseConfig(kafka, host, port, maxPoll, threads, parser.withOcr(ocr, language));
  }
}
