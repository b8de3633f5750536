/** Root-cause model on langchain4j's ChatModel: Gemini by default, any vendor by configuration. */
package dev.aiops.rca.adapter.gemini;
