package io.sqlxwire.codegen.java;

import io.sqlxwire.runtime.Direction;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.frame.FrameAccumulator;
import io.sqlxwire.runtime.frame.FrameHeaderReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a generated conversation (framings, dispatchers, machine) over a byte stream exactly as a
 * connection loop would: each side's bytes go through a {@code FrameAccumulator}, each frame to that
 * side's dispatcher, whose handler records the call and hands the message to the machine; after
 * every message both accumulators switch to the framing the machine says is in force.
 */
final class ConversationRunner {

    private final Object machine;
    private final Object[] dispatchers = new Object[2];
    private final Object[] recorders = new Object[2];
    private final FrameAccumulator[] accumulators = new FrameAccumulator[2];
    private final Method dispatch;
    private final Method dispatchServer;
    private final Method framing;
    private final Method state;
    /** "Message@State" per handled message, the state being the one after the message. */
    final List<String> calls = new ArrayList<>();

    ConversationRunner(ClassLoader loader, String packageName, String stem, String clientDirection,
                       String serverDirection) throws ReflectiveOperationException {
        Class<?> sessionType = loader.loadClass(packageName + "." + stem + "Session");
        Class<?> machineType = loader.loadClass(packageName + "." + stem + "Machine");
        Object session = sessionType.getConstructor().newInstance();
        machine = machineType.getConstructor(sessionType).newInstance(session);
        framing = machineType.getMethod("framing", Direction.class);
        state = machineType.getMethod("state");
        String[] directions = {clientDirection, serverDirection};
        Method[] dispatchMethods = new Method[2];
        for (int side = 0; side < 2; side++) {
            String pascal = Naming.pascal(directions[side]);
            Class<?> handlerType = loader.loadClass(packageName + "." + stem + pascal + "Handler");
            Class<?> dispatcherType = loader.loadClass(packageName + "." + stem + pascal + "Dispatcher");
            dispatchers[side] = dispatcherType.getConstructor(sessionType, machineType).newInstance(session, machine);
            Object machineHandler = machineType.getMethod(Naming.member(directions[side])).invoke(machine);
            recorders[side] = Proxy.newProxyInstance(loader, new Class<?>[] {handlerType}, recorder(machineHandler));
            dispatchMethods[side] = dispatcherType.getMethod("dispatch", WireBuffer.class, handlerType);
            accumulators[side] = new FrameAccumulator(framingOf(side), Limits.DEFAULTS);
        }
        dispatch = dispatchMethods[0];
        dispatchServer = dispatchMethods[1];
    }

    private InvocationHandler recorder(Object machineHandler) {
        return (proxy, method, args) -> {
            try {
                Object result = method.invoke(machineHandler, args);
                if (!method.getName().equals("onUnknown")) {
                    calls.add(method.getName().substring(2) + "@" + state.invoke(machine));
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    private FrameHeaderReader framingOf(int side) throws ReflectiveOperationException {
        return (FrameHeaderReader) framing.invoke(machine, side == 0 ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT);
    }

    /** Feeds bytes one side sent; frames completed by them are dispatched at once. */
    void feed(boolean fromClient, byte[] bytes, int offset, int length) throws Throwable {
        int side = fromClient ? 0 : 1;
        accumulators[side].feed(bytes, offset, length);
        while (accumulators[side].next()) {
            try {
                (side == 0 ? dispatch : dispatchServer).invoke(dispatchers[side], accumulators[side].frame(), recorders[side]);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            accumulators[0].switchReader(framingOf(0));
            accumulators[1].switchReader(framingOf(1));
        }
    }

    Object state() throws ReflectiveOperationException {
        return state.invoke(machine);
    }

    int buffered(boolean fromClient) {
        return accumulators[fromClient ? 0 : 1].buffered();
    }
}
