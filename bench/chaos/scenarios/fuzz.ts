/**
 * @module
 * Fuzz the pipeline's input: bad raw records mixed into the load. Expected: no worker crash, and
 * every bad record in the quarantine topic exactly once with a reason header (the verifiers check
 * the quarantine; this scenario adds the crash check).
 */
import type { Scenario } from '../scenario.ts'
import { fuzzRecord } from './fuzz-records.ts'

/** Fuzz records sent per cycle. */
export const FUZZ_PER_CYCLE = 100

/** The fuzz scenario. */
export const fuzz: Scenario = {
  name: 'fuzz',
  description: `${FUZZ_PER_CYCLE} random, truncated, oversized, mistyped, non-object, deeply nested, tombstone and non-UTF-8-keyed records per cycle, mixed into the load`,
  workers: 2,
  async run(ctx) {
    const kinds = new Map<string, number>()
    for (let c = 0; c < ctx.cycles; c++) {
      await ctx.sleep(1000 + ctx.random() * 1000)
      const batch = Array.from({ length: FUZZ_PER_CYCLE }, (_, j) => fuzzRecord(c * FUZZ_PER_CYCLE + j, ctx.random))
      for (const r of batch) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1)
      await ctx.pipeline.sendRaw(batch)
      ctx.log(`  cycle ${c + 1}/${ctx.cycles}: sent ${batch.length} fuzz records`)
    }
    await ctx.sleep(5000)
    const crashes = ctx.pipeline.unexpectedExits
    return {
      cycles: ctx.cycles,
      findings: [`fuzz records by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`],
      failures: crashes.map(
        (e) => `worker ${e.instance} crashed (${e.code}): ${e.stderr.split('\n').slice(-3).join(' ')}`,
      ),
    }
  },
}
