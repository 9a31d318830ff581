package io.sqlxwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlxwire.codegen.interp.ConversationDecoder;
import io.sqlxwire.codegen.interp.DecodedMessage;
import io.sqlxwire.codegen.testing.InMemoryCompiler;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.error.ProtocolStateException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of frame sequences, run through the model interpreter and through the generated
 * dispatchers and machine: both must choose the same messages and reach the same states
 * (docs/idl.md "Choosing a message" and "Guarded transitions"). {@code Msg@State} is a message
 * taken and the state after it; {@code Msg!} a message the state does not accept.
 */
class SelectionAgreementTest {

    static final String WIRE = """
            protocol sel;
            option java_package = "t.sel";
            direction request from client;
            direction reply from server;
            session { mode: u8 = 0; answers: u32 = 0; }
            framing plain {
                header { length: u32; }
                body length - 4;
            }
            framing tagged {
                header { tag: u8; size: u32; }
                tag tag;
                body size - 4;
            }
            /// The default of the untagged frames: no when, no leading constant; tried after the others.
            message Hello: request via plain { x: u8; }
            /// Told apart by its leading constant although declared after the default.
            message Special: request via plain { magic: u16 = 0xCAFE; y: u8; }
            message Plain: request tag 'A' { x: u8; }
            message Moded: request tag 'A' when session.mode == 1 { z: u8; }
            message Big: request tag 'B' when remaining > 2 { data: bytes rest; }
            message Small: request tag 'B' { data: bytes rest; }
            /// A 'when' reading the message's parameter (a header field).
            message Long(size: u32): request tag 'C' when size > 8 { data: bytes rest; }
            message Short: request tag 'C' { data: bytes rest; }
            message Go: request tag 'G' { n: u8; }
            message Answer: reply tag 'R' { v: u8; }
            machine {
                initial Greeting;
                state Greeting {
                    framing request plain;
                    framing reply tagged;
                    on request Special;
                    on request Hello -> Start;
                }
                state Start {
                    framing request tagged;
                    on request Go if n == 1 -> One { set mode = 1; }
                    on request Go if n == 2 -> Two;
                    on request Go;
                    on request Plain;
                    on request Big;
                    on request Small;
                    on request Long;
                    on request Short;
                }
                state One {
                    on request Moded -> Start { set mode = 0; }
                    on request Small;
                    on request Go if n == 0 -> Start { set mode = 0; }
                }
                state Two {
                    on request Plain;
                    on reply Answer if v == 7 -> Start;
                }
                state Done { final; }
                state * {
                    on reply Answer if v == 9 -> Done;
                    on reply Answer { set answers = session.answers + 1; }
                }
            }
            """;

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("leading constant before the default", List.of("C - cafe07", "C - 05", "C A 05"),
                        List.of("Special@Greeting", "Hello@Start", "Plain@Start")),
                row("when on remaining", List.of("C B 010203", "C B 01"), List.of("Big@Start", "Small@Start")),
                row("when on a parameter", List.of("C C 0102030405", "C C 01"), List.of("Long@Start", "Short@Start")),
                row("when on the session, guards in order", List.of("C G 01", "C A 05", "C G 02", "C A 05"),
                        List.of("Go@One", "Moded@Start", "Go@Two", "Plain@Two")),
                row("no guard holds: the default transition", List.of("C G 03"), List.of("Go@Start")),
                row("only guarded transitions, none holds: accepted, state stays", List.of("C G 01", "C G 05", "C G 00"),
                        List.of("Go@One", "Go@One", "Go@Start")),
                row("the state accepts none of the matches: the first is the error",
                        List.of("C G 01", "C B 010203", "C C 0102030405"), List.of("Go@One", "Small@One", "Long!")),
                row("state * guarded then default; nothing after a final state",
                        List.of("S R 01", "S R 09", "S R 01"), List.of("Answer@Start", "Answer@Done", "Answer!")),
                row("the state's guard before state *'s", List.of("C G 02", "S R 07", "C G 02", "S R 01", "S R 09"),
                        List.of("Go@Two", "Answer@Start", "Go@Two", "Answer@Two", "Answer@Done")));
    }

    /** A row that starts after the greeting ({@code Hello}). */
    private static Arguments row(String name, List<String> frames, List<String> expected) {
        List<String> allFrames = new ArrayList<>(List.of("C - 00"));
        allFrames.addAll(frames);
        List<String> allExpected = new ArrayList<>(List.of("Hello@Start"));
        allExpected.addAll(expected);
        return Arguments.of(name, allFrames, allExpected);
    }

    private static ClassLoader compiled;

    private static synchronized ClassLoader compiled(ProtocolModel model) {
        if (compiled == null) {
            compiled = InMemoryCompiler.compile(ConversationFixtures.conversation(model));
        }
        return compiled;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void interpreterAndGeneratedCodeAgree(String name, List<String> frames, List<String> expected) throws Throwable {
        ProtocolModel model = ConversationFixtures.modelOf(WIRE);
        assertEquals(expected, interpreted(model, frames), "interpreter");
        assertEquals(expected, generated(model, frames), "generated dispatcher and machine");
    }

    private static List<String> interpreted(ProtocolModel model, List<String> frames) {
        ConversationDecoder decoder = new ConversationDecoder(model, Limits.DEFAULTS);
        List<String> out = new ArrayList<>();
        for (String frame : frames) {
            boolean fromClient = frame.startsWith("C");
            for (DecodedMessage m : decoder.feed(fromClient ? "request" : "reply", frame.substring(0, 1), bytes(frame))) {
                out.add(m.isError() ? m.message() + "!" : m.message() + "@" + decoder.state());
            }
        }
        return out;
    }

    private static List<String> generated(ProtocolModel model, List<String> frames) throws Throwable {
        ConversationRunner runner = new ConversationRunner(compiled(model), "t.sel", "Sel", "request", "reply");
        List<String> out = new ArrayList<>();
        for (String frame : frames) {
            byte[] bytes = bytes(frame);
            int before = runner.calls.size();
            try {
                runner.feed(frame.startsWith("C"), bytes, 0, bytes.length);
                out.addAll(runner.calls.subList(before, runner.calls.size()));
            } catch (ProtocolStateException e) {
                out.add(e.messageName() + "!");
            }
        }
        return out;
    }

    /** {@code "C A 05"}: a frame with tag 'A' (none for {@code -}) and body 05, its length counting itself. */
    private static byte[] bytes(String frame) {
        String[] parts = frame.split(" ");
        byte[] body = HexFormat.of().parseHex(parts[2]);
        int tagged = parts[1].equals("-") ? 0 : 1;
        byte[] out = new byte[tagged + 4 + body.length];
        if (tagged == 1) {
            out[0] = (byte) parts[1].charAt(0);
        }
        int length = 4 + body.length;
        out[tagged] = (byte) (length >>> 24);
        out[tagged + 1] = (byte) (length >>> 16);
        out[tagged + 2] = (byte) (length >>> 8);
        out[tagged + 3] = (byte) length;
        System.arraycopy(body, 0, out, tagged + 4, body.length);
        return out;
    }
}
