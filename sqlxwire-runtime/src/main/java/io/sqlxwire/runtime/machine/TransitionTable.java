package io.sqlxwire.runtime.machine;

import io.sqlxwire.runtime.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which message each state accepts per direction, and the state it leads to: the declarative
 * part of a protocol's state machine, built once (by generated code) and shared.
 *
 * <p>Messages are identified per direction by small integers (their index in the names given to
 * {@link Builder#messages}); a lookup is two array reads.
 */
public final class TransitionTable<S extends Enum<S>> {

    private static final short NOT_ALLOWED = -1;

    private final S[] states;
    private final Map<Direction, String> labels;
    private final Map<Direction, String[]> names;
    private final short[][][] next;

    private TransitionTable(S[] states, Map<Direction, String> labels, Map<Direction, String[]> names,
            short[][][] next) {
        this.states = states;
        this.labels = labels;
        this.names = names;
        this.next = next;
    }

    public static <S extends Enum<S>> Builder<S> builder(Class<S> stateType) {
        return new Builder<>(stateType);
    }

    /** The state after {@code message} in {@code from}, or {@code null} when it is not allowed there. */
    public S next(S from, Direction direction, int message) {
        short[] row = next[direction.ordinal()][from.ordinal()];
        if (message < 0 || message >= row.length || row[message] == NOT_ALLOWED) {
            return null;
        }
        return states[row[message]];
    }

    /** The protocol's word for a direction, such as {@code backend}. */
    public String label(Direction direction) {
        return labels.get(direction);
    }

    public String messageName(Direction direction, int message) {
        String[] known = names.get(direction);
        return message >= 0 && message < known.length ? known[message] : "message #" + message;
    }

    /** Names of the messages {@code state} accepts from {@code direction}, for error messages. */
    public List<String> allowed(S state, Direction direction) {
        short[] row = next[direction.ordinal()][state.ordinal()];
        List<String> result = new ArrayList<>();
        for (int m = 0; m < row.length; m++) {
            if (row[m] != NOT_ALLOWED) {
                result.add(messageName(direction, m));
            }
        }
        return result;
    }

    /** Collects transitions; rejects contradictory ones, which would be a generator bug. */
    public static final class Builder<S extends Enum<S>> {

        private final S[] states;
        private final Map<Direction, String> labels = new EnumMap<>(Direction.class);
        private final Map<Direction, String[]> names = new EnumMap<>(Direction.class);
        private final short[][][] next = new short[Direction.values().length][][];

        private Builder(Class<S> stateType) {
            this.states = stateType.getEnumConstants();
            for (Direction d : Direction.values()) {
                labels.put(d, d == Direction.CLIENT_TO_SERVER ? "client" : "server");
                names.put(d, new String[0]);
                next[d.ordinal()] = new short[states.length][0];
            }
        }

        /** Declares the messages of one direction; message id {@code i} is {@code messageNames[i]}. */
        public Builder<S> messages(Direction direction, String label, String... messageNames) {
            labels.put(direction, label);
            names.put(direction, messageNames.clone());
            for (int s = 0; s < states.length; s++) {
                short[] row = new short[messageNames.length];
                Arrays.fill(row, NOT_ALLOWED);
                next[direction.ordinal()][s] = row;
            }
            return this;
        }

        /** {@code message} is accepted in {@code from} and leads to {@code to}. */
        public Builder<S> allow(S from, Direction direction, int message, S to) {
            short[] row = next[direction.ordinal()][from.ordinal()];
            if (message < 0 || message >= row.length) {
                throw new IllegalArgumentException("unknown " + direction + " message id " + message);
            }
            if (row[message] != NOT_ALLOWED && row[message] != to.ordinal()) {
                throw new IllegalStateException(names.get(direction)[message] + " in " + from
                        + " leads to both " + states[row[message]] + " and " + to);
            }
            row[message] = (short) to.ordinal();
            return this;
        }

        /** {@code message} is accepted in {@code state} and keeps it. */
        public Builder<S> allow(S state, Direction direction, int message) {
            return allow(state, direction, message, state);
        }

        /** {@code message} is accepted in every state and keeps it ({@code state *} in the IDL). */
        public Builder<S> allowEverywhere(Direction direction, int message) {
            for (S state : states) {
                short[] row = next[direction.ordinal()][state.ordinal()];
                if (message >= 0 && message < row.length && row[message] == NOT_ALLOWED) {
                    allow(state, direction, message, state);
                }
            }
            return this;
        }

        public TransitionTable<S> build() {
            short[][][] copy = new short[next.length][][];
            for (int d = 0; d < next.length; d++) {
                copy[d] = new short[states.length][];
                for (int s = 0; s < states.length; s++) {
                    copy[d][s] = next[d][s].clone();
                }
            }
            return new TransitionTable<>(states, new EnumMap<>(labels), new EnumMap<>(names), copy);
        }
    }
}
