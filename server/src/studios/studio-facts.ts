import type { Studio } from './studio.entity';
import type { StudioView } from './dto/studio.dto';

/** The studio's own facts the leader keeps and the unit confirms (issue 11 item 7): they drive U3–U7 and G1–G4. */
export const STUDIO_FACT_FIELDS = [
  'name',
  'areaSqm',
  'hasSign',
  'hasHonoursBoard',
  'rulesPosted',
  'dutiesDefined',
  'hasEquipment',
  'hasFundRules',
] as const satisfies readonly (keyof Studio & keyof StudioView)[];

/** Whether a patch changes any of them (so the unit's confirmation no longer holds). */
export function factsChange(before: StudioView, patch: Partial<Studio>): boolean {
  return STUDIO_FACT_FIELDS.some(
    (k) => k in patch && patch[k] !== undefined && patch[k] !== before[k],
  );
}
