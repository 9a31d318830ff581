package io.sqlxwire.idl.model;

/** A message catalogue and which side sends it. */
public record DirectionModel(String name, String doc, Sender sender) {

    public enum Sender { CLIENT, SERVER }
}
