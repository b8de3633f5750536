package dev.aiops.rca.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON kept in TEXT columns: analyses, string lists and header maps, through the adapter's own DTOs. */
final class AnalysisJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The stored shape of an analysis; field names are the storage format, so renaming one needs a migration. */
  record AnalysisDto(
      String category,
      String rootCauseLine,
      String failedTask,
      String summary,
      List<String> evidence,
      List<String> recommendedActions,
      List<EntityDto> entities,
      double confidence,
      String analyzer,
      List<String> flags,
      String layer,
      String basis) {}

  /** The stored shape of an entity. */
  record EntityDto(String kind, String value) {}

  private AnalysisJson() {}

  static String write(RootCauseAnalysis a) {
    return write(new AnalysisDto(a.category().name(), a.rootCauseLine(), a.failedTask(), a.summary(), a.evidence(),
        a.recommendedActions(), a.entities().stream().map(e -> new EntityDto(e.kind().name(), e.value())).toList(),
        a.confidence(), a.analyzer(), a.flags().stream().map(Enum::name).sorted().toList(),
        a.classification().layer().name(), a.classification().evidence()));
  }

  static RootCauseAnalysis readAnalysis(String json) {
    AnalysisDto d = read(json, new TypeReference<AnalysisDto>() { });
    return new RootCauseAnalysis(Category.valueOf(d.category()), d.rootCauseLine(), d.failedTask(), d.summary(),
        orEmpty(d.evidence()), orEmpty(d.recommendedActions()),
        orEmpty(d.entities()).stream().map(e -> new Entity(EntityKind.valueOf(e.kind()), e.value())).toList(),
        d.confidence(), d.analyzer(), classification(d),
        Set.copyOf(orEmpty(d.flags()).stream().map(AnalysisFlag::valueOf).toList()));
  }

  /** Analyses stored before layers were recorded read as decided by nothing known. */
  private static Classification classification(AnalysisDto d) {
    return d.layer() == null ? Classification.none()
        : new Classification(ClassificationLayer.valueOf(d.layer()), d.basis() == null ? "" : d.basis());
  }

  static String writeList(List<String> values) {
    return write(values);
  }

  static List<String> readList(String json) {
    return read(json, new TypeReference<List<String>>() { });
  }

  static String writeMap(Map<String, String> values) {
    return write(values);
  }

  static Map<String, String> readMap(String json) {
    return read(json, new TypeReference<Map<String, String>>() { });
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
