package dev.aiops.rca.core.notify;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.port.out.Notifier;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The notifiers every incident is told through (Slack, Teams, PagerDuty, e-mail ...), the first of them primary.
 *
 * <p>Each notifier's effects have keys of their own, so that one that fails is tried again alone and never repeats
 * another's message. The primary's keys are the keys of a lone notifier as first written (stored effects of
 * earlier versions stay known), and its message is the incident's {@link Incident#notification()}; each other's key
 * is the primary's followed by {@code -<name>}, and its message is read back from that effect's reference.
 */
public final class Notifiers {

  /** The name of a notifier given alone. */
  public static final String PRIMARY = "primary";
  /** The effect reference of a notification that was a line on a storm's summary. */
  public static final String SUMMARY = "summary:";

  /**
   * One notifier under its name.
   *
   * @param name lower-case letters, digits and dashes, such as {@code teams}; part of its effect keys
   */
  public record Named(String name, Notifier notifier) {
    public Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(notifier, "notifier");
      if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
        throw new IllegalArgumentException("a notifier's name must be lower-case letters, digits and dashes, was '"
            + name + "'");
      }
    }
  }

  private final List<Named> all;

  private Notifiers(List<Named> all) {
    this.all = List.copyOf(all);
    if (this.all.isEmpty()) {
      throw new IllegalArgumentException("at least one notifier is needed");
    }
    Set<String> names = new HashSet<>();
    for (Named named : this.all) {
      if (!names.add(named.name())) {
        throw new IllegalArgumentException("two notifiers are named " + named.name());
      }
    }
  }

  /** One notifier alone, which is then the primary. */
  public static Notifiers of(Notifier lone) {
    return new Notifiers(List.of(new Named(PRIMARY, lone)));
  }

  /** The notifiers in order, the first the primary; names unique. */
  public static Notifiers of(List<Named> all) {
    return new Notifiers(all);
  }

  /** Every notifier, the primary first. */
  public List<Named> all() {
    return all;
  }

  /** The first notifier: its message is the incident's own. */
  public Named primary() {
    return all.get(0);
  }

  public boolean isPrimary(Named named) {
    return primary().equals(named);
  }

  /** The key of {@code named}'s part of the effect whose primary key is {@code key}. */
  public EffectKey key(Named named, EffectKey key) {
    return isPrimary(named) ? key : new EffectKey(key.value() + "-" + named.name());
  }

  /** The effect reference of a message: {@code <channel>/<message id>}. */
  public static String reference(NotificationRef message) {
    return message.channel() + "/" + message.messageId();
  }

  /**
   * The message {@code named} posted for the incident, if any: the primary's is the incident's own, another's is
   * read from its effect under {@link EffectKey#notification}. A line on a storm's summary is no message.
   *
   * @param find the effect log's lookup
   */
  public Optional<NotificationRef> message(Incident incident, Named named,
      Function<EffectKey, Optional<Effect>> find) {
    if (isPrimary(named)) {
      return incident.notification();
    }
    return done(incident, named, find)
        .filter(reference -> !reference.startsWith(SUMMARY))
        .flatMap(Notifiers::parse);
  }

  /** Whether {@code named} told of the incident as a line on a storm's summary, so has no message to update. */
  public boolean summarized(Incident incident, Named named, Function<EffectKey, Optional<Effect>> find) {
    return done(incident, named, find).filter(reference -> reference.startsWith(SUMMARY)).isPresent();
  }

  /** Whether {@code named} told of the incident, by a message or on a summary. */
  public boolean told(Incident incident, Named named, Function<EffectKey, Optional<Effect>> find) {
    return (isPrimary(named) && incident.notification().isPresent()) || done(incident, named, find).isPresent();
  }

  private Optional<String> done(Incident incident, Named named, Function<EffectKey, Optional<Effect>> find) {
    return find.apply(key(named, EffectKey.notification(incident)))
        .filter(effect -> effect.state() == EffectState.DONE)
        .flatMap(Effect::reference);
  }

  private static Optional<NotificationRef> parse(String reference) {
    int slash = reference.indexOf('/');
    if (slash <= 0 || slash == reference.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new NotificationRef(reference.substring(0, slash), reference.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return all.stream().map(Named::name).toList().toString();
  }
}
