package io.sqlxwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlxwire.runtime.buffer.TextView;
import io.sqlxwire.runtime.buffer.WireBuffer;
import io.sqlxwire.runtime.buffer.WireWriter;
import io.sqlxwire.runtime.codec.Charsets;
import io.sqlxwire.runtime.codec.Terminators;
import io.sqlxwire.runtime.error.CodecException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A hand-written decoder and encoder in the shape the generator is meant to produce, for
 * PostgreSQL's RowDescription, to prove the runtime supports that shape: a flyweight over the
 * frame, a reusable cursor for the repeating group, zero-copy text, errors enriched with the
 * field path on their way out, and an encoder that back-patches its length.
 */
class GeneratedStyleDecoderTest {

    static final String PROTOCOL = "postgresql";
    static final String MESSAGE = "RowDescription";

    /** Flyweight: {@code 'T' i32 length, i16 count, count x {cstring name, i32, i16, i32, i16, i32, i16}}. */
    static final class RowDescriptionDecoder {
        private final WireBuffer frame = new WireBuffer();
        private final FieldCursor fields = new FieldCursor();

        RowDescriptionDecoder wrap(WireBuffer source) {
            source.slice(0, source.length(), frame);
            return this;
        }

        int fieldCount() {
            try {
                return frame.i16be(5);
            } catch (CodecException e) {
                throw e.inField("fieldCount").inMessage(PROTOCOL, MESSAGE);
            }
        }

        FieldCursor fields() {
            return fields.reset(frame, fieldCount());
        }
    }

    /** Reusable cursor over the repeating group. */
    static final class FieldCursor {
        private final TextView name = new TextView(StandardCharsets.UTF_8);
        private WireBuffer frame;
        private int remaining;
        private int index;
        private int next;
        private int start;
        private int nameEnd;

        FieldCursor reset(WireBuffer source, int count) {
            this.frame = source;
            this.remaining = count;
            this.index = -1;
            this.next = 7;
            return this;
        }

        boolean next() {
            if (remaining <= 0) {
                return false;
            }
            remaining--;
            index++;
            start = next;
            try {
                nameEnd = Terminators.requireNul(frame, start, frame.length());
            } catch (CodecException e) {
                throw e.inField("name").inElement(index).inField("fields").inMessage(PROTOCOL, MESSAGE);
            }
            next = nameEnd + 1 + 18;
            return true;
        }

        TextView name() {
            return name.wrap(frame, start, nameEnd - start);
        }

        int typeOid() {
            try {
                return frame.i32be(nameEnd + 1 + 6);
            } catch (CodecException e) {
                throw e.inField("typeOid").inElement(index).inField("fields").inMessage(PROTOCOL, MESSAGE);
            }
        }

        int format() {
            try {
                return frame.i16be(nameEnd + 1 + 16);
            } catch (CodecException e) {
                throw e.inField("format").inElement(index).inField("fields").inMessage(PROTOCOL, MESSAGE);
            }
        }
    }

    static byte[] encode(String[] names, int[] typeOids) {
        WireWriter out = WireWriter.growable();
        out.put8('T');
        int length = out.reserve(4);
        out.put16be(names.length);
        for (int i = 0; i < names.length; i++) {
            Charsets.putCString(out, names[i], StandardCharsets.UTF_8);
            out.put32be(0);
            out.put16be(0);
            out.put32be(typeOids[i]);
            out.put16be(4);
            out.put32be(-1);
            out.put16be(0);
        }
        out.patch32be(length, out.position() - length);
        return out.toByteArray();
    }

    /** Reads everything the decoder offers, the way a handler would. */
    static int readAll(WireBuffer frame) {
        RowDescriptionDecoder decoder = new RowDescriptionDecoder().wrap(frame);
        FieldCursor fields = decoder.fields();
        int seen = 0;
        while (fields.next()) {
            fields.name().byteLength();
            fields.typeOid();
            fields.format();
            seen++;
        }
        return seen;
    }

    private static final byte[] SAMPLE = encode(new String[] {"id", "name"}, new int[] {23, 25});

    @Test
    void decodesWithoutCopying() {
        RowDescriptionDecoder decoder = new RowDescriptionDecoder().wrap(WireBuffer.of(SAMPLE));
        assertEquals(2, decoder.fieldCount());
        FieldCursor fields = decoder.fields();
        assertTrue(fields.next());
        assertTrue(fields.name().contentEquals("id"));
        assertEquals(23, fields.typeOid());
        assertTrue(fields.next());
        assertTrue(fields.name().contentEquals("name"));
        assertEquals(25, fields.typeOid());
        assertEquals(0, fields.format());
        assertEquals(SAMPLE.length - 1, WireBuffer.of(SAMPLE).i32be(1), "the back-patched length");
    }

    @Test
    void truncationAtEveryBytePositionGivesACodecExceptionAtTheRightPlace() {
        // Layout of SAMPLE: T len(4) count(2) | "id\0"@7 ... typeOid@16 ... format@26 | "name\0"@28 ... typeOid@39 ... format@49
        for (int cut = 0; cut < SAMPLE.length; cut++) {
            WireBuffer frame = WireBuffer.of(Arrays.copyOf(SAMPLE, cut));
            try {
                readAll(frame);
                fail("a frame cut at " + cut + " decoded");
            } catch (CodecException e) {
                String expected;
                if (cut < 7) {
                    expected = "postgresql RowDescription.fieldCount: needs 2 bytes but only " + Math.max(0, cut - 5)
                            + " remain at offset 5";
                } else if (cut < 10) {
                    expected = "postgresql RowDescription.fields[0].name: no NUL before end of frame at offset 7";
                } else if (cut < 20) {
                    expected = "postgresql RowDescription.fields[0].typeOid: needs 4 bytes but only " + Math.max(0, cut - 16)
                            + " remain at offset 16";
                } else if (cut < 28) {
                    expected = "postgresql RowDescription.fields[0].format: needs 2 bytes but only "
                            + Math.max(0, cut - 26) + " remain at offset 26";
                } else if (cut < 33) {
                    expected = "postgresql RowDescription.fields[1].name: no NUL before end of frame at offset 28";
                } else if (cut < 43) {
                    expected = "postgresql RowDescription.fields[1].typeOid: needs 4 bytes but only "
                            + Math.max(0, cut - 39) + " remain at offset 39";
                } else {
                    expected = "postgresql RowDescription.fields[1].format: needs 2 bytes but only "
                            + Math.max(0, cut - 49) + " remain at offset 49";
                }
                assertEquals(expected, e.getMessage(), "cut at " + cut);
            }
        }
    }

    @Property
    void mutatedBytesDecodeOrRaiseOnlyTheCodecException(@ForAll byte[] noise, @ForAll int position) {
        byte[] mutated = SAMPLE.clone();
        for (int i = 0; i < noise.length; i++) {
            mutated[Math.floorMod(position + i, mutated.length)] = noise[i];
        }
        try {
            readAll(WireBuffer.of(mutated));
        } catch (CodecException expected) {
            assertTrue(expected.getMessage().startsWith("postgresql RowDescription"));
        }
    }
}
