/** JSON as the workbench handles it: only objects are headers or payloads, and nothing throws. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export type JsonObjectParse = { ok: true; value: JsonObject } | { ok: false; message: string };

/**
 * Parses what a learner typed into a header or payload editor. `what` names the editor in the
 * message ("The header must be a JSON object"), since the learner may have two open.
 */
export function parseJsonObject(text: string, what: string): JsonObjectParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message already says where: "Expected ',' or '}' after property value in JSON at position 12 (line 2 column 3)".
    return { ok: false, message: `The ${what} is not valid JSON: ${error instanceof Error ? error.message : "it does not parse"}.` };
  }
  if (!isJsonObject(value)) return { ok: false, message: `The ${what} must be a JSON object ({ … }), not ${describeJsonType(value)}.` };
  return { ok: true, value };
}

export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return "an object";
}

/**
 * JSON.stringify that cannot throw: a hostile token may nest deep enough to exhaust the stack when
 * printed. The fallback says so instead of breaking the page.
 */
export function safeStringify(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent) ?? String(value);
  } catch {
    return "(too deeply nested to print)";
  }
}
