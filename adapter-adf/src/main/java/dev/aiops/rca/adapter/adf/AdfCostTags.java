package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cost tags of a pipeline run: its parameters and annotations whose names are cost tag keys. */
public final class AdfCostTags {

  private AdfCostTags() {}

  /**
   * The tags, in the order of {@code keys}. A run parameter wins over an annotation of the same name. Annotations
   * are plain strings in ADF; those written {@code key=value} or {@code key:value} count, as do objects with
   * {@code name} and {@code value}.
   *
   * @param pipelineRun a {@code pipelineruns/{runId}} answer
   * @param keys the names that are cost tags ({@code RCA_COST_TAG_KEYS}); matched exactly
   */
  public static Map<String, String> from(JsonNode pipelineRun, List<String> keys) {
    Map<String, String> annotations = annotations(pipelineRun.path("annotations"));
    JsonNode parameters = pipelineRun.path("parameters");
    Map<String, String> tags = new LinkedHashMap<>();
    for (String key : keys) {
      JsonNode parameter = parameters.path(key);
      if (parameter.isValueNode() && !parameter.isNull() && !parameter.asText().isBlank()) {
        tags.put(key, parameter.asText().strip());
      } else if (annotations.containsKey(key)) {
        tags.put(key, annotations.get(key));
      }
    }
    return tags;
  }

  private static Map<String, String> annotations(JsonNode annotations) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (JsonNode annotation : annotations) {
      if (annotation.isTextual()) {
        String text = annotation.asText();
        int separator = firstSeparator(text);
        if (separator > 0 && separator < text.length() - 1) {
          byName.putIfAbsent(text.substring(0, separator).strip(), text.substring(separator + 1).strip());
        }
      } else if (annotation.isObject() && annotation.path("value").isValueNode()) {
        String name = annotation.path("name").asText(annotation.path("key").asText(""));
        if (!name.isBlank()) {
          byName.putIfAbsent(name.strip(), annotation.path("value").asText().strip());
        }
      }
    }
    return byName;
  }

  private static int firstSeparator(String text) {
    int equals = text.indexOf('=');
    int colon = text.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }
}
