package io.sqlxwire.idl.parse;

import static io.sqlxwire.idl.parse.ExpressionParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.idl.ast.Decl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Doc comments: AstBuilder promises "the comment markers and common indentation removed", but
 * indentation shared by every line of a doc comment is kept today.
 */
class KnownBugsParserTest {

    @Test
    void commonIndentationOfDocLinesIsRemoved() {
        List<Decl.Struct> structs = parse("""
                ///   Line one.
                ///     Indented more.
                struct S {}
                /**
                 *   Block one.
                 *     Deeper.
                 */
                struct T {}
                """).all(Decl.Struct.class);
        assertEquals("Line one.\n  Indented more.", structs.get(0).doc());
        assertEquals("Block one.\n  Deeper.", structs.get(1).doc());
    }
}
