package dev.aiops.rca.core.classify;

/** Every catalogue and mapping table the classifier reads, loaded once. */
record Taxonomy(
    Conditions conditions,
    ConditionMapping conditionMapping,
    SqlStates sqlStates,
    PhraseCues phraseCues,
    Signatures signatures,
    Identifiers identifiers,
    Templates templates,
    ExceptionTypes exceptionTypes,
    HttpStatuses httpStatuses) {

  static Taxonomy load() {
    return load(Conditions.load());
  }

  static Taxonomy load(Conditions conditions) {
    SqlStates sqlStates = new SqlStates();
    PhraseCues cues = new PhraseCues();
    ConditionMapping conditionMapping = new ConditionMapping(sqlStates, cues);
    return new Taxonomy(conditions, conditionMapping, sqlStates, cues, new Signatures(),
        new Identifiers(conditions, conditionMapping), new Templates(conditions.all()), new ExceptionTypes(),
        new HttpStatuses(cues));
  }
}
