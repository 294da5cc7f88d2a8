/**
 * @module
 * The user-processor operators of `KStream`: `process()` (may change keys, so stateful operations
 * downstream repartition) and `processValues()` (keys kept and checked at runtime), and
 * `print()`. Each validates, names and adds one processor node.
 */
import { Named } from '../../dsl/named.ts'
import { Printed } from '../../dsl/printed.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import type { InternalStreamsBuilder } from '../graph/internal-builder.ts'
import { streamPrint } from '../processors/stream-print.ts'
import { addProcessor } from './graph-helpers.ts'
import { requireFunction, requireInstance, requireString } from './validate.ts'

/**
 * Adds a user processor after `parent`, connected to the stores named in `storeNamesOrNamed`
 * (a `Named` among them names the processor); `wrap` turns the user's supplier into the one run.
 *
 * @example
 * ```ts
 * const node = addUserProcessor(builder, parent, 'process()', 'KSTREAM-PROCESSOR', supplier, ['counts'], (_, s) => s)
 * ```
 */
export function addUserProcessor<S extends ProcessorSupplier<any, any, any, any>>(
  builder: InternalStreamsBuilder,
  parent: GraphNode,
  method: string,
  prefix: string,
  supplier: S,
  storeNamesOrNamed: ReadonlyArray<string | Named>,
  wrap: (name: string, supplier: S) => ProcessorSupplier<any, any, any, any>,
): GraphNode {
  requireFunction(method, 'supplier', supplier)
  let given: string | undefined
  const stores: string[] = []
  for (const arg of storeNamesOrNamed) {
    if (arg instanceof Named) given = arg.name
    else {
      requireString(method, 'storeName', arg)
      stores.push(arg)
    }
  }
  const name = builder.processorName(given, prefix)
  return addProcessor(builder, name, [parent], wrap(name, supplier), stores)
}

/**
 * Adds a print processor after `parent` (terminal); the label defaults to the processor name.
 *
 * @example
 * ```ts
 * addPrint(builder, parent, Printed.toSysOut().withLabel('laps'))
 * ```
 */
export function addPrint(builder: InternalStreamsBuilder, parent: GraphNode, printed: Printed<any, any>): void {
  requireInstance('print()', 'printed', printed, Printed, 'Printed')
  const name = builder.processorName(printed.name, 'KSTREAM-PRINTER')
  const options = { label: printed.label ?? name, filePath: printed.filePath, mapper: printed.mapper }
  addProcessor(builder, name, [parent], streamPrint(options))
}
