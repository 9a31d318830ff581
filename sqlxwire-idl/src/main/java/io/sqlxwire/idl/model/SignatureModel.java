package io.sqlxwire.idl.model;

import java.util.List;

/**
 * How the first bytes of a connection reveal the protocol.
 *
 * @param sender   who speaks first: a {@code SERVER} signature is tried when the client stays silent
 * @param minBytes bytes needed before it can be judged
 * @param alpn     TLS ALPN protocol names that announce the protocol
 */
public record SignatureModel(String name, String doc, DirectionModel.Sender sender, int minBytes,
                             List<ByteMatch> matches, List<String> alpn) {

    public SignatureModel {
        matches = List.copyOf(matches);
        alpn = List.copyOf(alpn);
    }

    /** {@code bytes} at {@code offset}, compared under {@code mask} (all ones when none was given). */
    public record ByteMatch(int offset, ByteString bytes, ByteString mask) {}
}
