/**
 * @module
 * One side of a KTable-KTable join (Kafka's KTableKTableInnerJoin / LeftJoin / RightJoin /
 * OuterJoin). A change of this table looks up the other table's current value and forwards the
 * joined change: the join of the new value and the join of the old value, so downstream retracts
 * the previous result. The result timestamp is the larger of the two inputs'. For a left join the
 * right side's processor joins only when the left value exists; a null new (or old) result means
 * the joined row disappeared (or did not exist).
 */
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Change } from '../change.ts'
import type { ValueAndTimestamp } from './value-and-timestamp.ts'

/** Joins a left and a right table value; null stands for a missing row in left/outer joins. */
export type TableJoiner<VL, VR, VOut> = (left: VL | null, right: VR | null) => VOut

/** Reads the other table's current value of a key (from its materialized store). */
export type ValueGetter<K, V> = (key: K) => Promise<ValueAndTimestamp<V> | undefined>

/** Parameters of one side of a table-table join. */
export interface TableTableJoinOptions<K, VL, VR, VOut> {
  readonly kind: 'inner' | 'left' | 'outer'
  readonly side: 'left' | 'right'
  readonly joiner: TableJoiner<VL, VR, VOut>
  /** Builds the getter of the other table once the processor has its context. */
  readonly otherValueGetter: (context: ProcessorContext<K, Change<VOut>>) => ValueGetter<K, VL | VR>
}

/**
 * Makes one side of a table-table join for one task.
 *
 * @example
 * ```ts
 * const left = () => tableTableJoin({ kind: 'left', side: 'left', joiner: (l, r) => ({ l, r }), otherValueGetter: (ctx) => getterOf(ctx, 'right-store') })
 * ```
 */
export function tableTableJoin<K, VL, VR, VOut, VThis extends VL | VR = VL | VR>(
  options: TableTableJoinOptions<K, VL, VR, VOut>,
): Processor<K, Change<VThis>, K, Change<VOut>> {
  const { kind, side, joiner } = options
  const isLeft = side === 'left'
  // Whether a missing row on this side / the other side still yields a result.
  const thisOptional = kind === 'outer' || (kind === 'left' && !isLeft)
  const otherOptional = kind === 'outer' || (kind === 'left' && isLeft)
  let ctx: ProcessorContext<K, Change<VOut>>
  let getOther: ValueGetter<K, VL | VR>

  const join = (thisValue: VThis | null, otherValue: VL | VR | null): VOut =>
    isLeft ? joiner(thisValue as VL, otherValue as VR) : joiner(otherValue as VL, thisValue as VR)

  const joinOrNull = (thisValue: VThis | null, otherValue: VL | VR | null): VOut | null => {
    if (thisValue === null && !thisOptional) return null
    if (otherValue === null && !otherOptional) return null
    if (thisValue === null && otherValue === null) return null
    return join(thisValue, otherValue)
  }

  return {
    init(context) {
      ctx = context
      getOther = options.otherValueGetter(context)
    },
    async process(record: Record<K, Change<VThis>>) {
      if (record.key === null || record.key === undefined) {
        ctx.recordMetric('dropped-records')
        return
      }
      const other = await getOther(record.key)
      const otherValue = other === undefined || other.value === null ? null : other.value
      const newValue = joinOrNull(record.value.newValue ?? null, otherValue)
      const oldValue = joinOrNull(record.value.oldValue ?? null, otherValue)
      if (newValue === null && oldValue === null) return
      const timestamp = otherValue === null ? record.timestamp : Math.max(record.timestamp, other!.timestamp)
      await ctx.forward({ ...record, value: { newValue, oldValue }, timestamp })
    },
  }
}
