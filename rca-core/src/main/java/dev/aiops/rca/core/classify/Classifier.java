package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.Termination;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies one statement of evidence layer by layer, the first layer that concludes deciding: hand-written
 * signatures of known traps, vendor identifiers, vendor message templates, SQLSTATE, exception type, HTTP status,
 * phrase cues. A SQLSTATE known only by its class and an exception type nobody mapped are weak: any later layer that
 * concludes overrides them. Immutable and thread-safe; the tables load once.
 */
public final class Classifier {

  private static final List<Pattern> SQLSTATE = List.of(
      Pattern.compile("(?i)\\bSQLSTATE\\s*[:=]?\\s*\\[?([0-9A-Z]{5})\\b"),
      Pattern.compile("(?i)\\bSQL ?State\\s*[:=]?\\s*\\[?['\"]?([0-9A-Z]{5})\\b"));

  private final Taxonomy taxonomy;
  private final boolean signatures;

  private Classifier(Taxonomy taxonomy, boolean signatures) {
    this.taxonomy = taxonomy;
    this.signatures = signatures;
  }

  /** The classifier with every layer. */
  public static Classifier standard() {
    return Holder.STANDARD;
  }

  /** The same classifier without layer 1, to measure what the catalogues achieve alone. */
  public Classifier withoutSignatures() {
    return new Classifier(taxonomy, false);
  }

  /** The verdict on one statement (a line with its wrappers peeled off), if any layer concludes. */
  public Optional<Verdict> classify(String statement) {
    return classify(statement, 0);
  }

  /**
   * The verdict on one statement, skipping the layers whose verdicts could not reach {@code floor}: a scan that
   * already holds a cause of that strength need not run the costlier late layers on every further line.
   */
  public Optional<Verdict> classify(String statement, int floor) {
    if (signatures && floor <= Verdict.SIGNATURE) {
      Optional<Verdict> signature = taxonomy.signatures().classify(statement);
      if (signature.isPresent()) {
        return signature;
      }
    }
    if (floor > Verdict.IDENTIFIER) {
      return Optional.empty();
    }
    Optional<Verdict> decided = taxonomy.identifiers().classify(statement)
        .or(() -> floor <= Verdict.TEMPLATE ? template(statement) : Optional.empty());
    if (decided.isPresent() || floor > Verdict.SQLSTATE) {
      return decided;
    }
    Optional<Verdict> state = sqlState(statement);
    if (state.isPresent() && state.get().strength() > Verdict.SQLSTATE_CLASS) {
      return state;
    }
    Optional<Verdict> weak = state;
    if (floor > Verdict.EXCEPTION_TYPE) {
      return Optional.empty();
    }
    Optional<Verdict> type = taxonomy.exceptionTypes().classify(statement);
    if (type.isPresent() && type.get().strength() > Verdict.UNMAPPED_EXCEPTION) {
      return type;
    }
    if (weak.isEmpty()) {
      weak = type;
    }
    if (floor > Verdict.HTTP_STATUS) {
      return Optional.empty();
    }
    Optional<Verdict> later = taxonomy.httpStatuses().classify(statement)
        .or(() -> floor <= Verdict.PHRASE ? taxonomy.phraseCues().find(statement).map(cue -> new Verdict(
            cue.category(), ClassificationLayer.PHRASE, "phrase \"" + cue.phrase() + "\"", Verdict.PHRASE))
            : Optional.empty());
    return later.isPresent() ? later : weak;
  }

  /** The marked vendor identifiers of a text alone (layer 2): for what wrappers said around a cause. */
  public Optional<Verdict> identify(String text) {
    return taxonomy.identifiers().inContext(text);
  }

  /** An ADF activity's own error code, read from the activity run rather than the text. */
  public Optional<Verdict> taskCode(String code) {
    return taxonomy.identifiers().adfCode(code)
        .map(v -> new Verdict(v.category(), v.layer(), v.evidence(), Verdict.TASK_CODE));
  }

  /**
   * A Databricks Jobs termination of the run or the task (layer 0): its code, or for a code no table knows its
   * type ({@code CLOUD_FAILURE}: the compute; {@code INTERNAL_ERROR}: the platform). A hint the text may refine.
   */
  public Optional<Verdict> jobTermination(Termination termination) {
    Optional<Verdict> byCode = taxonomy.identifiers().jobTermination(termination.code());
    if (byCode.isPresent() || taxonomy.identifiers().knowsJobTermination(termination.code())) {
      return byCode.map(v -> new Verdict(v.category(), ClassificationLayer.STRUCTURED, v.evidence(),
          Verdict.STRUCTURED_HINT));
    }
    String evidence = "Databricks job termination type " + termination.type() + " (code " + termination.code()
        + " is in no table)";
    return taxonomy.identifiers().terminationType(termination.type())
        .map(c -> new Verdict(c, ClassificationLayer.STRUCTURED, evidence, Verdict.STRUCTURED_HINT));
  }

  /**
   * An ADF activity's failure type (layer 0): {@code SystemError} says the service failed, the weakest hint there
   * is, taken only when nothing else concludes; {@code UserError} says nothing about which kind.
   */
  public Optional<Verdict> failureType(String failureType) {
    return taxonomy.identifiers().failureType(failureType).map(category -> new Verdict(category,
        ClassificationLayer.STRUCTURED, "Data Factory failure type " + failureType, Verdict.FAILURE_TYPE));
  }

  private Optional<Verdict> template(String statement) {
    return taxonomy.templates().best(statement).flatMap(match -> taxonomy.conditionMapping().of(match.condition())
        .flatMap(m -> m.category().map(category -> new Verdict(category, ClassificationLayer.TEMPLATE,
            "template of " + match.condition().name() + (match.cut() ? " (message cut)" : "") + ", by " + m.basis(),
            Verdict.TEMPLATE))));
  }

  private Optional<Verdict> sqlState(String statement) {
    for (Pattern pattern : SQLSTATE) {
      Matcher m = pattern.matcher(statement);
      while (m.find()) {
        String state = m.group(1);
        Optional<Verdict> v = taxonomy.sqlStates().of(state).flatMap(mapped -> mapped.row().category()
            .map(category -> new Verdict(category, ClassificationLayer.SQLSTATE,
                mapped.byClass() ? "SQLSTATE " + state + " (class " + state.substring(0, 2) + ")" : "SQLSTATE " + state,
                mapped.byClass() ? Verdict.SQLSTATE_CLASS : Verdict.SQLSTATE)));
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  /** A classifier that knows only some condition catalogues: the leave-one-taxonomy-out measurement. */
  static Classifier withConditionsOf(Set<String> taxonomies) {
    return new Classifier(Taxonomy.load(Conditions.load(taxonomies)), true);
  }

  /** The taxonomy the classifier reads, for the completeness and round-trip tests. */
  Taxonomy taxonomy() {
    return taxonomy;
  }

  private static final class Holder {
    static final Classifier STANDARD = new Classifier(Taxonomy.load(), true);
  }
}
