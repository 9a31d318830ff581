/**
 * Storage for session variables: primitive lists that generated decoders index per element
 * without boxing ({@link io.sqlxwire.runtime.session.IntList}, {@link io.sqlxwire.runtime.session.LongList}).
 */
package io.sqlxwire.runtime.session;
