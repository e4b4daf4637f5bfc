/**
 * The snippet languages: ids (also the `lang` URL parameter), tab labels, how to run each one and
 * how each writes a literal. Client-safe.
 */
import { goString, jsonString, jsString, pythonString, shellSingleQuoted } from './escape'

export const LANGUAGE_IDS = ['curl', 'python', 'typescript', 'javascript', 'python-urllib', 'go'] as const
export type SnippetLanguage = (typeof LANGUAGE_IDS)[number]

export interface LanguageInfo {
  id: SnippetLanguage
  /** Tab label. */
  label: string
  /** One line: what it needs and how to run it. */
  howToRun: string
  /** shiki's grammar name. */
  grammar: 'bash' | 'python' | 'typescript' | 'javascript' | 'go'
  /** A file name to save it as. */
  file: string
}

export const LANGUAGES: Record<SnippetLanguage, LanguageInfo> = {
  curl: { id: 'curl', label: 'curl', howToRun: 'Paste into bash or zsh.', grammar: 'bash', file: 'chat.sh' },
  python: {
    id: 'python',
    label: 'Python',
    howToRun: 'The openai package: pip install openai, then python3 chat.py.',
    grammar: 'python',
    file: 'chat.py',
  },
  typescript: {
    id: 'typescript',
    label: 'TypeScript',
    howToRun: 'The openai package: npm install openai, then npx tsx chat.ts.',
    grammar: 'typescript',
    file: 'chat.ts',
  },
  javascript: {
    id: 'javascript',
    label: 'JavaScript',
    howToRun: 'fetch, no SDK: Node.js 18 or later, node chat.mjs.',
    grammar: 'javascript',
    file: 'chat.mjs',
  },
  'python-urllib': {
    id: 'python-urllib',
    label: 'Python (no SDK)',
    howToRun: 'Standard library only (urllib): python3 chat.py.',
    grammar: 'python',
    file: 'chat.py',
  },
  go: {
    id: 'go',
    label: 'Go',
    howToRun: 'net/http, no SDK: go run main.go (Go 1.18 or later).',
    grammar: 'go',
    file: 'main.go',
  },
}

/** localStorage key of the last language chosen in any snippet on the site. */
export const LANGUAGE_STORAGE_KEY = 'snippet-language'

export const isSnippetLanguage = (s: string | null | undefined): s is SnippetLanguage =>
  (LANGUAGE_IDS as readonly string[]).includes(s ?? '')

/** How a language writes the values that go into slots. */
export interface Literals {
  /** A string value (message, model id, option strings). */
  string(s: string): string
  /** The request URL or base URL. */
  url(s: string): string
  /** The name of the environment variable holding the key, as the slot in that language wants it. */
  keyEnv(name: string): string
}

const python: Literals = { string: pythonString, url: pythonString, keyEnv: pythonString }
const js: Literals = { string: jsString, url: jsString, keyEnv: (n) => n }

export const LITERALS: Record<SnippetLanguage, Literals> = {
  // The body is one single-quoted shell word holding JSON: JSON-escape, then protect `'`.
  curl: { string: (s) => shellSingleQuoted(jsonString(s)), url: shellSingleQuoted, keyEnv: (n) => n },
  python,
  'python-urllib': python,
  typescript: js,
  javascript: js,
  go: { string: goString, url: goString, keyEnv: goString },
}
