import { Injectable } from '@nestjs/common';
import {
  evidenceNeedsOf,
  type FacilityKind,
  RECORD_KINDS,
  type RecordKind,
} from '@master-studio/shared-rules';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { ProgressService } from '../progress/progress.service';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import type { EvidenceSubjectView, ItemEvidenceView, SheetEvidenceView } from './dto/evidence.dto';
import type { Evidence } from './evidence.entity';
import { FACILITY_COLUMN, subjectLabel } from './evidence-subjects';
import { EvidenceService } from './evidence.service';

/**
 * The evidence beside the assessment sheet: for each item whose rule asks for documentary
 * evidence (shared-rules EVIDENCE_NEEDS), the facilities or records it rests on with their
 * files, and 缺少佐证材料 when the item counts something that has no file.
 */
@Injectable()
export class EvidenceSheetService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly progress: ProgressService,
    private readonly evidence: EvidenceService,
  ) {}

  async sheet(caller: Caller, studioId: number, asOf?: string): Promise<SheetEvidenceView> {
    const studio = await this.access.requireStudio(caller, studioId, 'read');
    const sheet = await this.progress.assessment(caller, studioId, asOf);
    const needs = evidenceNeedsOf(studio.policyId);
    const files = await this.evidence.rowsOf(studioId);
    const filesOf = (subject: string, key: string): Evidence[] =>
      files.filter((f) => f.subjectKind === subject && f.subjectKey === key);
    const claimed = await this.claimedFacilities(studioId);
    const out: ItemEvidenceView[] = [];
    for (const item of sheet.items) {
      const mine = needs.filter((n) => n.item === item.id);
      if (mine.length === 0) continue;
      const subjects: EvidenceSubjectView[] = [];
      let missing = false;
      for (const n of mine) {
        if ('facility' in n.of) {
          const f = n.of.facility;
          const fs = filesOf('facility', f);
          subjects.push({
            subject: 'facility',
            key: f,
            label: subjectLabel('facility', f),
            files: fs.map((r) => this.evidence.view(caller, r)),
          });
          if (claimed.has(f) && fs.length === 0) missing = true;
        } else {
          const kind = n.of.records;
          const ids = item.basedOn.filter((b) => /^\d+$/.test(b));
          const labels = await this.recordLabels(studioId, kind, ids);
          for (const id of ids) {
            if (subjects.some((s) => s.subject === kind && s.key === id)) continue;
            const fs = filesOf(kind, id);
            subjects.push({
              subject: kind,
              key: id,
              label: labels.get(id) ?? subjectLabel(kind, id),
              files: fs.map((r) => this.evidence.view(caller, r)),
            });
            if (fs.length === 0) missing = true;
          }
        }
      }
      out.push({
        itemId: item.id,
        needs: mine.map((n) => ({
          what: n.what,
          article: n.article,
          subject: 'facility' in n.of ? 'facility' : n.of.records,
          ...('facility' in n.of ? { facility: n.of.facility } : {}),
        })),
        subjects,
        missing,
      });
    }
    return { policyId: studio.policyId, items: out };
  }

  /** The facilities the studio says it has (a facility not claimed needs no photo). */
  private async claimedFacilities(studioId: number): Promise<Set<FacilityKind>> {
    const [row] = (await this.db.query('SELECT * FROM studios WHERE id = ?', [studioId])) as Record<
      string,
      unknown
    >[];
    const out = new Set<FacilityKind>();
    for (const [f, col] of Object.entries(FACILITY_COLUMN) as [FacilityKind, string][]) {
      const v = row?.[col];
      if (v !== null && v !== undefined && Number(v) > 0) out.add(f);
    }
    return out;
  }

  /** `成果：市级技术能手奖` for the records, from each kind's own view (title or name). */
  private async recordLabels(
    studioId: number,
    kind: RecordKind,
    ids: string[],
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const def = RECORD_DEFINITIONS[kind];
    const rows = await this.db
      .getRepository(def.entity)
      .findBy({ studioId, id: In(ids.map(Number)) } as never);
    const views = (await def.view(this.db.manager, rows as never[])) as Record<string, unknown>[];
    const noun = (RECORD_KINDS[kind] as { appNoun: string }).appNoun;
    return new Map(
      views.map((v) => [
        String(v.id),
        `${noun}：${String(v.title ?? v.name ?? `#${String(v.id)}`)}`,
      ]),
    );
  }
}
