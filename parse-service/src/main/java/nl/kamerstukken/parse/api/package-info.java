/**
 * parse-service's public API for the operator commands, the tools and the tests: {@link
 * nl.kamerstukken.parse.api.FileParser} parses a file on disk with {@link
 * nl.kamerstukken.parse.api.ParserSettings} into a {@link nl.kamerstukken.parse.api.ParseOutcome}.
 * Other modules use only this package of parse-service (checked by {@code ModuleBoundariesTest} in
 * pipeline-tests).
 */
package nl.kamerstukken.parse.api;
