/**
 * @module
 * Gearbox and engine speed: eight forward gears, each with the road speed reached at the reference
 * RPM, shift points with hysteresis (up near 11,700 rpm, down when the lower gear would be below
 * 11,000 rpm), and RPM strictly proportional to road speed in gear (clutch slip only at launch).
 * The speed band of each gear is what a gear-consistency check tests against.
 */

/** Road speed (km/h) at {@link REFERENCE_RPM} in gears 1..8 (index 0 unused). */
export const GEAR_TOP_KMH = [0, 95, 135, 170, 205, 240, 275, 310, 350] as const
/** The RPM at which {@link GEAR_TOP_KMH} is reached. */
export const REFERENCE_RPM = 12_000
/** Upshift point. */
export const UPSHIFT_RPM = 11_700
/** Downshift when the next lower gear would turn below this. */
export const DOWNSHIFT_RPM = 11_000
/** Idle and launch floor. */
export const IDLE_RPM = 4_200

/**
 * The gear to hold at `kmh`, starting from the current gear (one shift per call, like a real box).
 *
 * @example
 * ```ts
 * nextGear(3, 180) // 4: 3rd would be past the upshift point
 * ```
 */
export function nextGear(gear: number, kmh: number): number {
  if (gear < 1) return kmh > 0 ? 1 : 0
  if (gear < 8 && kmh > (GEAR_TOP_KMH[gear]! * UPSHIFT_RPM) / REFERENCE_RPM) return gear + 1
  if (gear > 1 && kmh < (GEAR_TOP_KMH[gear - 1]! * DOWNSHIFT_RPM) / REFERENCE_RPM) return gear - 1
  return gear
}

/**
 * Engine speed in a gear at a road speed; at launch the clutch slips, so RPM has a floor that rises
 * with throttle. Gear 0 (neutral) idles.
 *
 * @example
 * ```ts
 * rpmFor(8, 330, 1) // ≈ 11314
 * ```
 */
export function rpmFor(gear: number, kmh: number, throttle: number): number {
  if (gear < 1) return IDLE_RPM
  const locked = (REFERENCE_RPM * kmh) / GEAR_TOP_KMH[gear]!
  return Math.max(locked, IDLE_RPM + 5_000 * throttle * (gear === 1 ? 1 : 0))
}

/**
 * The speed band (km/h) a gear is found in during normal driving, with margins for sensor noise
 * and sampling skew between channels: what a gear-consistency detector should accept.
 *
 * @example
 * ```ts
 * gearBand(8) // { min: 263.5, max: 360.5 }
 * ```
 */
export function gearBand(gear: number): { min: number; max: number } {
  if (gear < 1) return { min: 0, max: 30 }
  return { min: gear === 1 ? 0 : GEAR_TOP_KMH[gear - 1]! * 0.85, max: GEAR_TOP_KMH[gear]! * 1.03 }
}
