package io.sqlxwire.examples.pgclient;

/** A NOTIFY received on a channel this session LISTENs to (NotificationResponse). */
public record Notification(int processId, String channel, String payload) {
}
