/**
 * @module
 * The stateful KStream operations that touch tables: `toTable()` and the stream-table joins.
 * Both repartition first when the stream's key may have changed.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { ValueJoiner } from '../../dsl/functions.ts'
import type { Joined } from '../../dsl/joined.ts'
import type { KStream } from '../../dsl/kstream.ts'
import type { KTable } from '../../dsl/ktable.ts'
import type { Materialized } from '../../dsl/materialized.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import { streamTableJoin as joinSupplier } from '../processors/stream-table-join.ts'
import { tableSource } from '../processors/table-source.ts'
import { storeValueGetter } from '../processors/table-value-getter.ts'
import { addProcessor, addRepartition } from './graph-helpers.ts'
import { KStreamImpl } from './kstream-impl.ts'
import { KTableImpl } from './ktable-impl.ts'
import { materializeKeyValue } from './materialize.ts'
import { requireFunction, requireInstance } from './validate.ts'

function repartitioned<K, V>(
  stream: KStreamImpl<K, V>,
  userName: string | undefined,
  generatedBase: string,
): GraphNode {
  if (!stream.repartitionRequired) return stream.node
  const { builder } = stream
  return addRepartition(builder, stream.node, {
    userName,
    generatedBase,
    keySerde: stream.keySerde ?? builder.defaults.keySerde,
    valueSerde: stream.valueSerde ?? builder.defaults.valueSerde,
    dropNullKeys: true,
  })
}

/**
 * `KStream.toTable()`: a table source over the stream.
 *
 * @example
 * ```ts
 * const table = streamToTable(stream, undefined, Materialized.as('latest'))
 * ```
 */
export function streamToTable<K, V>(
  stream: KStreamImpl<K, V>,
  name: string | undefined,
  materialized: Materialized<K, V> | undefined,
): KTable<K, V> {
  const { builder } = stream
  const store = materializeKeyValue(builder, materialized, 'KSTREAM-TOTABLE', stream.keySerde, stream.valueSerde)
  const processorName = builder.processorName(name, 'KSTREAM-TOTABLE')
  const from = repartitioned(stream, name, processorName)
  const node = addProcessor(builder, processorName, [from], tableSource(store.name), [store.name])
  return new KTableImpl<K, V>(builder, node, store.keySerde, store.valueSerde, storeValueGetter(store.name), store.name)
}

/**
 * `KStream.join/leftJoin(table)`: the join processor reads the table through its value getter,
 * so it is connected to the table's store and its input topics must be co-partitioned.
 *
 * @example
 * ```ts
 * streamTableJoin(laps, 'join()', drivers, (lap, d) => ({ ...lap, d }), undefined, false)
 * ```
 */
export function streamTableJoin<K, V, VT, VR>(
  stream: KStreamImpl<K, V>,
  method: string,
  table: KTable<K, VT>,
  joiner: ValueJoiner<V, VT | null, VR>,
  joined: Joined<K, V, VT> | undefined,
  left: boolean,
): KStream<K, VR> {
  requireInstance(method, 'table', table, KTableImpl, 'KTable')
  requireFunction(method, 'joiner', joiner)
  const other = table as KTableImpl<K, VT>
  const { builder } = stream
  if (other.builder !== builder) {
    throw new PitwallError(
      ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
      `${method}: table must come from the same StreamsBuilder`,
    )
  }
  const name = builder.processorName(joined?.name, left ? 'KSTREAM-LEFTJOIN' : 'KSTREAM-JOIN')
  const input = new KStreamImpl<K, V>(
    builder,
    stream.node,
    joined?.keySerde ?? stream.keySerde,
    joined?.valueSerde ?? stream.valueSerde,
    stream.repartitionRequired,
  )
  const from = repartitioned(input, joined?.name, name)
  const supplier = joinSupplier(other.valueGetter, joiner, left)
  const node = addProcessor(builder, name, [from], supplier, other.valueGetter.storeNames, [from, other.node])
  return new KStreamImpl<K, VR>(builder, node, input.keySerde, undefined, false)
}
