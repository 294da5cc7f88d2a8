/**
 * @module
 * Hard-restart the broker under load: kill -9 of the broker process (open transactions, unflushed
 * segments), then a start through scripts/broker.ts. Workers either ride it out or die and are
 * restarted by the supervisor (noted as a finding); the outputs must stay exact either way.
 */
import type { Scenario } from '../scenario.ts'

/** The broker-restart scenario. */
export const brokerRestart: Scenario = {
  name: 'broker-restart',
  description: 'kill -9 the broker under load with two workers, start it again; repeated `cycles` times',
  workers: 2,
  async run(ctx) {
    const findings: string[] = []
    let cycles = 0
    for (let i = 0; i < ctx.cycles; i++) {
      await ctx.sleep(3000 + ctx.random() * 3000)
      const before = ctx.pipeline.unexpectedExits.length
      ctx.log(`  cycle ${i + 1}/${ctx.cycles}: kill -9 the broker`)
      const began = Date.now()
      await ctx.restartBroker()
      ctx.log(`  broker back after ${((Date.now() - began) / 1000).toFixed(1)} s`)
      await ctx.sleep(8000)
      const died = ctx.pipeline.unexpectedExits.length - before
      if (died > 0) findings.push(`cycle ${i + 1}: ${died} worker exit(s) while the broker was down`)
      cycles++
    }
    await ctx.sleep(5000)
    return { cycles, findings, failures: [] }
  },
}
