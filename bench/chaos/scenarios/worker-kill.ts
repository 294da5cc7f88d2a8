/**
 * @module
 * SIGKILL a random worker under load and restart it: a crash mid-transaction, with its state
 * directory left as it was. The restarted worker keeps its instance id (so its transactional id)
 * and must fence its zombie, restore its stores and continue without a duplicate or a gap.
 */
import type { Scenario } from '../scenario.ts'

/** The worker-kill scenario. */
export const workerKill: Scenario = {
  name: 'worker-kill',
  description: 'SIGKILL a random worker of two under load, restart it after 1-2 s; repeated `cycles` times',
  workers: 2,
  async run(ctx) {
    const findings: string[] = []
    let cycles = 0
    for (let i = 0; i < ctx.cycles; i++) {
      await ctx.sleep(2000 + ctx.random() * 3000)
      const running = ctx.pipeline.running()
      if (running.length === 0) {
        findings.push(`cycle ${i + 1}: no worker running to kill`)
        continue
      }
      const victim = running[Math.floor(ctx.random() * running.length)]!
      ctx.log(`  cycle ${i + 1}/${ctx.cycles}: SIGKILL worker ${victim}`)
      await ctx.pipeline.kill(victim)
      await ctx.sleep(1000 + ctx.random() * 1000)
      ctx.pipeline.restart(victim)
      cycles++
    }
    await ctx.sleep(5000)
    return { cycles, findings, failures: [] }
  },
}
