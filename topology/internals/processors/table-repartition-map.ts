/**
 * @module
 * The first half of `KTable.groupBy()` (Kafka's KTableRepartitionMap): each table change is
 * re-keyed by the selector and sent as two separate records, first the subtraction of the old
 * value under the old value's new key (`{ newValue: null, oldValue }`), then the addition of the
 * new value under its new key (`{ newValue, oldValue: null }`). They usually go through a
 * repartition topic, so the subtraction and the addition may reach different tasks.
 */
import type { KeyValue } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Change } from '../change.ts'

/** Picks the grouping key and value of a table row. */
export type TableKeyValueSelector<K, V, KR, VR> = (key: K, value: V) => KeyValue<KR, VR>

/**
 * Makes the re-keying processor of a grouped table.
 *
 * @example
 * ```ts
 * const byTeam = () => tableRepartitionMap((_driver: string, row: { team: string; points: number }) => ({ key: row.team, value: row.points }))
 * ```
 */
export function tableRepartitionMap<K, V, KR, VR>(
  selector: TableKeyValueSelector<K, V, KR, VR>,
): Processor<K, Change<V>, KR, Change<VR>> {
  let ctx: ProcessorContext<KR, Change<VR>>
  const usable = (p: KeyValue<KR, VR> | null): p is KeyValue<KR, VR> =>
    p !== null && p.key !== null && p.key !== undefined && p.value !== null && p.value !== undefined
  return {
    init(context) {
      ctx = context
    },
    async process(record: Record<K, Change<V>>) {
      const { newValue, oldValue } = record.value
      const newPair = newValue === null || newValue === undefined ? null : selector(record.key, newValue)
      const oldPair = oldValue === null || oldValue === undefined ? null : selector(record.key, oldValue)
      if (usable(oldPair))
        await ctx.forward({ ...record, key: oldPair.key, value: { newValue: null, oldValue: oldPair.value } })
      if (usable(newPair))
        await ctx.forward({ ...record, key: newPair.key, value: { newValue: newPair.value, oldValue: null } })
    },
  }
}
