package io.sqlxwire.codegen.java.machine;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.sqlxwire.codegen.java.GenerationContext;
import io.sqlxwire.codegen.java.Naming;
import io.sqlxwire.codegen.java.RuntimeTypes;
import io.sqlxwire.idl.model.DirectionModel;
import io.sqlxwire.idl.model.MessageModel;
import java.util.List;
import java.util.Locale;

/** Names shared by the handler, dispatcher, state and machine classes of a protocol. */
public final class ConversationNames {

    private final GenerationContext context;

    public ConversationNames(GenerationContext context) {
        this.context = context;
    }

    public ClassName stateClass() {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "State");
    }

    public ClassName machineClass() {
        return ClassName.get(context.javaPackage(), context.protocolStem() + "Machine");
    }

    public ClassName handlerClass(String direction) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + Naming.pascal(direction) + "Handler");
    }

    public ClassName dispatcherClass(String direction) {
        return ClassName.get(context.javaPackage(), context.protocolStem() + Naming.pascal(direction) + "Dispatcher");
    }

    public DirectionModel direction(String name) {
        return context.model().directions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /** The runtime's {@code Direction} constant for one of the protocol's directions. */
    public CodeBlock runtimeDirection(String name) {
        return CodeBlock.of("$T.$L", RuntimeTypes.DIRECTION,
                direction(name).sender() == DirectionModel.Sender.CLIENT ? "CLIENT_TO_SERVER" : "SERVER_TO_CLIENT");
    }

    /** The messages of a direction, in declaration order: message id {@code i} is element {@code i}. */
    public List<MessageModel> messages(String direction) {
        return context.model().messages(direction);
    }

    public int messageId(MessageModel message) {
        return messages(message.direction()).indexOf(message);
    }

    /** {@code SASLInitialResponse} becomes {@code SASL_INITIAL_RESPONSE}: the message id constant's name. */
    public static String idConstant(String messageName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messageName.length(); i++) {
            char ch = messageName.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(ch)
                    && (Character.isLowerCase(messageName.charAt(i - 1)) || Character.isDigit(messageName.charAt(i - 1))
                    || i + 1 < messageName.length() && Character.isLowerCase(messageName.charAt(i + 1))
                    && Character.isUpperCase(messageName.charAt(i - 1)));
            if (boundary && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(ch == '_' ? '_' : Character.toUpperCase(ch));
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** The handler method of a message: {@code onRowDescription}. */
    public static String handlerMethod(String messageName) {
        return "on" + Naming.pascal(messageName);
    }

    public static String stateConstant(String state) {
        return Naming.constant(state);
    }
}
