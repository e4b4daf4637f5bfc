/**
 * String literals for every snippet language. Each function returns source text that, once
 * compiled or parsed by that language, is exactly the given string. Pure and small: the snippet
 * panel also runs these in the browser.
 *
 * Printable text (accents, emoji, CJK) stays as it is, so the code reads like the message. What
 * is escaped everywhere: control characters, DEL and C1 controls, line and paragraph separators,
 * the byte-order mark (Go rejects it inside a file) and bidirectional controls (they can make
 * code display differently from what runs: "Trojan Source", CVE-2021-42574).
 */

/** Characters written as escapes in every language, even where a raw one would be legal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (they are escaped)
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0')

/**
 * A message as it can travel: HTTP bodies are UTF-8, which cannot carry a lone UTF-16 surrogate
 * (a half emoji from a bad paste), so those become U+FFFD, as `TextEncoder` would make them.
 */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd')
}

/** Quotes a string for POSIX shells (bash, zsh): single quotes, with `'` written as `'\''`. */
export function shellQuote(s: string): string {
  return `'${shellSingleQuoted(s)}'`
}

/** The inside of a single-quoted shell word: nothing is special there except `'` itself. */
export function shellSingleQuoted(s: string): string {
  return s.replace(/'/g, `'\\''`)
}

/** A JSON string literal (also valid JavaScript). */
export function jsonString(s: string): string {
  return JSON.stringify(wellFormed(s)).replace(UNSAFE, (c) => `\\u${hex(c, 4)}`)
}

const SIMPLE: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** A double-quoted Python 3 `str` literal. */
export function pythonString(s: string): string {
  const body = wellFormed(s).replace(/[\\"\n\r\t]/g, (c) => SIMPLE[c]!)
  // \xNN is a code point (not a byte) in a Python str, so it covers C0 and C1 alike.
  return `"${body.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`))}"`
}

/** A double-quoted JavaScript/TypeScript string literal (never a template literal: no `${}`). */
export function jsString(s: string): string {
  const body = wellFormed(s).replace(/[\\"\n\r\t]/g, (c) => SIMPLE[c]!)
  return `"${body.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`))}"`
}

/** A Go interpreted string literal. Source files are UTF-8, so printable text stays raw. */
export function goString(s: string): string {
  const body = wellFormed(s).replace(/[\\"\n\r\t]/g, (c) => SIMPLE[c]!)
  // In Go, \xNN is a raw byte: only right below 0x80. Above, \uNNNN encodes the code point.
  return `"${body.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x80 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`))}"`
}

/**
 * A number as source text in every snippet language (JSON, Python, JS, Go all read this form).
 * Callers pass finite numbers only.
 */
export function numberLiteral(n: number): string {
  return String(n)
}
