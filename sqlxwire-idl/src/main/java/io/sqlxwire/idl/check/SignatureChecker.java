package io.sqlxwire.idl.check;

import io.sqlxwire.idl.ast.Decl;
import io.sqlxwire.idl.ast.Expr;
import io.sqlxwire.idl.ast.SignatureItem;
import io.sqlxwire.idl.model.ByteString;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.SignatureModel;
import io.sqlxwire.idl.model.TypedExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks detection signatures: who speaks first, constant offsets and byte patterns, masks of the same length. */
final class SignatureChecker {

    private static final int MAX_OFFSET = 1 << 16;

    private final CheckContext ctx;
    private final ExprChecker exprs;

    SignatureChecker(CheckContext ctx, ExprChecker exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    List<SignatureModel> checkAll(List<Decl.Signature> signatures) {
        List<SignatureModel> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Decl.Signature s : signatures) {
            if (!names.add(s.name().text())) {
                ctx.error(s.name().span(), "duplicate name '" + s.name().text() + "': another signature has it");
            }
            Optional<DirectionModel.Sender> sender = Senders.parse(s.sender().text());
            if (sender.isEmpty()) {
                ctx.error(s.sender().span(), "a signature is 'from client' or 'from server', not from '" + s.sender().text() + "'");
                continue;
            }
            checked.add(check(s, sender.get()));
        }
        return checked;
    }

    private SignatureModel check(Decl.Signature s, DirectionModel.Sender sender) {
        int errorsBefore = ctx.diagnostics.errorCount();
        Integer min = null;
        int needed = 0;
        List<SignatureModel.ByteMatch> matches = new ArrayList<>();
        List<String> alpn = new ArrayList<>();
        for (SignatureItem item : s.items()) {
            if (item instanceof SignatureItem.Min m) {
                Optional<BigInteger> value = exprs.constantInt(m.bytes(), Scope.constants(), null, "the minimum byte count");
                if (value.isPresent() && (value.get().signum() < 0 || value.get().intValue() > MAX_OFFSET || value.get().bitLength() > 31)) {
                    ctx.error(m.bytes().span(), "the minimum byte count must be from 0 to " + MAX_OFFSET);
                } else if (value.isPresent()) {
                    min = value.get().intValue();
                }
            } else if (item instanceof SignatureItem.Match m) {
                Optional<BigInteger> offset = exprs.constantInt(m.offset(), Scope.constants(), null, "a signature offset");
                ByteString bytes = bytes(m.bytes());
                ByteString mask = m.mask() == null ? null : bytes(m.mask());
                if (offset.isEmpty() || bytes == null || m.mask() != null && mask == null) {
                    continue;
                }
                if (offset.get().signum() < 0 || offset.get().bitLength() > 31 || offset.get().intValue() > MAX_OFFSET) {
                    ctx.error(m.offset().span(), "a signature offset must be from 0 to " + MAX_OFFSET);
                    continue;
                }
                if (mask != null && mask.length() != bytes.length()) {
                    ctx.error(m.mask().span(), "the mask has " + mask.length() + " bytes but the pattern has " + bytes.length());
                    continue;
                }
                if (mask == null) {
                    byte[] ones = new byte[bytes.length()];
                    java.util.Arrays.fill(ones, (byte) 0xFF);
                    mask = ByteString.of(ones);
                }
                needed = Math.max(needed, offset.get().intValue() + bytes.length());
                matches.add(new SignatureModel.ByteMatch(offset.get().intValue(), bytes, mask));
            } else if (item instanceof SignatureItem.Alpn a) {
                if (a.protocol().isEmpty() || a.protocol().length() > 255) {
                    ctx.error(a.span(), "an ALPN protocol name has 1 to 255 bytes");
                } else {
                    alpn.add(a.protocol());
                }
            }
        }
        if (min != null && min < needed) {
            ctx.error(s.name().span(), "signature " + s.name().text() + " matches " + needed + " bytes but says 'min " + min + "'");
        }
        boolean itemsFailed = ctx.diagnostics.errorCount() > errorsBefore;
        if (matches.isEmpty() && alpn.isEmpty() && sender == DirectionModel.Sender.CLIENT && !itemsFailed) {
            ctx.error(s.name().span(), "signature " + s.name().text() + " matches nothing: give 'at OFFSET match BYTES;' or 'alpn NAME;'");
        }
        return new SignatureModel(s.name().text(), s.doc(), sender, min == null ? needed : min, matches, alpn);
    }

    private ByteString bytes(Expr expr) {
        TypedExpr typed = exprs.check(expr, Scope.constants(), null);
        if (typed instanceof TypedExpr.BytesConst b && b.value().length() > 0) {
            return b.value();
        }
        if (typed instanceof TypedExpr.TextConst t && !t.value().isEmpty()) {
            return ByteString.ofLatin1(t.value());
        }
        ctx.error(expr.span(), "a signature pattern must be non-empty bytes (x\"0a\") or a string");
        return null;
    }
}
