/**
 * @module
 * Scale workers up and down under load: 1 -> 2 -> 3 -> 1 per cycle, each step a rebalance that
 * moves tasks (and their state) between processes; scale-down is a graceful SIGTERM.
 */
import type { Scenario } from '../scenario.ts'

/** The scale scenario. */
export const scale: Scenario = {
  name: 'scale',
  description: 'scale workers 1 -> 2 -> 3 -> 1 under load; repeated `cycles` times',
  workers: 1,
  async run(ctx) {
    let cycles = 0
    for (let i = 0; i < ctx.cycles; i++) {
      for (const n of [2, 3, 1]) {
        await ctx.sleep(4000 + ctx.random() * 2000)
        ctx.log(`  cycle ${i + 1}/${ctx.cycles}: scale to ${n} worker(s)`)
        await ctx.pipeline.scaleTo(n)
      }
      cycles++
    }
    await ctx.sleep(5000)
    return { cycles, findings: [], failures: [] }
  },
}
