/**
 * What a document says about itself ({@link nl.kamerstukken.parse.metadata.MetadataExtractor}): the
 * Kamervragen header, the Kamerstuk head, letters, verslagen, besluitenlijsten, and the publisher's
 * {@code metadata.xml} beside the file ({@link nl.kamerstukken.parse.metadata.SiblingMetadata}).
 */
package nl.kamerstukken.parse.metadata;
