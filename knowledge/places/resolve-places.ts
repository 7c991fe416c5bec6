/**
 * Turns the finder's raw matches into place mentions: an old province to its new province, an
 * old commune to the commune(s) it went into (using the provinces named in the same message to
 * choose among communes of the same name), a district to "no longer exists" (or, for the five
 * island districts, to the special zone it became). Only facts from the units file.
 * @module
 */
import type { CommuneEntry } from './build-place-gazetteer.ts'
import type { RawPlace } from './find-places.ts'
import type { AdminUnits, Commune, OldUnit } from './load-admin-units.ts'
import type { CurrentPlace, FormerPlace, FoundPlace } from './place.types.ts'
import type { PlaceText } from './tokenize-place-text.ts'

/** More old communes of one name than this, with no province to choose by: too vague to report. */
export const MAX_AMBIGUOUS = 3
/** New units listed for a split or ambiguous old commune. */
export const MAX_CANDIDATES = 4

export type ResolvePlacesOptions = { pt: PlaceText; raw: RawPlace[]; units: AdminUnits }

export const resolvePlaces = ({ pt, raw, units }: ResolvePlacesOptions): FoundPlace[] => {
  const provinceName = (code: string) => units.provinces.get(code)?.fullName
  const currentCommune = (c: Commune): CurrentPlace => ({
    code: c.code,
    name: c.fullName,
    level: 'xã',
    ...(provinceName(c.provinceCode) ? { province: provinceName(c.provinceCode) } : {}),
  })
  const newUnits = (old: OldUnit): CurrentPlace[] =>
    old.newCodes.flatMap((code) => {
      const c = units.communes.get(code)
      return c ? [currentCommune(c)] : []
    })
  const former = (old: OldUnit, level: FormerPlace['level']): FormerPlace => {
    const province = units.oldProvinces.get(old.provinceCode)?.fullName
    return { code: old.code, name: old.fullName, level, ...(province ? { province } : {}) }
  }

  // Provinces named anywhere in the message choose among communes of the same name.
  const newContext = new Set<string>()
  const oldContext = new Set<string>()
  for (const r of raw) {
    if (r.kind !== 'province') continue
    if (r.entry.old) {
      oldContext.add(r.entry.code)
      const p = units.oldProvinces.get(r.entry.code)
      if (p) newContext.add(p.newCode)
    } else newContext.add(r.entry.code)
  }
  const inContext = (e: CommuneEntry): boolean =>
    e.current
      ? newContext.has(e.current.provinceCode)
      : oldContext.has(e.old.provinceCode) ||
        e.old.newCodes.some((c) => newContext.has(units.communes.get(c)?.provinceCode ?? ''))

  const resolveCommune = (r: RawPlace & { kind: 'commune' }) => {
    let entries = r.entries
    const sameType = entries.filter((e) => e.type === r.type)
    if (sameType.length > 0) entries = sameType
    // An old province named with it means the old commune of that province ("xã Tân Hòa, Hậu Giang").
    const oldNear = entries.filter((e) => e.old && oldContext.has(e.old.provinceCode))
    const near = oldNear.length > 0 ? oldNear : entries.filter(inContext)
    if (near.length > 0) entries = near
    const current = entries.flatMap((e) => (e.current ? [e.current] : []))
    if (current.length === 1 && current[0])
      return { current: currentCommune(current[0]), changed: false } satisfies Partial<FoundPlace>
    if (current.length > 1)
      return current.length <= MAX_CANDIDATES
        ? { current: null, candidates: current.map(currentCommune), changed: false }
        : null
    const old = entries.flatMap((e) => (e.old ? [e.old] : []))
    const first = old[0]
    if (!first) return null
    const same = old.every((o) => o.newCodes.join() === first.newCodes.join())
    if (same) {
      const targets = newUnits(first)
      return targets.length === 1
        ? { former: former(first, 'xã'), current: targets[0] ?? null, changed: true }
        : {
            former: former(first, 'xã'),
            current: null,
            candidates: targets.slice(0, MAX_CANDIDATES),
            changed: true,
          }
    }
    if (old.length > MAX_AMBIGUOUS) return null
    const seen = new Set<string>()
    const candidates = old.flatMap(newUnits).filter((c) => !seen.has(c.code) && seen.add(c.code))
    return {
      former: { name: first.fullName, level: 'xã' },
      current: null,
      candidates: candidates.slice(0, MAX_CANDIDATES),
      changed: true,
    } satisfies Partial<FoundPlace>
  }

  const resolveOne = (r: RawPlace): Omit<FoundPlace, 'mentioned' | 'start' | 'end' | 'kind'> | null => {
    if (r.kind === 'province') {
      if (!r.entry.old) {
        const p = units.provinces.get(r.entry.code)
        return p ? { current: { code: p.code, name: p.fullName, level: 'tỉnh' }, changed: false } : null
      }
      const old = units.oldProvinces.get(r.entry.code)
      const p = old && units.provinces.get(old.newCode)
      if (!old || !p) return null
      return {
        former: { code: old.code, name: old.fullName, level: 'tỉnh' },
        current: { code: p.code, name: p.fullName, level: 'tỉnh' },
        changed: true,
      }
    }
    if (r.kind === 'district') {
      const target = r.island ? newUnits(r.island)[0] : undefined
      if (r.island && target) return { former: former(r.island, 'huyện'), current: target, changed: true }
      return { current: null, changed: true }
    }
    return resolveCommune(r)
  }

  const out: FoundPlace[] = []
  const seen = new Set<string>()
  for (const r of raw) {
    const resolved = resolveOne(r)
    const first = pt.tokens[r.first]
    const last = pt.tokens[r.last - 1]
    if (!resolved || !first || !last) continue
    const key = [
      r.kind,
      resolved.former?.code,
      resolved.current?.code,
      ...(resolved.candidates ?? []).map((c) => c.code),
    ].join(':')
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      mentioned: pt.text.slice(first.start, last.end),
      kind: r.kind,
      ...resolved,
      start: first.start,
      end: last.end,
    })
  }
  return out
}
