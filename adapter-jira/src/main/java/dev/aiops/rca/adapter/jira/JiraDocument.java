package dev.aiops.rca.adapter.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small rich-text document, written once and rendered as Atlassian Document Format (REST v3) or as wiki markup
 * (REST v2, Data Center), so that both API versions carry the same content.
 */
final class JiraDocument {

  /** A piece of text in a line: plain, bold, or a link. */
  record Inline(String text, boolean strong, String href) {
    Inline {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(href, "href");
    }

    static Inline text(String text) {
      return new Inline(text, false, "");
    }

    static Inline strong(String text) {
      return new Inline(text, true, "");
    }

    static Inline link(String text, String href) {
      return new Inline(text, false, href);
    }
  }

  private sealed interface Block permits Heading, Paragraph, Code, Bullets {}

  private record Heading(String text) implements Block {}

  private record Paragraph(List<Inline> inlines) implements Block {}

  private record Code(String text) implements Block {}

  private record Bullets(List<List<Inline>> items) implements Block {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<Block> blocks = new ArrayList<>();

  JiraDocument heading(String text) {
    blocks.add(new Heading(text));
    return this;
  }

  JiraDocument paragraph(Inline... inlines) {
    List<Inline> kept = nonEmpty(List.of(inlines));
    if (!kept.isEmpty()) {
      blocks.add(new Paragraph(kept));
    }
    return this;
  }

  JiraDocument code(String text) {
    if (!text.isBlank()) {
      blocks.add(new Code(text));
    }
    return this;
  }

  JiraDocument bullets(List<List<Inline>> items) {
    List<List<Inline>> kept = items.stream().map(JiraDocument::nonEmpty).filter(i -> !i.isEmpty()).toList();
    if (!kept.isEmpty()) {
      blocks.add(new Bullets(kept));
    }
    return this;
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** The document as ADF: {@code {"type":"doc","version":1,"content":[...]}}. */
  ObjectNode adf() {
    ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
    ArrayNode content = doc.putArray("content");
    for (Block block : blocks) {
      if (block instanceof Heading heading) {
        ObjectNode node = content.addObject().put("type", "heading");
        node.putObject("attrs").put("level", 3);
        node.putArray("content").add(adfText(Inline.text(heading.text())));
      } else if (block instanceof Paragraph paragraph) {
        content.add(adfParagraph(paragraph.inlines()));
      } else if (block instanceof Code code) {
        ObjectNode node = content.addObject().put("type", "codeBlock");
        node.putObject("attrs").put("language", "text");
        node.putArray("content").add(adfText(Inline.text(code.text())));
      } else if (block instanceof Bullets bullets) {
        ArrayNode items = content.addObject().put("type", "bulletList").putArray("content");
        for (List<Inline> item : bullets.items()) {
          items.addObject().put("type", "listItem").putArray("content").add(adfParagraph(item));
        }
      }
    }
    if (content.isEmpty()) {
      content.addObject().put("type", "paragraph"); // an empty doc must still hold one block
    }
    return doc;
  }

  /** The document as Jira wiki markup, which Data Center renders in descriptions and comments. */
  String wiki() {
    StringBuilder text = new StringBuilder();
    for (Block block : blocks) {
      if (block instanceof Heading heading) {
        text.append("h3. ").append(escape(heading.text())).append('\n');
      } else if (block instanceof Paragraph paragraph) {
        text.append(wikiLine(paragraph.inlines())).append("\n\n");
      } else if (block instanceof Code code) {
        // {noformat} shows the line verbatim: nothing inside it is markup.
        text.append("{noformat}\n").append(code.text().replace("{noformat}", "{ noformat}")).append("\n{noformat}\n");
      } else if (block instanceof Bullets bullets) {
        bullets.items().forEach(item -> text.append("* ").append(wikiLine(item)).append('\n'));
        text.append('\n');
      }
    }
    return text.toString().strip();
  }

  private static ObjectNode adfParagraph(List<Inline> inlines) {
    ObjectNode paragraph = NODES.objectNode().put("type", "paragraph");
    ArrayNode content = paragraph.putArray("content");
    inlines.forEach(inline -> content.add(adfText(inline)));
    return paragraph;
  }

  private static ObjectNode adfText(Inline inline) {
    ObjectNode text = NODES.objectNode().put("type", "text").put("text", inline.text());
    if (inline.strong()) {
      text.putArray("marks").addObject().put("type", "strong");
    } else if (!inline.href().isEmpty()) {
      text.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", inline.href());
    }
    return text;
  }

  private static String wikiLine(List<Inline> inlines) {
    StringBuilder line = new StringBuilder();
    for (Inline inline : inlines) {
      String text = escape(inline.text());
      if (inline.strong()) {
        line.append('*').append(text.strip()).append("* ");
      } else if (!inline.href().isEmpty()) {
        line.append('[').append(text.replace("|", " ")).append('|').append(inline.href()).append(']');
      } else {
        line.append(text);
      }
    }
    return line.toString().replace("\n", " ");
  }

  // Wiki markup treats these as formatting; a backslash makes Jira print them as they are.
  private static String escape(String text) {
    return text.replaceAll("([\\\\*_{}\\[\\]|^~+\\-#!])", "\\\\$1");
  }

  // ADF rejects empty text nodes.
  private static List<Inline> nonEmpty(List<Inline> inlines) {
    return inlines.stream().filter(i -> !i.text().isEmpty()).toList();
  }
}
