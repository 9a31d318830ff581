package io.sqlxwire.idl.model;

import java.util.List;
import java.util.Optional;

/**
 * The checked description of one protocol (or of a library of shared types): the only input the
 * generators and the model interpreter read. Everything in it is resolved, typed and validated.
 *
 * @param name        the protocol name, or {@code null} for a file of shared types
 * @param javaPackage the package generated code goes to
 * @param javaPrefix  a prefix for generated class names (may be empty)
 * @param maxDepth    the nesting limit decoders enforce for recursive types
 * @param machine     the state machine, or {@code null} when none is declared
 */
public record ProtocolModel(String name, String doc, String sourceFile, Endian byteOrder,
                            TextEncoding charset, String javaPackage, String javaPrefix, int maxDepth,
                            List<DirectionModel> directions, List<EnumModel> enums, List<StructModel> structs,
                            List<MessageModel> messages, List<SessionVariable> session,
                            List<FramingModel> framings, MachineModel machine, List<SignatureModel> signatures,
                            List<TransformModel> transforms) {

    public ProtocolModel {
        directions = List.copyOf(directions);
        enums = List.copyOf(enums);
        structs = List.copyOf(structs);
        messages = List.copyOf(messages);
        session = List.copyOf(session);
        framings = List.copyOf(framings);
        signatures = List.copyOf(signatures);
        transforms = List.copyOf(transforms);
    }

    public boolean isLibrary() {
        return name == null;
    }

    public Optional<StructModel> struct(String structName) {
        return structs.stream().filter(s -> s.name().equals(structName)).findFirst();
    }

    public Optional<EnumModel> enumeration(String enumName) {
        return enums.stream().filter(e -> e.name().equals(enumName)).findFirst();
    }

    public Optional<MessageModel> message(String messageName) {
        return messages.stream().filter(m -> m.name().equals(messageName)).findFirst();
    }

    public Optional<FramingModel> framing(String framingName) {
        return framings.stream().filter(f -> f.name().equals(framingName)).findFirst();
    }

    public List<MessageModel> messages(String direction) {
        return messages.stream().filter(m -> m.direction().equals(direction)).toList();
    }
}
