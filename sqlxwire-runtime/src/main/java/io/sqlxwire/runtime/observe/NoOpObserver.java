package io.sqlxwire.runtime.observe;

import io.sqlxwire.runtime.Direction;

/** The do-nothing observer behind {@link WireObserver#NONE}. */
enum NoOpObserver implements WireObserver {
    INSTANCE;

    @Override
    public void onBytes(Direction direction, int count) {
    }

    @Override
    public void onMessage(Direction direction, int messageType, int frameBytes) {
    }
}
