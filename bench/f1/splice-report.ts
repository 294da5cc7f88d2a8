/**
 * @module
 * Puts F1 broker-bench figures into an existing report without re-running the rest: the F1 rows
 * of the Targets table and the F1 section of BENCHMARKS.md are replaced (or added before "Figures
 * of the other parts"), and `results.f1` of the raw JSON is set. `node bench/f1/run.ts --profile
 * full --write-report` uses it, since the full suite takes far longer than this bench alone.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { F1BrokerFigures } from './bench.ts'
import { f1Section, f1Targets } from './report.ts'

const SECTION = '## F1 topology through the broker'
const NEXT_SECTION = '## Figures of the other parts'

/**
 * The report text with the F1 figures in place (idempotent: a second splice replaces the first).
 *
 * @example
 * ```ts
 * const md = spliceF1Report(readFileSync('BENCHMARKS.md', 'utf8'), figures, 'run on ... load 3.2')
 * ```
 */
export function spliceF1Report(markdown: string, f1: F1BrokerFigures, note?: string): string {
  const lines = markdown.split('\n').filter((l) => !l.startsWith('| F1 topology'))
  const targets = lines.indexOf('## Targets')
  if (targets >= 0) {
    let end = targets + 1
    while (end < lines.length && !(lines[end]!.startsWith('|') && lines[end + 1] === '')) end++
    lines.splice(end + 1, 0, ...f1Targets(f1))
  }
  const start = lines.findIndex((l) => l.startsWith(SECTION))
  const section = [...f1Section(f1), ...(note ? [note, ''] : [])]
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && l.startsWith('## '))
    if (end < 0) end = lines.length
    lines.splice(start, end - start, ...section)
  } else {
    const at = lines.indexOf(NEXT_SECTION)
    lines.splice(at >= 0 ? at : lines.length, 0, ...section)
  }
  return lines.join('\n')
}

/**
 * Splices the figures into the markdown report and the raw JSON results.
 *
 * @example
 * ```ts
 * writeF1Report('BENCHMARKS.md', 'bench/results/latest.json', figures, 'note')
 * ```
 */
export function writeF1Report(markdownPath: string, jsonPath: string, f1: F1BrokerFigures, note?: string): void {
  writeFileSync(markdownPath, spliceF1Report(readFileSync(markdownPath, 'utf8'), f1, note))
  const raw = JSON.parse(readFileSync(jsonPath, 'utf8')) as { results: Record<string, unknown> }
  raw.results.f1 = f1
  writeFileSync(jsonPath, `${JSON.stringify(raw, null, 2)}\n`)
}
