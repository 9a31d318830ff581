/**
 * Protocol autodetection: which protocol a new connection speaks, from its first bytes, a TLS
 * ClientHello's ALPN names, or the client's silence (server-first protocols such as MySQL).
 *
 * <p>{@link io.sqlxwire.runtime.detect.Signature} is the runtime form of a {@code signature} block of
 * a {@code .wire} file; {@link io.sqlxwire.runtime.detect.ProtocolDetector} judges bytes against any
 * set of them. Ambiguity policy: the most specific match (most pinned-down bits) wins, ties go to
 * declaration order; see {@link io.sqlxwire.runtime.detect.ProtocolDetector}.
 */
package io.sqlxwire.runtime.detect;
