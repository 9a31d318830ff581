/**
 * What generated cursors keep between {@code wrap} and {@code next()}: the positions of byte-like
 * elements ({@link io.sqlxwire.runtime.cursor.RecordedElements}) and a decoder per element of flat
 * structs ({@link io.sqlxwire.runtime.cursor.KeptDecoders}), both bounded.
 */
package io.sqlxwire.runtime.cursor;
