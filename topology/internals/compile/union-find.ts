/**
 * @module
 * A tiny union-find over string ids, used to group nodes into sub-topologies and topics into
 * co-partition groups.
 */

/**
 * Disjoint sets of strings.
 *
 * @example
 * ```ts
 * const u = new UnionFind(); u.union('a', 'b'); u.find('b') === u.find('a') // true
 * ```
 */
export class UnionFind {
  readonly #parent = new Map<string, string>()

  find(id: string): string {
    let root = id
    while (true) {
      const up = this.#parent.get(root)
      if (up === undefined || up === root) break
      root = up
    }
    if (!this.#parent.has(id)) this.#parent.set(id, id)
    this.#parent.set(id, root)
    return root
  }

  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.#parent.set(rb, ra)
  }
}
