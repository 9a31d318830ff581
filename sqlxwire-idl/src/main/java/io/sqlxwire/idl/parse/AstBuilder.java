package io.sqlxwire.idl.parse;

import io.sqlxwire.idl.ast.Argument;
import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.ast.SignatureItem;
import io.sqlxwire.idl.ast.SwitchArm;
import io.sqlxwire.idl.ast.TypeRef;
import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.diag.SourceSpan;
import io.sqlxwire.idl.grammar.WireParser.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Parse tree to syntax tree. It keeps what was written (no name resolution, no typing) and attaches
 * doc comments to the declaration that follows them. Subtrees that failed to parse are skipped:
 * the syntax error has already been reported.
 */
final class AstBuilder {

    private final String path;
    private final BufferedTokenStream tokens;
    private final Diagnostics diagnostics;

    AstBuilder(String path, BufferedTokenStream tokens, Diagnostics diagnostics) {
        this.path = path;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    WireFile file(FileContext ctx) {
        List<Decl> decls = new ArrayList<>();
        java.util.Set<String> unparsed = new java.util.HashSet<>();
        for (TopLevelContext top : ctx.topLevel()) {
            if (containsSyntaxError(top)) {
                // Checking what the parser had to guess at would only add errors about text never written.
                declaredName(top).ifPresent(unparsed::add);
                continue;
            }
            Decl decl = declaration(top);
            if (decl != null) {
                decls.add(decl);
            }
        }
        return new WireFile(path, decls, unparsed);
    }

    private static boolean containsSyntaxError(ParseTree tree) {
        if (tree instanceof ErrorNode) {
            return true;
        }
        if (tree instanceof ParserRuleContext rule && rule.exception != null) {
            return true;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (containsSyntaxError(tree.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** The name of a struct, enum, flags or message declaration, when the parser got that far. */
    private static java.util.Optional<String> declaredName(TopLevelContext top) {
        ParseTree inner = top.getChildCount() > 0 ? top.getChild(0) : null;
        if (inner != null && inner.getChildCount() > 1 && inner.getChild(1) instanceof IdentContext name) {
            return java.util.Optional.of(name.getText());
        }
        return java.util.Optional.empty();
    }

    // ------------------------------------------------------------------ declarations

    private Decl declaration(TopLevelContext top) {
        ParserRuleContext inner = (ParserRuleContext) top.getChild(0);
        if (inner == null || inner.exception != null && inner.getStop() == null) {
            return null;
        }
        try {
            if (inner instanceof ProtocolDeclContext c) {
                return new Decl.Protocol(name(c.ident()), doc(c), span(c));
            }
            if (inner instanceof ImportDeclContext c) {
                return new Decl.Import(stringValue(c.STRING().getSymbol()), span(c));
            }
            if (inner instanceof OptionDeclContext c) {
                return new Decl.Option(qualified(c.qualifiedName()), expr(c.expr()), span(c));
            }
            if (inner instanceof DirectionDeclContext c) {
                return new Decl.Direction(name(c.ident(0)), name(c.ident(1)), doc(c), span(c));
            }
            if (inner instanceof TransformDeclContext c) {
                return new Decl.Transform(name(c.ident()), doc(c), span(c));
            }
            if (inner instanceof EnumDeclContext c) {
                return new Decl.Enum(name(c.ident()), doc(c), typeRef(c.typeRef()), constants(c.constantMember()), span(c));
            }
            if (inner instanceof FlagsDeclContext c) {
                return new Decl.Flags(name(c.ident()), doc(c), typeRef(c.typeRef()), constants(c.constantMember()), span(c));
            }
            if (inner instanceof StructDeclContext c) {
                return new Decl.Struct(name(c.ident()), doc(c), parameters(c.parameters()), members(c.member()), span(c));
            }
            if (inner instanceof MessageDeclContext c) {
                return new Decl.Message(name(c.ident(0)), doc(c), parameters(c.parameters()),
                        name(c.ident(1)), c.via == null ? null : name(c.via), exprOrNull(c.tag), exprOrNull(c.when),
                        members(c.member()), span(c));
            }
            if (inner instanceof SessionDeclContext c) {
                return new Decl.Session(c.sessionVar().stream().map(this::sessionVar).toList(), span(c));
            }
            if (inner instanceof FramingDeclContext c) {
                return new Decl.Framing(name(c.ident()), doc(c),
                        c.framingItem().stream().map(this::framingItem).filter(Objects::nonNull).toList(), span(c));
            }
            if (inner instanceof MachineDeclContext c) {
                return new Decl.Machine(
                        c.machineItem().stream().map(this::machineItem).filter(Objects::nonNull).toList(), doc(c), span(c));
            }
            if (inner instanceof SignatureDeclContext c) {
                return new Decl.Signature(name(c.ident(0)), doc(c), name(c.ident(1)),
                        c.signatureItem().stream().map(this::signatureItem).filter(Objects::nonNull).toList(), span(c));
            }
            return null;
        } catch (IncompleteSyntax e) {
            return null;
        }
    }

    private List<Decl.Constant> constants(List<ConstantMemberContext> members) {
        return members.stream().map(m -> new Decl.Constant(name(m.ident()), doc(m), expr(m.expr()), span(m))).toList();
    }

    private List<Decl.Parameter> parameters(ParametersContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.parameter().stream().map(p -> new Decl.Parameter(name(p.ident()), typeRef(p.typeRef()), span(p))).toList();
    }

    private Decl.SessionVar sessionVar(SessionVarContext c) {
        return new Decl.SessionVar(name(c.ident()), doc(c), typeRef(c.typeRef()), exprOrNull(c.expr()), span(c));
    }

    private List<Member> members(List<MemberContext> ctxs) {
        List<Member> members = new ArrayList<>();
        for (MemberContext m : ctxs) {
            try {
                if (m.field() != null) {
                    members.add(field(m.field()));
                } else if (m.letDecl() != null) {
                    LetDeclContext l = m.letDecl();
                    members.add(new Member.Let(name(l.ident()), doc(m), l.typeRef() == null ? null : typeRef(l.typeRef()),
                            expr(l.expr()), span(l)));
                }
            } catch (IncompleteSyntax e) {
                // reported as a syntax error already; keep the other members
            }
        }
        return members;
    }

    private Member.Field field(FieldContext c) {
        Expr condition = null;
        Expr size = null;
        Expr at = null;
        Name transform = null;
        java.util.Set<Class<?>> seenSuffixes = new java.util.HashSet<>();
        for (FieldSuffixContext suffix : c.fieldSuffix()) {
            if (!seenSuffixes.add(suffix.getClass())) {
                String keyword = suffix.getStart().getText();
                diagnostics.error(span(suffix), "field '" + c.ident().getText() + "' has a second '" + keyword + "'"
                        + (keyword.equals("if") ? "; combine the conditions with &&" : ""));
                continue;
            }
            if (suffix instanceof IfSuffixContext s) {
                condition = expr(s.expr());
            } else if (suffix instanceof SizeSuffixContext s) {
                size = expr(s.expr());
            } else if (suffix instanceof AtSuffixContext s) {
                at = expr(s.expr());
            } else if (suffix instanceof TransformSuffixContext s) {
                transform = name(s.ident());
            } else {
                throw new IncompleteSyntax();
            }
        }
        return new Member.Field(name(c.ident()), doc(c.getParent()), typeRef(c.typeRef()), exprOrNull(c.expr()),
                condition, size, at, transform, span(c));
    }

    private FramingItem framingItem(FramingItemContext item) {
        try {
            if (item instanceof FramingHeaderContext c) {
                return new FramingItem.Header(members(c.member()), span(c));
            }
            if (item instanceof FramingTagContext c) {
                return new FramingItem.Tag(name(c.ident()), span(c));
            }
            if (item instanceof FramingBodyContext c) {
                return new FramingItem.Body(expr(c.expr()), span(c));
            }
            if (item instanceof FramingDelimitedContext c) {
                return new FramingItem.Delimited(typeRef(c.typeRef()), span(c));
            }
            if (item instanceof FramingMaxContext c) {
                return new FramingItem.Max(expr(c.expr()), span(c));
            }
            if (item instanceof FramingContinuedContext c) {
                return new FramingItem.Continued(expr(c.expr()), span(c));
            }
            if (item instanceof FramingSequenceContext c) {
                return new FramingItem.Sequence(name(c.ident()), span(c));
            }
            if (item instanceof FramingTransformContext c) {
                return new FramingItem.Transform(name(c.ident()), span(c));
            }
            return null;
        } catch (IncompleteSyntax e) {
            return null;
        }
    }

    private MachineItem machineItem(MachineItemContext item) {
        try {
            if (item instanceof InitialStateContext c) {
                return new MachineItem.Initial(name(c.ident()), span(c));
            }
            if (item instanceof StateBlockContext c) {
                return new MachineItem.State(stateName(c.stateName()), doc(c),
                        c.stateItem().stream().map(this::stateItem).filter(Objects::nonNull).toList(), span(c));
            }
            return null;
        } catch (IncompleteSyntax e) {
            return null;
        }
    }

    private Name stateName(StateNameContext c) {
        return c.ident() != null ? name(c.ident()) : new Name("*", span(c));
    }

    private MachineItem.StateItem stateItem(StateItemContext item) {
        try {
            if (item instanceof StateFramingContext c) {
                return new MachineItem.UseFraming(name(c.ident(0)), name(c.ident(1)), span(c));
            }
            if (item instanceof StateTransitionContext c) {
                return new MachineItem.Transition(name(c.ident(0)), name(c.ident(1)), exprOrNull(c.guard),
                        c.ident().size() > 2 ? name(c.ident(2)) : null, actions(c.actionBlock()), span(c));
            }
            if (item instanceof StateFinalContext c) {
                return new MachineItem.Final(span(c));
            }
            return null;
        } catch (IncompleteSyntax e) {
            return null;
        }
    }

    private List<MachineItem.Action> actions(ActionBlockContext block) {
        if (block == null) {
            return List.of();
        }
        return block.action().stream()
                .map(a -> new MachineItem.Action(name(a.ident()), a.assignOp().getText(), expr(a.expr()), span(a)))
                .toList();
    }

    private SignatureItem signatureItem(SignatureItemContext item) {
        try {
            if (item instanceof SignatureMinContext c) {
                return new SignatureItem.Min(expr(c.expr()), span(c));
            }
            if (item instanceof SignatureMatchContext c) {
                return new SignatureItem.Match(expr(c.expr(0)), expr(c.expr(1)),
                        c.expr().size() > 2 ? expr(c.expr(2)) : null, span(c));
            }
            if (item instanceof SignatureAlpnContext c) {
                return new SignatureItem.Alpn(stringValue(c.STRING().getSymbol()), span(c));
            }
            return null;
        } catch (IncompleteSyntax e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ types

    private TypeRef typeRef(TypeRefContext ctx) {
        require(ctx);
        if (ctx instanceof SwitchTypeRefContext c) {
            return switchType(c.switchType());
        }
        if (ctx instanceof NamedTypeRefContext c) {
                NamedTypeContext named = require(c.namedType());
                List<Argument> args = named.getChildCount() > 1 ? arguments(named.arguments()) : null;
                List<TypeRef.Suffix> suffixes = c.typeSuffix().stream().map(this::suffix).toList();
                return new TypeRef.Named(name(named.ident()), args, suffixes, span(c));
            }
        throw new IncompleteSyntax();
    }

    private TypeRef.Suffix suffix(TypeSuffixContext ctx) {
        if (ctx instanceof BracketSuffixContext c) {
            return new TypeRef.Brackets(exprOrNull(c.expr()), span(c));
        }
        if (ctx instanceof UntilSuffixContext c) {
            return new TypeRef.Until(expr(c.expr()), span(c));
        }
        if (ctx instanceof RestSuffixContext c) {
            return new TypeRef.Rest(span(c));
        }
        if (ctx instanceof PrefixSuffixContext c) {
            return new TypeRef.Prefix(typeRef(c.typeRef()), exprOrNull(c.expr()), span(c));
        }
        throw new IncompleteSyntax();
    }

    private TypeRef.Switch switchType(SwitchTypeContext c) {
        require(c);
        List<SwitchArm> arms = new ArrayList<>();
        for (SwitchArmContext arm : c.switchArm()) {
            try {
                arms.add(switchArm(arm));
            } catch (IncompleteSyntax e) {
                // reported already
            }
        }
        return new TypeRef.Switch(expr(c.expr()), arms, span(c));
    }

    private SwitchArm switchArm(SwitchArmContext c) {
        List<SwitchArm.Pattern> patterns = new ArrayList<>();
        for (ArmPatternContext p : require(c.armPatterns()).armPattern()) {
            Expr low = expr(p.expr(0));
            if (p.expr().size() == 1 && low instanceof Expr.NameRef ref && ref.name().text().equals("_")) {
                continue; // `_` is the fallback arm: no pattern at all
            }
            patterns.add(new SwitchArm.Pattern(low, p.expr().size() > 1 ? expr(p.expr(1)) : null, span(p)));
        }
        return new SwitchArm(patterns, exprOrNull(c.expr()), typeRef(c.typeRef()), doc(c), span(c));
    }

    private List<Argument> arguments(ArgumentsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.argument().stream()
                .map(a -> new Argument(a.ident() == null ? null : name(a.ident()), expr(a.expr()), span(a)))
                .toList();
    }

    // ------------------------------------------------------------------ expressions

    private Expr exprOrNull(ExprContext ctx) {
        return ctx == null ? null : expr(ctx);
    }

    private Expr expr(ExprContext ctx) {
        require(ctx);
        if (ctx instanceof PrimaryExprContext c) {
            return primary(c.primary());
        }
        if (ctx instanceof MemberExprContext c) {
            return new Expr.Member(expr(c.expr()), name(c.ident()), span(c));
        }
        if (ctx instanceof IndexExprContext c) {
            return new Expr.Index(expr(c.expr(0)), expr(c.expr(1)), span(c));
        }
        if (ctx instanceof UnaryExprContext c) {
            return new Expr.Unary(c.op.getText(), expr(c.expr()), span(c));
        }
        if (ctx instanceof BinaryExprContext c) {
            return new Expr.Binary(c.op.getText(), expr(c.expr(0)), expr(c.expr(1)), span(c));
        }
        if (ctx instanceof ConditionalExprContext c) {
            return new Expr.Conditional(expr(c.expr(0)), expr(c.expr(1)), expr(c.expr(2)), span(c));
        }
        throw new IncompleteSyntax();
    }

    private Expr primary(PrimaryContext ctx) {
        require(ctx);
        if (ctx instanceof IntLiteralContext c) {
            return intLiteral(c);
        }
        if (ctx instanceof CharLiteralContext c) {
            return new Expr.CharLit(charValue(c.CHAR().getSymbol()), c.getText(), span(c));
        }
        if (ctx instanceof StringLiteralContext c) {
            return new Expr.StringLit(stringValue(c.STRING().getSymbol()), span(c));
        }
        if (ctx instanceof BytesLiteralContext c) {
            return bytesLiteral(c);
        }
        if (ctx instanceof BoolLiteralContext c) {
            return new Expr.BoolLit(c.getText().equals("true"), span(c));
        }
        if (ctx instanceof NullLiteralContext c) {
            return new Expr.NullLit(span(c));
        }
        if (ctx instanceof EmptyListLiteralContext c) {
            return new Expr.EmptyList(span(c));
        }
        if (ctx instanceof CallExprContext c) {
            return new Expr.Call(name(c.ident()), arguments(c.arguments()), span(c));
        }
        if (ctx instanceof NameExprContext c) {
            return new Expr.NameRef(name(c.ident()), span(c));
        }
        if (ctx instanceof ParenExprContext c) {
            return expr(c.expr());
        }
        throw new IncompleteSyntax();
    }

    private Expr intLiteral(IntLiteralContext c) {
        String text = c.getText();
        String digits = text.replace("_", "");
        BigInteger value;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
            value = new BigInteger(digits.substring(2), 2);
        } else {
            value = new BigInteger(digits);
        }
        return new Expr.IntLit(value, text, span(c));
    }

    private Expr bytesLiteral(BytesLiteralContext c) {
        String text = c.getText();
        String hex = text.substring(2, text.length() - 1).replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT);
        if (hex.length() % 2 != 0) {
            diagnostics.error(span(c), "byte string " + text + " has an odd number of hex digits");
        }
        return new Expr.BytesLit(hex, span(c));
    }

    private int charValue(Token token) {
        String body = token.getText().substring(1, token.getText().length() - 1);
        String value = unescape(body, token);
        if (value.length() != 1 || value.charAt(0) > 0xFF) {
            diagnostics.error(span(token), "character literal " + token.getText() + " is not a single byte");
            return 0;
        }
        return value.charAt(0);
    }

    private String stringValue(Token token) {
        String text = token.getText();
        return unescape(text.substring(1, text.length() - 1), token);
    }

    private String unescape(String body, Token token) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case '0' -> out.append('\0');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'x' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ names, spans, docs

    private Name name(IdentContext ctx) {
        require(ctx);
        return new Name(ctx.getText(), span(ctx));
    }

    private Name qualified(QualifiedNameContext ctx) {
        require(ctx);
        return new Name(ctx.getText(), span(ctx));
    }

    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null || ctx.getStop().getStopIndex() < start.getStartIndex() ? start : ctx.getStop();
        return new SourceSpan(path, start.getLine(), start.getCharPositionInLine() + 1,
                start.getStartIndex(), Math.max(start.getStartIndex(), stop.getStopIndex() + 1));
    }

    private SourceSpan span(Token token) {
        return new SourceSpan(path, token.getLine(), token.getCharPositionInLine() + 1,
                token.getStartIndex(), token.getStopIndex() + 1);
    }

    /**
     * The doc comment written directly above a declaration: consecutive {@code ///} lines, or one
     * {@code /** ... * /} block, with the comment markers and common indentation removed.
     */
    private String doc(ParserRuleContext ctx) {
        if (ctx == null || ctx.getStart() == null) {
            return "";
        }
        List<Token> hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex(), 2);
        if (hidden == null || hidden.isEmpty()) {
            return "";
        }
        return DocComments.clean(hidden.stream().map(Token::getText).toList());
    }

    private static <T> T require(T node) {
        if (node == null) {
            throw new IncompleteSyntax();
        }
        return node;
    }

    /** Thrown when a subtree is incomplete after a syntax error; the enclosing declaration is dropped. */
    private static final class IncompleteSyntax extends RuntimeException {
        IncompleteSyntax() {
            super(null, null, false, false);
        }
    }
}
