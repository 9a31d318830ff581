package io.sqlxwire.idl.format;

import static io.sqlxwire.idl.format.ExprArbitraries.SPAN;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.FramingItem;
import io.sqlxwire.idl.ast.MachineItem;
import io.sqlxwire.idl.ast.Member;
import io.sqlxwire.idl.ast.Name;
import io.sqlxwire.idl.ast.SignatureItem;
import io.sqlxwire.idl.ast.WireFile;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random syntax trees of whole {@code .wire} files: every declaration, member, framing item, machine
 * item and signature item of the grammar, with doc comments wherever the tree keeps them. They are
 * well-formed (they have a text), not meaningful: names refer to nothing in particular.
 */
final class DeclArbitraries {

    static final String PATH = "generated.wire";

    private final ExprArbitraries exprs = new ExprArbitraries();
    private final TypeArbitraries types = new TypeArbitraries(exprs);

    Arbitrary<WireFile> files() {
        return declarations().list().ofMaxSize(6).map(decls -> new WireFile(PATH, decls));
    }

    Arbitrary<Decl> declarations() {
        return Arbitraries.oneOf(protocol(), importDecl(), option(), direction(), transform(), enumDecl(), flags(),
                struct(), message(), session(), framing(), machine(), signature());
    }

    // ------------------------------------------------------------------ one-line declarations

    private Arbitrary<Decl> protocol() {
        return Combinators.combine(names(), docs()).as((name, doc) -> new Decl.Protocol(name, doc, SPAN));
    }

    private Arbitrary<Decl> importDecl() {
        return ExprArbitraries.stringValues().map(path -> new Decl.Import(path, SPAN));
    }

    private Arbitrary<Decl> option() {
        Arbitrary<Name> qualified = ExprArbitraries.names().list().ofMinSize(1).ofMaxSize(3)
                .map(parts -> new Name(parts.stream().map(Name::text).collect(Collectors.joining(".")), SPAN));
        return Combinators.combine(qualified, exprs.exprs()).as((name, value) -> new Decl.Option(name, value, SPAN));
    }

    private Arbitrary<Decl> direction() {
        return Combinators.combine(names(), names(), docs())
                .as((name, sender, doc) -> new Decl.Direction(name, sender, doc, SPAN));
    }

    private Arbitrary<Decl> transform() {
        return Combinators.combine(names(), docs()).as((name, doc) -> new Decl.Transform(name, doc, SPAN));
    }

    // ------------------------------------------------------------------ data declarations

    private Arbitrary<Decl> enumDecl() {
        return Combinators.combine(names(), docs(), types.types(), constants())
                .as((name, doc, base, constants) -> new Decl.Enum(name, doc, base, constants, SPAN));
    }

    private Arbitrary<Decl> flags() {
        return Combinators.combine(names(), docs(), types.types(), constants())
                .as((name, doc, base, constants) -> new Decl.Flags(name, doc, base, constants, SPAN));
    }

    private Arbitrary<List<Decl.Constant>> constants() {
        return Combinators.combine(names(), docs(), exprs.exprs(2))
                .as((name, doc, value) -> new Decl.Constant(name, doc, value, SPAN))
                .list().ofMaxSize(4);
    }

    private Arbitrary<Decl> struct() {
        return Combinators.combine(names(), docs(), parameters(), members())
                .as((name, doc, parameters, members) -> new Decl.Struct(name, doc, parameters, members, SPAN));
    }

    private Arbitrary<Decl> message() {
        Arbitrary<Expr> optional = exprs.exprs(2).injectNull(0.5);
        return Combinators.combine(names(), docs(), parameters(), names(), names().injectNull(0.6), optional, optional,
                        members())
                .as((name, doc, parameters, direction, via, tag, when, members) ->
                        new Decl.Message(name, doc, parameters, direction, via, tag, when, members, SPAN));
    }

    private Arbitrary<List<Decl.Parameter>> parameters() {
        return Combinators.combine(names(), types.types())
                .as((name, type) -> new Decl.Parameter(name, type, SPAN))
                .list().ofMaxSize(2);
    }

    Arbitrary<List<Member>> members() {
        return Arbitraries.frequencyOf(
                        Tuple.of(4, field()),
                        Tuple.of(1, let()))
                .list().ofMaxSize(4);
    }

