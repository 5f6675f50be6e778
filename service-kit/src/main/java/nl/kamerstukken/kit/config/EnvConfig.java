package nl.kamerstukken.kit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service's settings from environment variables over documented defaults.
 *
 * <p>Each setting {@code NAME} is looked up as {@code <PREFIX>NAME} (e.g. {@code INGEST_INBOX});
 * shared settings may also fall back to the unprefixed name (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}).
 * Problems are collected, not thrown one by one, so {@link #validate()} reports every bad variable
 * at once, each named, with the value it had and what is expected.
 */
public final class EnvConfig {

  private final String prefix;
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private EnvConfig(String prefix, Map<String, String> env) {
    this.prefix = prefix;
    this.env = Map.copyOf(env);
  }

  /** Settings under {@code prefix} (e.g. {@code "INGEST_"}) from the given environment. */
  public static EnvConfig of(String prefix, Map<String, String> env) {
    return new EnvConfig(prefix, env);
  }

  public String prefix() {
    return prefix;
  }

  /**
   * The value of {@code <PREFIX>name}, else of the unprefixed {@code name} when shared, else empty.
   */
  public Optional<String> raw(String name, boolean shared) {
    String own = env.get(prefix + name);
    if (own != null && !own.isBlank()) {
      return Optional.of(own.trim());
    }
    String common = shared ? env.get(name) : null;
    return common == null || common.isBlank() ? Optional.empty() : Optional.of(common.trim());
  }

  public String string(String name, String defaultValue) {
    return raw(name, false).orElse(defaultValue);
  }

  /** A setting several services share, such as the Kafka bootstrap servers. */
  public String sharedString(String name, String defaultValue) {
    return raw(name, true).orElse(defaultValue);
  }

  public int integer(String name, int defaultValue, int min, int max) {
    return checkedInteger(name, false, defaultValue, min, max);
  }

  /** An integer setting several services share, such as the number of partitions. */
  public int sharedInteger(String name, int defaultValue, int min, int max) {
    return checkedInteger(name, true, defaultValue, min, max);
  }

  private int checkedInteger(String name, boolean shared, int defaultValue, int min, int max) {
    Integer value = parse(name, shared, defaultValue, Integer::valueOf, "an integer");
    if (value < min || value > max) {
      problems.add(prefix + name + "=" + value + ": must be between " + min + " and " + max);
    }
    return value;
  }

  public long longValue(String name, long defaultValue, long min) {
    Long value = parse(name, false, defaultValue, Long::valueOf, "a whole number");
    if (value < min) {
      problems.add(prefix + name + "=" + value + ": must be at least " + min);
    }
    return value;
  }

  /**
   * A byte count: a plain number of bytes or a number with unit {@code KB}, {@code MB}, {@code GB}
   * (powers of 1024), at least {@code min}. A value too large for a long is refused like any other
   * bad value (named, exit 2), never an overflow or a crash.
   */
  public long size(String name, long defaultValue, long min) {
    Long bytes =
        parse(name, false, defaultValue, EnvConfig::parseSize, "a size like 200MB, 512KB or 1GB");
    if (bytes < min) {
      problems.add(
          prefix
              + name
              + "="
              + raw(name, false).orElse("")
              + ": must be at least "
              + min
              + " bytes");
    }
    return bytes;
  }

  public boolean bool(String name, boolean defaultValue) {
    return parse(name, false, defaultValue, EnvConfig::parseBoolean, "true or false");
  }

  /**
   * A duration as ISO-8601 ({@code PT30S}) or a number with unit: {@code 500ms}, {@code 30s},
   * {@code 5m}.
   */
  public Duration duration(String name, Duration defaultValue) {
    Duration value =
        parse(
            name,
            false,
            defaultValue,
            EnvConfig::parseDuration,
            "a duration like 30s, 500ms or PT1M");
    if (value.isNegative()) {
      problems.add(prefix + name + "=" + value + ": must not be negative");
    }
    return value;
  }

  public Path path(String name, Path defaultValue) {
    return parse(name, false, defaultValue, Path::of, "a file system path");
  }

  /**
   * Every variable {@code <PREFIX><group>_<KEY>} or shared {@code <group>_<KEY>}, as {@code
   * key.in.dots}.
   */
  public Map<String, String> passThrough(String group) {
    Map<String, String> properties = new TreeMap<>();
    collect(group + "_", properties);
    collect(prefix + group + "_", properties);
    return properties;
  }

  /** Records a problem found by the caller's own validation, named after the variable. */
  public void reject(String name, String value, String expectation) {
    problems.add(prefix + name + "=" + value + ": " + expectation);
  }

  /** Throws {@link ConfigException} naming every bad variable, if there was any. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private void collect(String start, Map<String, String> into) {
    env.forEach(
        (key, value) -> {
          if (key.startsWith(start) && key.length() > start.length()) {
            into.put(key.substring(start.length()).toLowerCase().replace('_', '.'), value);
          }
        });
  }

  private <T> T parse(
      String name, boolean shared, T defaultValue, Function<String, T> parser, String expected) {
    Optional<String> value = raw(name, shared);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return parser.apply(value.get());
    } catch (ArithmeticException e) {
      problems.add(prefix + name + "=" + value.get() + ": too large; expected " + expected);
      return defaultValue;
    } catch (NumberFormatException e) {
      problems.add(
          prefix + name + "=" + value.get() + ": expected " + expected + tooLong(value.get()));
      return defaultValue;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      problems.add(prefix + name + "=" + value.get() + ": expected " + expected);
      return defaultValue;
    }
  }

  /** Digits that do not fit a long are a number too large, not a typo: say so. */
  private static String tooLong(String value) {
    return value.trim().matches("-?[0-9]{19,}.*") ? " (the number is too large)" : "";
  }

  private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*(b|kb|k|mb|m|gb|g)?");

  static long parseSize(String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(value);
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor =
        switch (unit.charAt(0)) {
          case 'k' -> 1024L;
          case 'm' -> 1024L * 1024;
          case 'g' -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    return Math.multiplyExact(amount, factor);
  }

  private static boolean parseBoolean(String value) {
    return switch (value.toLowerCase()) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  static Duration parseDuration(String value) {
    String v = value.trim().toLowerCase();
    if (v.startsWith("p")) {
      return Duration.parse(value.trim().toUpperCase());
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
    }
    long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
    return switch (v.charAt(v.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException(value);
    };
  }
}
