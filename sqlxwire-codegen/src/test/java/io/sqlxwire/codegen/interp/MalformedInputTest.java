package io.sqlxwire.codegen.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlxwire.idl.model.MessageModel;
import io.sqlxwire.idl.model.ProtocolModel;
import io.sqlxwire.runtime.Limits;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.error.CodecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: real message bodies cut short at every byte, mutated at random, or replaced by
 * random bytes give a decoded value or a {@link CodecException}, never another exception, and
 * whole conversations with mutated segments never crash the conversation decoder.
 */
class MalformedInputTest {

    private static final ProtocolModel POSTGRESQL = InterpFixtures.dialect("postgresql");
    private static final ProtocolModel MYSQL = InterpFixtures.dialect("mysql");
    private static final ProtocolModel REDIS = InterpFixtures.dialect("redis");

    /** A real message body with the model and message to decode it as. */
    record Sample(ProtocolModel model, String message, byte[] body, Map<String, Value> session) {}

    private static final List<Sample> SAMPLES = realSamples();

    private static List<Sample> realSamples() {
        List<Sample> samples = new ArrayList<>();
        collect(samples, POSTGRESQL, "pg-psql-scram-simple.conv", 5);
        collect(samples, POSTGRESQL, "pg-psycopg2-extended.conv", 5);
        collect(samples, MYSQL, "my-pymysql.conv", 4);
        collect(samples, REDIS, "redis-cli-resp2.6.conv", 0);
        return List.copyOf(samples);
    }

    /** Re-runs a conversation and keeps each distinct message's body with the session it was read in. */
    private static void collect(List<Sample> samples, ProtocolModel model, String capture, int headerLength) {
        ConversationDecoder decoder = new ConversationDecoder(model, Limits.DEFAULTS);
        Map<String, Boolean> seen = new HashMap<>();
        for (InterpFixtures.Segment segment : InterpFixtures.conversation(capture)) {
            String direction = ConversationDecoder.directionOf(model, segment.sender()).name();
            Map<String, Value> before = decoder.session().variables();
            List<DecodedMessage> decoded = decoder.feed(direction, segment.label(), segment.bytes());
            // Only single-message segments give an exact body (the session as it was before the message).
            if (decoded.size() == 1 && !decoded.get(0).isError() && seen.putIfAbsent(decoded.get(0).message(), true) == null) {
                int header = decoded.get(0).message().equals("StartupMessage") ? 4 : headerLength;
                byte[] body = Arrays.copyOfRange(segment.bytes(), header, segment.bytes().length);
                samples.add(new Sample(model, decoded.get(0).message(), body, before));
            }
        }
    }

    private static Value.Obj decode(Sample sample, byte[] body) {
        LayoutInterpreter interpreter = new LayoutInterpreter(sample.model(), Limits.DEFAULTS);
        Session session = Session.initial(sample.model(), interpreter.evaluator());
        sample.session().forEach(session::set);
        MessageModel message = sample.model().message(sample.message()).orElseThrow();
        Region region = Region.of(WireBuffer.of(body));
        Value.Obj value = interpreter.decode(message.layout(), region, new Scope(Map.of(), session, 1, WireBuffer.of(body)));
        LayoutInterpreter.requireConsumed(region);
        return value;
    }

    @Test
    void samplesDecodeWhole() {
        assertTrue(SAMPLES.size() >= 15, "samples: " + SAMPLES.size());
        for (Sample sample : SAMPLES) {
            decode(sample, sample.body());
        }
    }

    @Test
    void everyTruncationIsACodecExceptionWithAnOffsetInsideTheBody() {
        int failures = 0;
        for (Sample sample : SAMPLES) {
            for (int length = 0; length < sample.body().length; length++) {
                byte[] cut = Arrays.copyOf(sample.body(), length);
                try {
                    decode(sample, cut);
                } catch (CodecException e) {
                    failures++;
                    assertFalse(e.getMessage().isEmpty());
                    assertTrue(e.offset() <= length, sample.message() + ": " + e.getMessage());
                }
            }
        }
        assertTrue(failures > 100, "truncations rejected: " + failures);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Sample, byte[]>> mutated() {
        return Arbitraries.of(SAMPLES).flatMap(sample -> Combinators.combine(
                        Arbitraries.integers().between(0, Math.max(0, sample.body().length - 1)).list().ofMaxSize(4),
                        Arbitraries.bytes().list().ofSize(4))
                .as((positions, values) -> {
                    byte[] body = sample.body().clone();
                    for (int i = 0; i < positions.size() && body.length > 0; i++) {
                        body[positions.get(i)] = values.get(i);
                    }
                    return Tuple.of(sample, body);
                }));
    }

    @Property(tries = 2000)
    void mutatedBodiesGiveAValueOrACodecException(@ForAll("mutated") Tuple.Tuple2<Sample, byte[]> input) {
        try {
            decode(input.get1(), input.get2());
        } catch (CodecException expected) {
            assertFalse(expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 1000)
    void randomBodiesGiveAValueOrACodecException(@ForAll("samples") Sample sample,
                                                 @ForAll byte[] body) {
        try {
            decode(sample, body);
        } catch (CodecException expected) {
            assertFalse(expected.getMessage().isEmpty());
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.of(SAMPLES);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<byte[]>>> mutatedConversations() {
        return Arbitraries.of("pg-psql-scram-simple.conv", "my-pymysql.conv", "redis-cli-resp2.6.conv")
                .flatMap(capture -> {
                    List<InterpFixtures.Segment> segments = InterpFixtures.conversation(capture);
                    return Arbitraries.integers().between(0, segments.size() - 1).list().ofMaxSize(3)
                            .map(indexes -> {
                                List<byte[]> mutated = new ArrayList<>();
                                for (int i = 0; i < segments.size(); i++) {
                                    byte[] bytes = segments.get(i).bytes().clone();
                                    if (indexes.contains(i) && bytes.length > 0) {
                                        bytes[(i * 7919) % bytes.length] ^= (byte) (0x5a + i);
                                    }
                                    mutated.add(bytes);
                                }
                                return Tuple.of(capture, mutated);
                            });
                });
    }

    @Property(tries = 200)
    void mutatedConversationsNeverCrashTheDecoder(@ForAll("mutatedConversations") Tuple.Tuple2<String, List<byte[]>> input) {
        ProtocolModel model = input.get1().startsWith("pg") ? POSTGRESQL : input.get1().startsWith("my") ? MYSQL : REDIS;
        List<InterpFixtures.Segment> original = InterpFixtures.conversation(input.get1());
        List<InterpFixtures.Segment> segments = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            segments.add(new InterpFixtures.Segment(original.get(i).sender(), input.get2().get(i)));
        }
        List<DecodedMessage> out = InterpFixtures.decode(model, segments);
        for (DecodedMessage message : out) {
            assertEquals(message.isError(), message.fields() == null);
        }
    }
}
