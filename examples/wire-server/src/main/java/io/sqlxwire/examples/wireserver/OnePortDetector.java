package io.sqlxwire.examples.wireserver;

import io.sqlxwire.protocols.mysql.MyDetector;
import io.sqlxwire.protocols.postgresql.PgDetector;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import io.sqlxwire.runtime.detect.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The detector of the one port: the signatures of postgresql.wire and mysql.wire, as the plugin
 * generated them in this build ({@code PgDetector}, {@code MyDetector}), in one list.
 *
 * <p>PostgreSQL's clients speak first (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest, or a
 * TLS ClientHello offering ALPN {@code postgresql}); MySQL's server speaks first, so a client that
 * stays silent for the silence timeout is taken for a MySQL client. The two sets never compete for
 * the same bytes, so their order only matters as the runtime's documented tie-break.
 */
public final class OnePortDetector {

    /** The protocol names the signatures carry: the keys handlers are registered under. */
    public static final String POSTGRESQL = "postgresql";
    public static final String MYSQL = "mysql";

    private OnePortDetector() {}

    public static List<Signature> signatures() {
        List<Signature> all = new ArrayList<>(PgDetector.SIGNATURES);
        all.addAll(MyDetector.SIGNATURES);
        return List.copyOf(all);
    }

    /** With the runtime's default silence timeout ({@link ProtocolDetector#DEFAULT_SILENCE}). */
    public static ProtocolDetector create() {
        return new ProtocolDetector(signatures());
    }

    public static ProtocolDetector create(Duration silence) {
        return new ProtocolDetector(signatures(), silence);
    }
}