    private Arbitrary<Member> field() {
        Arbitrary<Name> fieldNames = Arbitraries.frequencyOf(
                Tuple.of(8, names()),
                Tuple.of(1, Arbitraries.just(new Name("_", SPAN))));
        Arbitrary<Expr> optional = exprs.exprs(2).injectNull(0.7);
        Arbitrary<Name> transform = names().injectNull(0.8);
        return Combinators.combine(fieldNames, docs(), types.types(), optional, optional, optional, optional, transform)
                .as((name, doc, type, value, condition, size, at, transformName) ->
                        new Member.Field(name, doc, type, value, condition, size, at, transformName, SPAN));
    }

    private Arbitrary<Member> let() {
        return Combinators.combine(names(), docs(), types.types().injectNull(0.5), exprs.exprs())
                .as((name, doc, type, value) -> new Member.Let(name, doc, type, value, SPAN));
    }

    private Arbitrary<Decl> session() {
        Arbitrary<Decl.SessionVar> variable = Combinators.combine(names(), docs(), types.types(), exprs.exprs(2).injectNull(0.5))
                .as((name, doc, type, initial) -> new Decl.SessionVar(name, doc, type, initial, SPAN));
        return variable.list().ofMaxSize(3).map(variables -> new Decl.Session(variables, SPAN));
    }

    // ------------------------------------------------------------------ conversation

    private Arbitrary<Decl> framing() {
        Arbitrary<FramingItem> item = Arbitraries.oneOf(
                members().map(members -> new FramingItem.Header(members, SPAN)),
                names().map(name -> new FramingItem.Tag(name, SPAN)),
                exprs.exprs().map(size -> new FramingItem.Body(size, SPAN)),
                types.types().map(type -> new FramingItem.Delimited(type, SPAN)),
                exprs.exprs().map(bytes -> new FramingItem.Max(bytes, SPAN)),
                exprs.exprs().map(condition -> new FramingItem.Continued(condition, SPAN)),
                names().map(name -> new FramingItem.Sequence(name, SPAN)),
                names().map(name -> new FramingItem.Transform(name, SPAN)));
        return Combinators.combine(names(), docs(), item.list().ofMaxSize(5))
                .as((name, doc, items) -> new Decl.Framing(name, doc, items, SPAN));
    }

    private Arbitrary<Decl> machine() {
        Arbitrary<MachineItem.Action> action = Combinators.combine(names(), Arbitraries.of("=", "+="), exprs.exprs())
                .as((variable, operator, value) -> new MachineItem.Action(variable, operator, value, SPAN));
        Arbitrary<MachineItem.StateItem> transition = Combinators.combine(names(), names(), exprs.exprs().injectNull(0.5),
                        names().injectNull(0.5), action.list().ofMaxSize(2))
                .as((direction, message, guard, target, actions) ->
                        new MachineItem.Transition(direction, message, guard, target, actions, SPAN));
        Arbitrary<MachineItem.StateItem> stateItem = Arbitraries.oneOf(
                Combinators.combine(names(), names()).as((direction, framing) ->
                        new MachineItem.UseFraming(direction, framing, SPAN)),
                transition,
                Arbitraries.just(new MachineItem.Final(SPAN)));
        Arbitrary<Name> stateNames = Arbitraries.frequencyOf(
                Tuple.of(3, names()),
                Tuple.of(1, Arbitraries.just(new Name("*", SPAN))));
        Arbitrary<MachineItem> state = Combinators.combine(stateNames, docs(), stateItem.list().ofMaxSize(4))
                .as((name, doc, items) -> new MachineItem.State(name, doc, items, SPAN));
        Arbitrary<MachineItem> initial = names().map(name -> new MachineItem.Initial(name, SPAN));
        return Combinators.combine(Arbitraries.oneOf(initial, state).list().ofMaxSize(4), docs())
                .as((items, doc) -> new Decl.Machine(items, doc, SPAN));
    }

    private Arbitrary<Decl> signature() {
        Arbitrary<SignatureItem> item = Arbitraries.oneOf(
                exprs.exprs().map(bytes -> new SignatureItem.Min(bytes, SPAN)),
                Combinators.combine(exprs.exprs(2), exprs.exprs(2), exprs.exprs(2).injectNull(0.5))
                        .as((offset, bytes, mask) -> new SignatureItem.Match(offset, bytes, mask, SPAN)),
                ExprArbitraries.stringValues().map(protocol -> new SignatureItem.Alpn(protocol, SPAN)));
        return Combinators.combine(names(), docs(), names(), item.list().ofMaxSize(4))
                .as((name, doc, sender, items) -> new Decl.Signature(name, doc, sender, items, SPAN));
    }

    private static Arbitrary<Name> names() {
        return ExprArbitraries.names();
    }

    private static Arbitrary<String> docs() {
        return DocArbitraries.docs();
    }
}
