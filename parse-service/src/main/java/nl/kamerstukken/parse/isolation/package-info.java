/**
 * Parse isolation: every document is parsed in a supervised child JVM (a "parse worker") with its
 * own heap, under a time budget, as Apache Tika's pipes do. A worker that runs out of memory,
 * overflows its stack, crashes natively or exceeds the budget is killed and restarted, and the
 * document becomes a failed outcome with a reason code; the service itself never holds a hostile
 * document's memory or thread. {@link nl.kamerstukken.parse.isolation.ParseWorkerPool} is the entry
 * point.
 */
package nl.kamerstukken.parse.isolation;
