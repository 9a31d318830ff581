package io.sqlxwire.idl.parse;

import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.grammar.WireLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Text to syntax tree. Syntax errors are reported into {@link Diagnostics} with their position and
 * ANTLR's recovery goes on, so one run shows every syntax error; the returned tree holds whatever
 * could be recognised. This is the only place ANTLR types appear outside {@link AstBuilder}.
 */
public final class WireParser {

    private WireParser() {}

    public static WireFile parse(String path, String source, Diagnostics diagnostics) {
        WireLexer lexer = new WireLexer(CharStreams.fromString(source, path));
        SyntaxErrorReporter reporter = new SyntaxErrorReporter(path, diagnostics);
        lexer.removeErrorListeners();
        lexer.addErrorListener(reporter);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        io.sqlxwire.idl.grammar.WireParser parser = new io.sqlxwire.idl.grammar.WireParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(reporter);
        io.sqlxwire.idl.grammar.WireParser.FileContext tree = parser.file();
        return new AstBuilder(path, tokens, diagnostics).file(tree);
    }

    /** Turns ANTLR's messages into diagnostics that speak of the language, not of the parser. */
    private static final class SyntaxErrorReporter extends BaseErrorListener {
        private final String path;
        private final Diagnostics diagnostics;

        SyntaxErrorReporter(String path, Diagnostics diagnostics) {
            this.path = path;
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            int start = 0;
            int end = 0;
            String message = msg;
            if (offendingSymbol instanceof Token token) {
                start = Math.max(0, token.getStartIndex());
                end = Math.max(start, token.getStopIndex() + 1);
                if (token.getType() == WireLexer.UNEXPECTED) {
                    message = "unexpected character '" + token.getText() + "'";
                } else if (recognizer instanceof Parser parser) {
                    message = "unexpected " + describe(token) + ExpectedTokens.describe(parser.getExpectedTokens(),
                            parser.getVocabulary());
                }
            } else if (recognizer instanceof Lexer lexer) {
                start = lexer._tokenStartCharIndex;
                end = Math.max(start, lexer._input.index());
            }
            diagnostics.error(new SourceSpan(path, line, column + 1, start, end), "syntax error: " + message);
        }

        private static String describe(Token token) {
            return token.getType() == Token.EOF ? "end of file" : "'" + token.getText() + "'";
        }
    }
}
