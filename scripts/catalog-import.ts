/**
 * Catalog importer CLI. Usage:
 *   npm run catalog:import -- --from models.dev <file> [--from openrouter <file>] [--from litellm <file>]
 *     [--content <dir>] [--today YYYY-MM-DD] [--dry-run] [--verbose]
 * Sources apply in the order given (litellm, which only enriches, always last). The rules are
 * in README.md, "Importing the catalog".
 */
import type { SourceKind } from '../importer'
import { formatReport, ImportInputError, runImport, SOURCE_KINDS } from '../importer'

const USAGE = `Usage: npm run catalog:import -- --from <kind> <file> [--from <kind> <file> …] [--content <dir>] [--today YYYY-MM-DD] [--dry-run] [--verbose]

  --from <kind> <file>  an input file; <kind> is ${SOURCE_KINDS.join(', ')}. Repeatable, applied in order
                        (litellm only enriches existing models and is applied last).
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
      if (!(SOURCE_KINDS as readonly string[]).includes(kind)) fail(`unknown source kind "${kind}"`)
      sources.push({ kind: kind as SourceKind, file })
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
  if (!sources.length) fail('at least one --from is required')
  return { sources, contentDir, dryRun, verbose, today }
}

const args = parseArgs(process.argv.slice(2))
try {
  const { report } = runImport(args)
  console.log(formatReport(report, { verbose: args.verbose }))
  if (report.refused.length) process.exitCode = 1
} catch (e) {
  if (e instanceof ImportInputError) {
    console.error(`catalog:import: ${e.message}`)
    process.exit(1)
  }
  throw e
}
