import { useMemo } from 'react';
import { describeError } from '@/services/errors';
import { previewFailure } from '@/lib/form-messages';
import { diffProgress, withDraft, withEdit, type Draft } from '@/lib/preview';
import { RECORD_TYPES, type FormValues, type RecordCtx, type RecordDef } from '@/lib/records';
import { evaluateOnDevice, scoreOnDevice } from '@/lib/rules';
import { diffSheet, type SheetDiff } from '@/lib/sheet-diff';
import type { RecordType } from '@/services/studio-api';

type Facts = Parameters<typeof evaluateOnDevice>[0];
type Progress = ReturnType<typeof evaluateOnDevice>;

export type Preview =
  | { error: string }
  | { empty: true }
  | { diff: ReturnType<typeof diffProgress>; after: Progress; sheet: SheetDiff | null };

/**
 * What saving the draft changes in the targets (shared-rules on the device). The targets as
 * they stand are evaluated once per facts load, not on every keystroke; the draft's effect is
 * recomputed when the values change. null while there is nothing to preview.
 */
export function usePreview(opts: {
  facts: Facts | undefined;
  today: string;
  type: RecordType;
  def: RecordDef;
  values: FormValues;
  ctx: RecordCtx;
  hasErrors: boolean;
  editing: boolean;
  saved: (Record<string, unknown> & { id: number }) | null | undefined;
  originalName: string | undefined;
}): Preview | null {
  const { facts, today, type, def, values, ctx, hasErrors, editing, saved, originalName } = opts;
  const before = useMemo(() => {
    if (!facts) return null;
    try {
      return evaluateOnDevice(facts, today);
    } catch (e) {
      return { error: previewFailure('facts', describeError(e)) };
    }
  }, [facts, today]);
  // The sheet as it stands; a failure here leaves the targets' preview intact.
  const sheetBefore = useMemo(() => {
    if (!facts) return null;
    try {
      return scoreOnDevice(facts, today);
    } catch {
      return null;
    }
  }, [facts, today]);
  return useMemo(() => {
    if (!facts || !before || hasErrors || (editing && !saved)) return null;
    const draft = def.toDraft(values, ctx);
    if (!draft && !editing) return { empty: true as const };
    if ('error' in before) return before;
    try {
      // An edit replaces the record in the facts; a create adds it.
      const next =
        editing && saved
          ? withEdit(
              facts,
              { type: RECORD_TYPES[type].fact, id: String(saved.id), name: originalName },
              draft,
            )
          : withDraft(facts, draft as Draft);
      const after = evaluateOnDevice(next, today);
      let sheet: SheetDiff | null = null;
      try {
        sheet = sheetBefore ? diffSheet(sheetBefore, scoreOnDevice(next, today)) : null;
      } catch {
        sheet = null;
      }
      return { diff: diffProgress(before, after), after, sheet };
    } catch (e) {
      // Say which step failed (issue 11 item 13), not a bare error text.
      return { error: previewFailure('evaluate', describeError(e)) };
    }
  }, [facts, before, sheetBefore, saved, JSON.stringify(values)]);
}
