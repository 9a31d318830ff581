package io.sqlxwire.examples.myclient;

import io.sqlxwire.protocols.mysql.MyBinaryColumnDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryDateTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryResultsetRowDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryTimeDecoder;
import io.sqlxwire.protocols.mysql.MyBinaryValueDecoder;
import io.sqlxwire.protocols.mysql.MyColumnType;
import io.sqlxwire.protocols.mysql.MyTextResultsetRowDecoder;
import io.sqlxwire.runtime.buffer.ByteView;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The current row of a result set, column by column: one reused object per connection, re-pointed
 * at each row the server sends (text rows of COM_QUERY and binary rows of COM_STMT_EXECUTE alike).
 *
 * <p>Reading a row allocates nothing: the generated row decoder is walked once and each column's
 * value is kept as a zero-copy {@link ByteView} (text rows, and binary strings) or as the number
 * or date parts a binary row holds. {@link #isNull}, {@link #getLong}, {@link #bytes} and, for
 * binary rows, {@link #getDouble} allocate nothing either; {@link #getString}, {@link #getObject}
 * and the {@code java.time}/{@code BigDecimal} getters create the value they return.
 *
 * <p>Valid only during the {@link RowHandler#row(Row)} call it is passed to.
 */
public final class Row {

    /** Slots per column for date and time parts. */
    private static final int PARTS = 7;
    /** Longer values get their own copy in {@link #getString}, so that one huge value does not stay cached. */
    private static final int MAX_SCRATCH = 8192;

    private List<ColumnInfo> columns = List.of();
    private ValueKind[] kinds = new ValueKind[0];
    private boolean[] unsigned = new boolean[0];
    private boolean binary;
    private boolean[] nulls = new boolean[0];
    private ByteView[] views = new ByteView[0];
    private long[] numbers = new long[0];
    private int[] parts = new int[0];
    /** Date/time parts of the column being read: year, month, day, hour, minute, second, micros. */
    private final int[] scratch = new int[PARTS];
    private boolean scratchNegative;
    /** Where {@link #getString} copies a value to decode it (up to {@link #MAX_SCRATCH} bytes). */
    private byte[] scratchBytes = new byte[64];

    Row() {
    }

    /** A new result set starts: size the per-column storage (reused when large enough). */
    void startResult(List<ColumnInfo> resultColumns, boolean binaryRows) {
        this.columns = resultColumns;
        this.binary = binaryRows;
        int n = resultColumns.size();
        if (views.length < n) {
            ByteView[] grown = new ByteView[n];
            System.arraycopy(views, 0, grown, 0, views.length);
            for (int i = views.length; i < n; i++) {
                grown[i] = new ByteView();
            }
            views = grown;
            nulls = new boolean[n];
            numbers = new long[n];
            parts = new int[n * PARTS];
            kinds = new ValueKind[n];
            unsigned = new boolean[n];
        }
        for (int i = 0; i < n; i++) {
            kinds[i] = ValueKind.of(resultColumns.get(i));
            unsigned[i] = resultColumns.get(i).isUnsigned();
        }
    }

    /** Points this row at a text row ("Text Resultset Row"). */
    void readText(MyTextResultsetRowDecoder row) {
        MyTextResultsetRowDecoder.ValuesCursor values = row.values();
        for (int i = 0; values.hasNext(); i++) {
            values.next();
            nulls[i] = values.isValueNull();
            views[i].wrap(values.value().buffer(), 0, values.length());
        }
    }

    /** Points this row at a binary row ("Binary Protocol Resultset Row"). */
    void readBinary(MyBinaryResultsetRowDecoder row) {
        MyBinaryResultsetRowDecoder.ValuesCursor values = row.values();
        for (int i = 0; values.hasNext(); i++) {
            MyBinaryColumnDecoder column = values.next();
            nulls[i] = !column.hasValue();
            if (nulls[i]) {
                continue;
            }
            MyBinaryValueDecoder value = column.value();
            switch (value.valueArm()) {
                case 0 -> numbers[i] = value.valueAsLonglong();
                case 1 -> numbers[i] = unsigned[i] ? value.valueAsLong() : (int) value.valueAsLong();
                case 2 -> numbers[i] = unsigned[i] || isYear(i) ? value.valueAsShort() : (short) value.valueAsShort();
                case 3 -> numbers[i] = unsigned[i] ? value.valueAsTiny() : (byte) value.valueAsTiny();
                case 4 -> numbers[i] = Double.doubleToRawLongBits(value.valueAsDouble());
                case 5 -> numbers[i] = Double.doubleToRawLongBits(value.valueAsFloat());
                case 6 -> keepDateTime(i, value.valueAsDate());
                case 7 -> keepTime(i, value.valueAsTime());
                case 8 -> nulls[i] = true;
                default -> {
                    ByteView bytes = value.valueAsOther();
                    views[i].wrap(bytes.buffer(), 0, bytes.length());
                }
            }
        }
    }

    private boolean isYear(int i) {
        return columns.get(i).type().value() == MyColumnType.YEAR.value();
    }

    private void keepDateTime(int i, MyBinaryDateTimeDecoder d) {
        int at = i * PARTS;
        parts[at] = d.hasYear() ? d.year() : 0;
        parts[at + 1] = d.hasMonth() ? d.month() : 0;
        parts[at + 2] = d.hasDay() ? d.day() : 0;
        parts[at + 3] = d.hasHour() ? d.hour() : 0;
        parts[at + 4] = d.hasMinute() ? d.minute() : 0;
        parts[at + 5] = d.hasSecond() ? d.second() : 0;
        parts[at + 6] = d.hasMicrosecond() ? (int) d.microsecond() : 0;
    }

    /** TIME as hours (days folded in), minutes, seconds, micros; the sign in {@code numbers}. */
    private void keepTime(int i, MyBinaryTimeDecoder t) {
        int at = i * PARTS;
        parts[at] = 0;
        parts[at + 1] = 0;
        parts[at + 2] = 0;
        parts[at + 3] = t.hasDays() ? (int) (t.days() * 24 + t.hour()) : 0;
        parts[at + 4] = t.hasMinute() ? t.minute() : 0;
        parts[at + 5] = t.hasSecond() ? t.second() : 0;
        parts[at + 6] = t.hasMicrosecond() ? (int) t.microsecond() : 0;
        numbers[i] = t.hasIsNegative() ? t.isNegative() : 0;
    }

    // ------------------------------------------------------------------ columns

    public int columnCount() {
        return columns.size();
    }

    public ColumnInfo column(int i) {
        return columns.get(i);
    }

    public List<ColumnInfo> columns() {
        return columns;
    }

    /** Whether the row came in the binary protocol (a prepared statement's execution). */
    public boolean isBinary() {
        return binary;
    }

    // ------------------------------------------------------------------ values

    public boolean isNull(int i) {
        check(i);
        return nulls[i];
    }

    /**
     * The value as a long: integers (BIGINT UNSIGNED as its raw 64 bits: use
     * {@link Long#toUnsignedString}), YEAR, and text holding an integer. Allocation-free.
     *
     * @throws IllegalStateException for NULL, or a value that is not an integer
     */
    public long getLong(int i) {
        checkNotNull(i);
        if (binary && kinds[i] == ValueKind.INTEGER) {
            return numbers[i];
        }
        if (binary && (kinds[i] == ValueKind.FLOAT || kinds[i] == ValueKind.DOUBLE)) {
            return (long) Double.longBitsToDouble(numbers[i]);
        }
        if (binary && !hasBytes(i)) {
            throw new IllegalStateException(describe(i) + " is not an integer");
        }
        try {
            return TextValues.parseLong(views[i].buffer(), unsigned[i]);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(describe(i) + ": " + e.getMessage(), e);
        }
    }

    /** The value as a double: floating point, integer and decimal columns. */
    public double getDouble(int i) {
        checkNotNull(i);
        if (binary && (kinds[i] == ValueKind.FLOAT || kinds[i] == ValueKind.DOUBLE)) {
            return Double.longBitsToDouble(numbers[i]);
        }
        if (binary && kinds[i] == ValueKind.INTEGER) {
            return unsignedBig(i) ? new BigInteger(Long.toUnsignedString(numbers[i])).doubleValue() : numbers[i];
        }
        return Double.parseDouble(getString(i));
    }

    /** The value as a BigDecimal: decimal, integer and floating-point columns. */
    public BigDecimal getBigDecimal(int i) {
        if (isNull(i)) {
            return null;
        }
        if (binary && kinds[i] == ValueKind.INTEGER) {
            return unsignedBig(i) ? new BigDecimal(Long.toUnsignedString(numbers[i])) : BigDecimal.valueOf(numbers[i]);
        }
        return new BigDecimal(getString(i));
    }

    /**
     * A zero-copy view of the value's bytes: every column of a text row, and the string, decimal,
     * BIT and blob columns of a binary row. Empty for NULL. Valid during the row callback only.
     *
     * @throws IllegalStateException for a binary row's number, date or time column
     */
    public ByteView bytes(int i) {
        check(i);
        if (!hasBytes(i)) {
            throw new IllegalStateException(describe(i) + " is held as a number in a binary row, not as bytes");
        }
        return views[i];
    }

    /** A copy of the value's bytes (see {@link #bytes}), or null for NULL. */
    public byte[] getBytes(int i) {
        if (isNull(i)) {
            return null;
        }
        if (!hasBytes(i)) {
            return getString(i).getBytes(StandardCharsets.UTF_8);
        }
        return views[i].toByteArray();
    }

    private boolean hasBytes(int i) {
        if (!binary) {
            return true;
        }
        ValueKind kind = kinds[i];
        return kind == ValueKind.DECIMAL || kind == ValueKind.BYTES || kind == ValueKind.TEXT;
    }

    /**
     * The value as text, as the server writes it in a text row; a binary row's numbers, dates and
     * times are formatted the same way (FLOAT and DOUBLE in Java's notation). Null for NULL.
     */
    public String getString(int i) {
        if (isNull(i)) {
            return null;
        }
        if (hasBytes(i)) {
            ByteView view = views[i];
            int length = view.length();
            if (length > MAX_SCRATCH) {
                return new String(view.toByteArray(), StandardCharsets.UTF_8);
            }
            // Through a reused array: the String is the only allocation, not a byte[] copy as well.
            if (scratchBytes.length < length) {
                scratchBytes = new byte[Math.max(length, 2 * scratchBytes.length)];
            }
            view.copyTo(scratchBytes, 0);
            return new String(scratchBytes, 0, length, StandardCharsets.UTF_8);
        }
        return switch (kinds[i]) {
            case INTEGER -> unsignedBig(i) ? Long.toUnsignedString(numbers[i]) : Long.toString(numbers[i]);
            case FLOAT -> Float.toString((float) Double.longBitsToDouble(numbers[i]));
            case DOUBLE -> Double.toString(Double.longBitsToDouble(numbers[i]));
            case DATE -> TextValues.formatDate(binaryParts(i));
            case DATETIME -> TextValues.formatDateTime(binaryParts(i), columns.get(i).decimals());
            case TIME -> TextValues.formatTime(numbers[i] != 0, binaryParts(i), columns.get(i).decimals());
            default -> throw new IllegalStateException(describe(i) + " has no text form");
        };
    }

    public LocalDate getLocalDate(int i) {
        if (isNull(i)) {
            return null;
        }
        int[] p = temporal(i);
        return LocalDate.of(p[0], p[1], p[2]);
    }

    public LocalDateTime getLocalDateTime(int i) {
        if (isNull(i)) {
            return null;
        }
        int[] p = temporal(i);
        return LocalDateTime.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6] * 1000);
    }

    /** A TIME value (which spans -838:59:59 to 838:59:59, so it is a duration, not a time of day). */
    public Duration getDuration(int i) {
        if (isNull(i)) {
            return null;
        }
        int[] p = temporal(i);
        Duration d = Duration.ofHours(p[3]).plusMinutes(p[4]).plusSeconds(p[5]).plusNanos(p[6] * 1000L);
        return scratchNegative ? d.negated() : d;
    }

    /**
     * The value as its Java type (see {@link ValueKind}): Long (BigInteger for BIGINT UNSIGNED),
     * Float, Double, BigDecimal, LocalDate, LocalDateTime, Duration, byte[] or String; null for NULL.
     */
    public Object getObject(int i) {
        if (isNull(i)) {
            return null;
        }
        return switch (kinds[i]) {
            case INTEGER -> isBigintUnsigned(i) ? new BigInteger(Long.toUnsignedString(getLong(i))) : (Object) getLong(i);
            case FLOAT -> (float) getDouble(i);
            case DOUBLE -> getDouble(i);
            case DECIMAL -> getBigDecimal(i);
            case DATE -> getLocalDate(i);
            case DATETIME -> getLocalDateTime(i);
            case TIME -> getDuration(i);
            case BYTES -> getBytes(i);
            case TEXT -> getString(i);
            case NULL -> null;
        };
    }

    /** Date or time parts into {@link #scratch}: parsed from a text row, copied from a binary one. */
    private int[] temporal(int i) {
        ValueKind kind = kinds[i];
        if (kind != ValueKind.DATE && kind != ValueKind.DATETIME && kind != ValueKind.TIME) {
            throw new IllegalStateException(describe(i) + " is not a date or time");
        }
        if (binary) {
            binaryParts(i);
            scratchNegative = kind == ValueKind.TIME && numbers[i] != 0;
        } else if (kind == ValueKind.TIME) {
            scratchNegative = TextValues.parseTime(views[i].buffer(), scratch, describe(i));
        } else {
            TextValues.parseDateTime(views[i].buffer(), scratch, describe(i));
            scratchNegative = false;
        }
        return scratch;
    }

    private int[] binaryParts(int i) {
        System.arraycopy(parts, i * PARTS, scratch, 0, PARTS);
        return scratch;
    }

    private boolean isBigintUnsigned(int i) {
        return unsigned[i] && columns.get(i).type().value() == MyColumnType.LONGLONG.value();
    }

    private boolean unsignedBig(int i) {
        return isBigintUnsigned(i) && numbers[i] < 0;
    }

    private void check(int i) {
        if (i < 0 || i >= columns.size()) {
            throw new IndexOutOfBoundsException("column " + i + " of " + columns.size());
        }
    }

    private void checkNotNull(int i) {
        if (isNull(i)) {
            throw new IllegalStateException(describe(i) + " is NULL");
        }
    }

    private String describe(int i) {
        ColumnInfo c = columns.get(i);
        return "column " + i + " (" + c.name() + ", " + c.type().name() + ")";
    }
}
