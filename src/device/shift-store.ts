/** The shift in progress on this device: its plan, the calls finished so far and the estimate. */
import { z } from 'zod';
import { versionedStore, type KeyValueStorage, type VersionedStore } from './store.js';

export const SHIFT_KEY = 'keep-cool:shift';

const ShiftCall = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
  hostile: z.boolean(),
});
const ShiftOutcome = z.strictObject({
  id: z.string().min(1),
  hostile: z.boolean(),
  total: z.number().int().min(0).max(1000),
  ending: z.string().nullable(),
  soured: z.boolean(),
});

export const ShiftState = z.strictObject({
  version: z.literal(1),
  shift: z
    .strictObject({
      seed: z.number().int(),
      calls: z.array(ShiftCall).min(1).max(20),
      outcomes: z.array(ShiftOutcome).max(20),
      /** The trainee's guess at the share of hostile calls, once asked (percent). */
      estimate: z.number().int().min(0).max(100).nullable(),
    })
    .nullable(),
});
export type ShiftState = z.output<typeof ShiftState>;
export type ActiveShift = NonNullable<ShiftState['shift']>;

export function shiftStore(storage: KeyValueStorage): VersionedStore<ShiftState> {
  return versionedStore(
    storage,
    SHIFT_KEY,
    ShiftState,
    () => ({ version: 1 as const, shift: null }),
    'shift',
  );
}
