/**
 * index-service's public API for the operator commands, the tools and the tests: {@link
 * nl.kamerstukken.index.api.IndexClient} (search, similar questions, Kamervraag cases and
 * statistics, alias status, rebuild), {@link nl.kamerstukken.index.api.ScratchIndex} (throwaway
 * indices filled directly, for benchmarks and tests) and the values they speak in ({@link
 * nl.kamerstukken.index.api.SearchQuery}, {@link nl.kamerstukken.index.api.SearchResult}, {@link
 * nl.kamerstukken.index.api.SearchHit}, ...). Other modules use only this package of index-service
 * (checked by {@code ModuleBoundariesTest} in pipeline-tests).
 */
package nl.kamerstukken.index.api;
