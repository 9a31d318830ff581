package io.sqlxwire.idl.check;

import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.Endian;
import io.sqlxwire.idl.model.ExprType;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TextEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What every pass shares: diagnostics, the symbol table, protocol options and what is resolved so far. */
final class CheckContext {

    final Diagnostics diagnostics;
    final Symbols symbols;
    final ProtocolOptions options;
    final Map<String, EnumModel> enums = new LinkedHashMap<>();
    final Map<String, ExprType> sessionTypes = new LinkedHashMap<>();
    private StructResolver structs;

    CheckContext(Diagnostics diagnostics, Symbols symbols, ProtocolOptions options) {
        this.diagnostics = diagnostics;
        this.symbols = symbols;
        this.options = options;
    }

    void useStructs(StructResolver structs) {
        this.structs = structs;
    }

    Optional<StructModel> struct(String name) {
        return structs == null ? Optional.empty() : structs.resolved(name);
    }

    StructResolver structs() {
        return structs;
    }

    Endian byteOrder() {
        return options.byteOrder();
    }

    TextEncoding charset() {
        return options.charset();
    }

    void error(SourceSpan span, String message) {
        diagnostics.error(span, message);
    }

    void warning(SourceSpan span, String message) {
        diagnostics.warning(span, message);
    }

    /** "a struct", "an enum": the indefinite article a noun needs. */
    static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** "line 12" for a place in the same file, "other.wire:12:5" for a place elsewhere. */
    static String where(SourceSpan here, SourceSpan there) {
        return here.file().equals(there.file()) ? "line " + there.line()
                : there.file() + ":" + there.line() + ":" + there.column();
    }
}
