/**
 * Short excerpts of values for messages: a message that echoes what it refuses shows at most
 * `MAX_EXCERPT` characters of it, so a 1 MB id prints one line, not a megabyte.
 */

/** Longest echo of a value in a message, in characters (UTF-16 code units, plus the ellipsis note). */
export const MAX_EXCERPT = 60;

/**
 * A string cut to `max` characters, with how much was left out: `abc… (1,048,576 characters)`.
 * Never splits a surrogate pair.
 */
export function clip(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/**
 * A value as it would appear in JSON, cut to a short excerpt (`nothing` for undefined). Never throws
 * (a value JSON cannot write is described by its type).
 */
export function excerpt(value: unknown, max = MAX_EXCERPT): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (value.length <= max) return JSON.stringify(value);
    const end = /[\ud800-\udbff]/.test(value.charAt(max - 1)) ? max - 1 : max;
    return `${JSON.stringify(value.slice(0, end))}… (${value.length.toLocaleString('en-US')} characters)`;
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  return text === undefined ? `a ${typeof value}` : clip(text, max);
}

/** A quoted id or name for a message, cut to a short excerpt: `"kinesis-1"`. */
export function quote(text: string, max = MAX_EXCERPT): string {
  return excerpt(String(text), max);
}
