package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.WireFile;
import io.sqlxwire.idl.diag.Diagnostics;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.EnumModel;
import io.sqlxwire.idl.model.FramingModel;
import io.sqlxwire.idl.model.MachineModel;
import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SessionVariable;
import io.sqlxwire.idl.model.SignatureModel;
import io.sqlxwire.idl.model.StructModel;
import io.sqlxwire.idl.model.TransformModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the passes in dependency order — names, options, enums, session, structs, messages,
 * framings, machine, signatures, recursion — and assembles the immutable {@link ProtocolModel}.
 */
final class ModelBuilder {

    private final SourceSet sources;
    private final Diagnostics diagnostics;

    ModelBuilder(SourceSet sources, Diagnostics diagnostics) {
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    ProtocolModel build() {
        WireFile root = sources.root();
        Symbols symbols = new Symbols(diagnostics);
        for (WireFile imported : sources.imported()) {
            symbols.addImported(imported);
        }
        symbols.addRoot(root);

        String protocolName = protocol(root).map(p -> p.name().text()).orElse(null);
        ProtocolOptions options = ProtocolOptions.read(root.all(Decl.Option.class), protocolName, diagnostics);
        CheckContext ctx = new CheckContext(diagnostics, symbols, options);
        ExprChecker exprs = new ExprChecker(ctx);
        TypeResolver types = new TypeResolver(ctx, exprs);
        StructResolver structs = new StructResolver(ctx);
        ctx.useStructs(structs);
        Sizes sizes = new Sizes(structs::minSize);
        LayoutChecker layouts = new LayoutChecker(ctx, exprs, types, sizes);
        structs.useLayouts(layouts);

        new EnumChecker(ctx, exprs).checkAll();
        List<SessionVariable> session = new SessionChecker(ctx, exprs, types).check(root.all(Decl.Session.class));
        structs.resolveAll();
        List<FramingModel> framings = new FramingChecker(ctx, exprs, types, layouts).checkAll();
        List<MessageModel> messages = new MessageChecker(ctx, exprs, layouts)
                .checkAll(root.all(Decl.Message.class), framings, FramingChecker.commonTagType(framings));
        MachineModel machine = new MachineChecker(ctx, exprs).check(root.all(Decl.Machine.class), messages);
        List<SignatureModel> signatures = new SignatureChecker(ctx, exprs).checkAll(root.all(Decl.Signature.class));
        Set<String> recursive = new RecursionChecker(ctx, sizes).check(structs.all());

        List<StructModel> structModels = new ArrayList<>();
        for (StructModel s : structs.all()) {
            structModels.add(new StructModel(s.name(), s.doc(), s.parameters(), s.layout(), recursive.contains(s.name()), s.span()));
        }
        return new ProtocolModel(protocolName, protocol(root).map(Decl.Protocol::doc).orElse(""), sources.rootPath(),
                options.byteOrder(), options.charset(), options.javaPackage(), options.javaPrefix(), options.maxDepth(),
                directions(ctx), orderedEnums(ctx), structModels, messages, session, framings, machine, signatures,
                symbols.transforms.values().stream().map(t -> new TransformModel(t.name().text(), t.doc())).toList());
    }

    private Optional<Decl.Protocol> protocol(WireFile root) {
        List<Decl.Protocol> protocols = root.all(Decl.Protocol.class);
        for (Decl.Protocol extra : protocols.subList(Math.min(1, protocols.size()), protocols.size())) {
            diagnostics.error(extra.span(), "a file describes one protocol; '" + protocols.get(0).name().text()
                    + "' is already declared at " + CheckContext.where(extra.span(), protocols.get(0).span()));
        }
        if (!protocols.isEmpty() && root.declarations().get(0) != protocols.get(0)) {
            diagnostics.error(protocols.get(0).span(), "the protocol line must come first in the file");
        }
        return protocols.stream().findFirst();
    }

    private static List<DirectionModel> directions(CheckContext ctx) {
        List<DirectionModel> directions = new ArrayList<>();
        for (Decl.Direction d : ctx.symbols.directions.values()) {
            Optional<DirectionModel.Sender> sender = Senders.parse(d.sender().text());
            if (sender.isEmpty()) {
                ctx.error(d.sender().span(), "a direction is 'from client' or 'from server', not from '" + d.sender().text() + "'");
                continue;
            }
            directions.add(new DirectionModel(d.name().text(), d.doc(), sender.get()));
        }
        return directions;
    }

    private static List<EnumModel> orderedEnums(CheckContext ctx) {
        return ctx.symbols.types.keySet().stream().filter(ctx.enums::containsKey).map(ctx.enums::get).toList();
    }
}
