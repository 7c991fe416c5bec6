/**
 * The shape of `knowledge/data/admin-units.json`, the compact list of Vietnam's administrative
 * units after the 2025 reform (34 provinces, their communes and wards) and the old units
 * (63 provinces, communes, the five island districts) each mapped to the new unit(s) it went
 * into. Rows are tuples to keep the file small; `load-admin-units.ts` validates and expands them.
 * @module
 */
import { z } from 'zod'

const ZCode = z.string().regex(/^\d{2,5}$/)
const ZName = z.string().min(1)
/** New codes an old unit went into, space-separated ("00008 00025" for a commune that was split). */
const ZCodeList = z.string().regex(/^\d{2,5}( \d{2,5})*$/)

const ZSourceDataset = z
  .object({
    /** Dataset as its publisher names it (repository and build or release). */
    name: ZName,
    what: ZName,
    licence: ZName,
    copyright: ZName,
  })
  .strict()

export const ZAdminUnitsFile = z
  .object({
    source: z
      .object({
        /** Short Vietnamese name of the source used in answers. */
        title: ZName,
        /** Date the two-level local government (province, commune) took effect. */
        reformDate: z.iso.date(),
        units: ZSourceDataset,
        mapping: ZSourceDataset,
      })
      .strict(),
    /** [code, name, full name] of the current provinces and centrally-run cities. */
    provinces: z.array(z.tuple([ZCode, ZName, ZName])),
    /** [code, name, full name, province code] of the current communes, wards and special zones. */
    communes: z.array(z.tuple([ZCode, ZName, ZName, ZCode])),
    /** [old code, old full name, new province code] of the 63 provinces before 2025-07-01. */
    oldProvinces: z.array(z.tuple([ZCode, ZName, ZCode])),
    /** [old code, old full name, old province code, new codes] of districts that became one new unit. */
    oldDistricts: z.array(z.tuple([ZCode, ZName, ZCode, ZCodeList])),
    /** [old code, old full name, old province code, new codes] of the communes before 2025-07-01. */
    oldCommunes: z.array(z.tuple([ZCode, ZName, ZCode, ZCodeList])),
  })
  .strict()

export type AdminUnitsFile = z.infer<typeof ZAdminUnitsFile>
