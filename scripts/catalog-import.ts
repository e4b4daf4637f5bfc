/**
 * Catalog importer CLI. Usage:
 *   npm run catalog:import -- --from models.dev <file> [--from openrouter <file>] [--from litellm <file>]
 *     [--content <dir>] [--today YYYY-MM-DD] [--accept <id> …] [--dry-run] [--verbose]
 *   npm run catalog:import -- --from models.dev-history <file> [--accept <id> …] [--dry-run] [--verbose]
 * Sources apply in the order given (litellm, which only enriches, always last). The rules are
 * in README.md, "Importing the catalog".
 */
import type { SourceKind } from '../importer'
import { formatReport, ImportInputError, runHistorySeed, runImport, SOURCE_KINDS } from '../importer'

/** Seeds price histories; runs alone (importer/sources/modelsdev-history). */
const HISTORY_KIND = 'models.dev-history'

const USAGE = `Usage: npm run catalog:import -- --from <kind> <file> [--from <kind> <file> …] [--content <dir>] [--today YYYY-MM-DD] [--accept <id> …] [--dry-run] [--verbose]

  --from <kind> <file>  an input file; <kind> is ${SOURCE_KINDS.join(', ')}. Repeatable, applied in order
                        (litellm only enriches existing models and is applied last).
                        Or, alone: --from ${HISTORY_KIND} <file> seeds endpoints' price histories.
  --accept <id>         apply a price change the report held for review (repeatable)
  --content <dir>       the content directory (default: content)
  --today <date>        the date LiteLLM deprecation dates are compared with (default: today, UTC)
  --dry-run             print the report, write nothing
  --verbose             list every item in the report instead of the first few`

function fail(message: string): never {
  console.error(`catalog:import: ${message}\n\n${USAGE}`)
  process.exit(2)
}

function parseArgs(argv: string[]) {
  const sources: Array<{ kind: SourceKind; file: string }> = []
  const accept: string[] = []
  let historyFile: string | undefined
  let contentDir = 'content'
  let dryRun = false
  let verbose = false
  let today = new Date().toISOString().slice(0, 10)
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--from') {
      const kind = argv[++i]
      const file = argv[++i]
      if (!kind || !file) fail('--from needs a kind and a file')
      if (kind === HISTORY_KIND) historyFile = file
      else if (!(SOURCE_KINDS as readonly string[]).includes(kind)) fail(`unknown source kind "${kind}"`)
      else sources.push({ kind: kind as SourceKind, file })
    } else if (arg === '--accept') {
      const id = argv[++i]
      if (!id) fail('--accept needs the id of a held change (from the report)')
      accept.push(id)
    } else if (arg === '--content') {
      const dir = argv[++i]
      if (!dir) fail('--content needs a directory')
      contentDir = dir
    } else if (arg === '--today') {
      const date = argv[++i]
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('--today needs a date YYYY-MM-DD')
      today = date
    } else if (arg === '--dry-run') dryRun = true
    else if (arg === '--verbose') verbose = true
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else fail(`unknown argument "${arg}"`)
  }
  if (historyFile && sources.length) fail(`--from ${HISTORY_KIND} runs alone, without other sources`)
  if (!sources.length && !historyFile) fail('at least one --from is required')
  return { sources, historyFile, accept, contentDir, dryRun, verbose, today }
}

const args = parseArgs(process.argv.slice(2))
try {
  const { report } = args.historyFile
    ? runHistorySeed({ ...args, file: args.historyFile })
    : runImport({ ...args, accept: args.accept })
  console.log(formatReport(report, { verbose: args.verbose }))
  if (report.refused.length) process.exitCode = 1
} catch (e) {
  if (e instanceof ImportInputError) {
    console.error(`catalog:import: ${e.message}`)
    process.exit(1)
  }
  throw e
}
