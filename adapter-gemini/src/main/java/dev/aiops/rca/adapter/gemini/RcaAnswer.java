package dev.aiops.rca.adapter.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The model's answer, validated field by field: the library's schemas mark nothing required and models drift, so
 * nothing it says is taken on trust.
 */
record RcaAnswer(Category category, String rootCause, String summary, List<String> actions, double confidence) {

  static final int MAX_ACTIONS = 5;
  static final int MAX_ACTION_CHARS = 300;
  static final int MAX_TEXT_CHARS = 2_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  RcaAnswer {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(summary, "summary");
    actions = List.copyOf(actions);
  }

  /** The model said it cannot tell, as the prompt asks it to rather than guess. */
  boolean insufficientEvidence() {
    return rootCause.toLowerCase(Locale.ROOT).contains("insufficient evidence");
  }

  /** Parses and checks the answer text. */
  static RcaAnswer parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidAnswer("the answer is empty");
    }
    JsonNode node;
    try {
      node = JSON.readTree(unfence(text));
    } catch (JsonProcessingException e) {
      throw new InvalidAnswer("the answer is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidAnswer("the answer is not a JSON object");
    }
    String categoryName = text(node, "category");
    Category category;
    try {
      category = Category.valueOf(categoryName.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidAnswer("category '" + shorten(categoryName, 60) + "' is not one of the fixed categories");
    }
    String rootCause = text(node, "rootCause");
    String summary = text(node, "summary");
    JsonNode confidenceNode = node.path("confidence");
    if (!confidenceNode.isNumber()) {
      throw new InvalidAnswer("confidence is missing or not a number");
    }
    double confidence = confidenceNode.asDouble();
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new InvalidAnswer("confidence " + confidence + " is not within [0, 1]");
    }
    JsonNode actionsNode = node.path("recommendedActions");
    if (!actionsNode.isArray()) {
      throw new InvalidAnswer("recommendedActions is missing or not a list");
    }
    List<String> actions = new ArrayList<>();
    for (JsonNode action : actionsNode) {
      if (action.isTextual() && !action.asText().isBlank() && actions.size() < MAX_ACTIONS) {
        actions.add(shorten(oneLine(action.asText()), MAX_ACTION_CHARS));
      }
    }
    return new RcaAnswer(category, shorten(rootCause.strip(), MAX_TEXT_CHARS), shorten(summary.strip(), MAX_TEXT_CHARS),
        actions, confidence);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidAnswer(field + " is missing or empty");
    }
    return value.asText();
  }

  // Models that were not given a schema sometimes wrap their JSON in a Markdown fence.
  private static String unfence(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int firstLine = t.indexOf('\n');
      int close = t.lastIndexOf("```");
      if (firstLine > 0 && close > firstLine) {
        return t.substring(firstLine + 1, close);
      }
    }
    return t;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** The answer cannot be used; the pipeline keeps the rules' analysis. */
  static final class InvalidAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidAnswer(String message) {
      super(message);
    }
  }
}
