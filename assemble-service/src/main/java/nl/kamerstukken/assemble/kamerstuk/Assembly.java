package nl.kamerstukken.assemble.kamerstuk;

import nl.kamerstukken.model.Kamerstuk;

/**
 * The outcome of joining a Kamerstuk's files with its representative's content.
 *
 * @param state complete, removed (no rendition left) or waiting (the representative's content is
 *     not the one the files name yet: a moment in a change of representative, never published)
 * @param kamerstuk the Kamerstuk when complete, else null
 */
public record Assembly(State state, Kamerstuk kamerstuk) {

  public enum State {
    COMPLETE,
    REMOVED,
    WAITING
  }

  static Assembly complete(Kamerstuk kamerstuk) {
    return new Assembly(State.COMPLETE, kamerstuk);
  }

  static Assembly removed() {
    return new Assembly(State.REMOVED, null);
  }

  static Assembly waiting() {
    return new Assembly(State.WAITING, null);
  }

  public boolean publishable() {
    return state != State.WAITING;
  }
}
