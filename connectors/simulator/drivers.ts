/**
 * @module
 * The field: twenty drivers of a recent season (number, acronym, name, team, team colour) and a
 * team pace ranking, plus generated entries when more than twenty cars are asked for.
 */

/** One entry of the field. */
export interface Entrant {
  readonly carNumber: number
  readonly nameAcronym: string
  readonly fullName: string
  readonly teamName: string
  readonly teamColour: string
  /** 0 = fastest team; larger is slower. */
  readonly teamRank: number
}

const TEAMS = [
  ['McLaren', '#FF8000'],
  ['Ferrari', '#E8002D'],
  ['Mercedes', '#27F4D2'],
  ['Red Bull Racing', '#3671C6'],
  ['Williams', '#64C4FF'],
  ['Aston Martin', '#229971'],
  ['Racing Bulls', '#6692FF'],
  ['Haas F1 Team', '#B6BABD'],
  ['Alpine', '#0093CC'],
  ['Kick Sauber', '#52E252'],
] as const

const GRID: readonly (readonly [number, string, string, number])[] = [
  [4, 'NOR', 'Lando Norris', 0],
  [81, 'PIA', 'Oscar Piastri', 0],
  [16, 'LEC', 'Charles Leclerc', 1],
  [44, 'HAM', 'Lewis Hamilton', 1],
  [63, 'RUS', 'George Russell', 2],
  [12, 'ANT', 'Andrea Kimi Antonelli', 2],
  [1, 'VER', 'Max Verstappen', 3],
  [22, 'TSU', 'Yuki Tsunoda', 3],
  [23, 'ALB', 'Alexander Albon', 4],
  [55, 'SAI', 'Carlos Sainz', 4],
  [14, 'ALO', 'Fernando Alonso', 5],
  [18, 'STR', 'Lance Stroll', 5],
  [30, 'LAW', 'Liam Lawson', 6],
  [6, 'HAD', 'Isack Hadjar', 6],
  [31, 'OCO', 'Esteban Ocon', 7],
  [87, 'BEA', 'Oliver Bearman', 7],
  [10, 'GAS', 'Pierre Gasly', 8],
  [43, 'COL', 'Franco Colapinto', 8],
  [27, 'HUL', 'Nico Hulkenberg', 9],
  [5, 'BOR', 'Gabriel Bortoleto', 9],
]

/**
 * The first `count` entrants: the real grid, then generated cars numbered 100, 101, ... in the
 * same ten teams.
 *
 * @example
 * ```ts
 * field(20)[3] // { carNumber: 44, nameAcronym: 'HAM', teamName: 'Ferrari', ... }
 * field(50).length // 50
 * ```
 */
export function field(count: number): Entrant[] {
  const out: Entrant[] = []
  for (let i = 0; i < count; i++) {
    const real = GRID[i]
    const teamRank = real ? real[3] : i % TEAMS.length
    const [teamName, teamColour] = TEAMS[teamRank]!
    if (real) {
      out.push({ carNumber: real[0], nameAcronym: real[1], fullName: real[2], teamName, teamColour, teamRank })
    } else {
      const carNumber = 100 + i - GRID.length
      out.push({
        carNumber,
        nameAcronym: `X${carNumber}`,
        fullName: `Reserve Driver ${carNumber}`,
        teamName,
        teamColour,
        teamRank,
      })
    }
  }
  return out
}
