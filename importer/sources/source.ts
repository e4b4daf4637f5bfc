/**
 * What the import needs from each input source. A source's folder holds its mapper (`map.ts`:
 * records → candidates, pure, no catalog state) and its applier (`apply.ts`: matches candidates
 * to the catalog and changes the shared ImportState). The rules each source follows are in the
 * README, "Importing the catalog".
 */
import type { ParsedSource, SourceKind } from '../input'
import type { ImportState } from '../state'

/** The parsed input of one source kind. */
export type SourceOf<K extends SourceKind> = Extract<ParsedSource, { kind: K }>

export interface SourceApplier<S extends ParsedSource = ParsedSource> {
  /** Also the label the report files this source's skips, ignored fields and conflicts under. */
  readonly kind: S['kind']
  /**
   * An enrichment source only adds to the models the other sources describe, so it is applied
   * after them whatever the order given (LiteLLM).
   */
  readonly enrichesOnly: boolean
  /** Apply the parsed input to the state; everything skipped or worth a look goes into `state.report`. */
  apply(state: ImportState, source: S): void
}
