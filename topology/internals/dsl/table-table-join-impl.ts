/**
 * @module
 * `KTable.join/leftJoin/outerJoin(otherTable, joiner, named?, materialized?)`: a join processor
 * per side, each reading the other table through its value getter, then a merge node that
 * materializes the result when asked. The result table's value getter joins both getters, so
 * downstream joins work without materializing it.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { ValueJoiner } from '../../dsl/functions.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import { tableJoinMerge } from '../processors/table-join-merge.ts'
import { tableTableJoin } from '../processors/table-table-join.ts'
import type { TableValueGetterSupplier } from '../processors/table-value-getter.ts'
import { storeValueGetter } from '../processors/table-value-getter.ts'
import { addProcessor } from './graph-helpers.ts'
import { KTableImpl } from './ktable-impl.ts'
import { materializeKeyValue } from './materialize.ts'
import { optionalInstance, requireFunction, requireInstance } from './validate.ts'

/** Which rows without a partner appear in the result. */
export type TableJoinKind = 'inner' | 'left' | 'outer'

const prefixes = { inner: 'JOIN', left: 'LEFT', outer: 'OUTER' } as const

function joinedGetter<K, V, VO, VR>(
  left: TableValueGetterSupplier<K, V>,
  right: TableValueGetterSupplier<K, VO>,
  joiner: ValueJoiner<V | null, VO | null, VR>,
  kind: TableJoinKind,
): TableValueGetterSupplier<K, VR> {
  return {
    storeNames: [...left.storeNames, ...right.storeNames],
    get() {
      const [l, r] = [left.get(), right.get()]
      return {
        init(ctx) {
          l.init(ctx)
          r.init(ctx)
        },
        async get(key) {
          const [lv, rv] = [await l.get(key), await r.get(key)]
          if (lv === null && (kind !== 'outer' || rv === null)) return null
          if (rv === null && kind === 'inner') return null
          return joiner(lv, rv)
        },
      }
    },
  }
}

/**
 * Adds a table-table join to the graph.
 *
 * @example
 * ```ts
 * joinTables(drivers, 'leftJoin()', teams, (d, t) => ({ d, t }), 'left', undefined, undefined)
 * ```
 */
export function joinTables<K, V, VO, VR>(
  table: KTableImpl<K, V>,
  method: string,
  other: KTable<K, VO>,
  joiner: ValueJoiner<V | null, VO | null, VR>,
  kind: TableJoinKind,
  named: Named | Materialized<K, VR> | undefined,
  materialized: Materialized<K, VR> | undefined,
): KTable<K, VR> {
  requireInstance(method, 'otherTable', other, KTableImpl, 'KTable')
  requireFunction(method, 'joiner', joiner)
  let mat = materialized
  let given: string | undefined
  if (named instanceof Materialized) mat = named
  else {
    optionalInstance(method, 'named', named, Named)
    given = named?.name
  }
  optionalInstance(method, 'materialized', mat, Materialized)
  const right = other as KTableImpl<K, VO>
  const { builder } = table
  if (right.builder !== builder) {
    throw new PitwallError(
      ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
      `${method}: otherTable must come from the same StreamsBuilder`,
    )
  }
  const prefix = prefixes[kind]
  const thisName = given ? `${given}-join-this` : builder.processorName(undefined, `KTABLE-${prefix}THIS`)
  const otherName = given ? `${given}-join-other` : builder.processorName(undefined, `KTABLE-${prefix}OTHER`)
  const mergeName = given ?? builder.processorName(undefined, 'KTABLE-MERGE')
  const join = (l: V | null, r: VO | null) => joiner(l, r)
  const copartition = [table.node, right.node]
  const thisNode = addProcessor(
    builder,
    thisName,
    [table.node],
    () =>
      tableTableJoin<K, V, VO, VR>({ kind, side: 'left', joiner: join, otherValueGetter: getterOf(right.valueGetter) }),
    right.valueGetter.storeNames,
    copartition,
  )
  const otherNode = addProcessor(
    builder,
    otherName,
    [right.node],
    () =>
      tableTableJoin<K, V, VO, VR>({
        kind,
        side: 'right',
        joiner: join,
        otherValueGetter: getterOf(table.valueGetter),
      }),
    table.valueGetter.storeNames,
    copartition,
  )
  const store =
    mat === undefined ? undefined : materializeKeyValue(builder, mat, 'KTABLE-MERGE', table.keySerde, undefined)
  const merge = addProcessor(
    builder,
    mergeName,
    [thisNode, otherNode],
    tableJoinMerge<K, VR>(store?.name),
    store ? [store.name] : [],
  )
  const getter = store
    ? storeValueGetter<K, VR>(store.name)
    : joinedGetter(table.valueGetter, right.valueGetter, joiner, kind)
  return new KTableImpl<K, VR>(
    builder,
    merge,
    store?.keySerde ?? table.keySerde,
    store?.valueSerde,
    getter,
    store?.name,
  )
}

/** Adapts a table value getter to the join processor's (value, timestamp) lookups; timestamps are not stored. */
function getterOf<K, VX>(supplier: TableValueGetterSupplier<K, VX>) {
  return (ctx: Parameters<ReturnType<TableValueGetterSupplier<K, VX>['get']>['init']>[0]) => {
    const getter = supplier.get()
    getter.init(ctx)
    return async (key: K) => {
      const value = await getter.get(key)
      return value === null ? undefined : { value, timestamp: -1 }
    }
  }
}
