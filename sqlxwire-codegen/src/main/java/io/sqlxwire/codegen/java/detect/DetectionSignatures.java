package io.sqlxwire.codegen.java.detect;

import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.idl.model.SignatureModel;
import io.sqlxwire.runtime.detect.ByteMatch;
import io.sqlxwire.runtime.detect.FirstSpeaker;
import io.sqlxwire.runtime.detect.ProtocolDetector;
import io.sqlxwire.runtime.detect.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime signatures of a set of checked models, in priority order: the models in the order
 * given, each model's signatures in declaration order. The generated detector and the CLI (which
 * builds a detector straight from the models, without generating code) both use this one mapping.
 */
public final class DetectionSignatures {

    private DetectionSignatures() {}

    /** Every signature of every protocol in {@code models}; files of shared types have none. */
    public static List<Signature> of(List<ProtocolModel> models) {
        List<Signature> signatures = new ArrayList<>();
        for (ProtocolModel model : models) {
            if (model.isLibrary()) {
                continue;
            }
            for (SignatureModel signature : model.signatures()) {
                signatures.add(of(model.name(), signature));
            }
        }
        return signatures;
    }

    public static Signature of(String protocol, SignatureModel signature) {
        List<ByteMatch> matches = new ArrayList<>();
        for (SignatureModel.ByteMatch m : signature.matches()) {
            matches.add(ByteMatch.of(m.offset(), m.bytes().toArray(), m.mask().toArray()));
        }
        return new Signature(protocol, signature.name(), speaker(signature.sender()), signature.minBytes(),
                matches, signature.alpn());
    }

    /** A detector over the models' signatures with the default silence timeout. */
    public static ProtocolDetector detector(List<ProtocolModel> models) {
        return new ProtocolDetector(of(models));
    }

    static FirstSpeaker speaker(DirectionModel.Sender sender) {
        return sender == DirectionModel.Sender.SERVER ? FirstSpeaker.SERVER : FirstSpeaker.CLIENT;
    }
}
