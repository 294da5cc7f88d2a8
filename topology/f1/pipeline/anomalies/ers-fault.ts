/**
 * @module
 * ERS faults: deploying with an empty store, and harvesting hard (no deployment) while the store
 * does not charge, each sustained.
 */
import type { SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { notHolding, observe } from './detector-context.ts'

/**
 * Checks one power-unit sample for both faults.
 *
 * @example
 * ```ts
 * detectErsFault(ctx, sample)
 * ```
 */
export function detectErsFault(ctx: DetectorContext, s: SampleOf<'power-unit'>): void {
  const th = ctx.config.anomalies.ersFault
  const store = s.ersStore ?? 0
  const deploy = s.ersDeploy ?? 0
  const harvest = s.ersHarvest ?? 0
  const dw = th.deployWithoutStore
  if (!(deploy > dw.minDeployKw && store < dw.maxStoreJ)) notHolding(ctx, 'ers_fault', 'deploy_without_store')
  else
    observe(ctx, {
      type: 'ers_fault',
      subject: 'deploy_without_store',
      detail: 'deploy_without_store',
      holds: true,
      t: s.timestamp,
      minDurationMs: dw.minDurationMs,
      evidence: { ersStore: store, ersDeploy: deploy },
    })
  const nc = th.storeNotCharging
  const holds = harvest > nc.minHarvestKw && deploy === 0
  if (!holds) notHolding(ctx, 'ers_fault', 'store_not_charging')
  else
    observe(ctx, {
      type: 'ers_fault',
      subject: 'store_not_charging',
      detail: 'store_not_charging',
      holds,
      t: s.timestamp,
      minDurationMs: nc.minDurationMs,
      evidence: { 'min.ersHarvest': harvest, ersStore: store },
      qualifies: (run) => store - (run.base ?? store) < nc.maxStoreGainJ,
    })
  // the store level when harvesting began is the baseline the store must rise above
  const after = ctx.car.subjects['ers_fault|store_not_charging']?.run
  if (after !== undefined && after.base === undefined) after.base = store
}
