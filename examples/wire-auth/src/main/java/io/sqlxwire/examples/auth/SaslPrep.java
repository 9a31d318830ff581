package io.sqlxwire.examples.auth;

/**
 * SASLprep (RFC 4013), ASCII subset only.
 *
 * <p>For printable ASCII the full profile is the identity, so those passwords are prepared
 * exactly. ASCII control characters are prohibited by the profile and rejected. Anything beyond
 * ASCII would need the stringprep tables (mapping, NFKC, bidi checks), which are not implemented:
 * {@link #prepare} rejects it, and {@link #prepareLikePostgres} passes it through unchanged, which is
 * what PostgreSQL does with a password it cannot prepare — so it agrees with PostgreSQL whenever the
 * password is not changed by full SASLprep (for example not NFKC-affected and without mapped
 * characters), and may disagree otherwise.
 */
public final class SaslPrep {
    private SaslPrep() {
    }

    /** The prepared string, or an IllegalArgumentException when it is not printable ASCII. */
    public static String prepare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("SASLprep: prohibited control character at index " + i);
            }
            if (c > 0x7f) {
                throw new IllegalArgumentException(
                        "SASLprep: non-ASCII input at index " + i + " is not supported (ASCII subset only)");
            }
        }
        return value;
    }

    /** As PostgreSQL prepares passwords: the prepared form if there is one, else the raw string. */
    public static String prepareLikePostgres(String password) {
        try {
            return prepare(password);
        } catch (IllegalArgumentException notPreparable) {
            return password;
        }
    }
}
