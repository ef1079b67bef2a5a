import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { type Facts, getPolicy } from '@master-studio/shared-rules';
import { Account } from '../accounts/account.entity';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { notFound, validationFailed } from '../common/domain-error';
import { wholeSeconds } from '../database/sql';
import { lockStudio } from '../periods/finalized-lock';
import { ProgressService } from '../progress/progress.service';
import { RecordStore } from '../records/record-store';
import { AssessmentOverride } from './assessment-override.entity';
import type {
  ItemRecordsView,
  OverrideView,
  PutOverrideDto,
  PutReviewCommentDto,
  ReviewCommentView,
  ReviewView,
} from './dto/review.dto';
import { namedEvidence } from './evidence';
import { nameIdsIn, prefixIds, recordNamer, titleKey, type Titles } from '../exports/record-names';
import { RulesService } from '../rules/rules.service';
import { ReviewNote } from './review-note.entity';

const mapOverride = (o: AssessmentOverride, names: Map<number, string>): OverrideView => ({
  itemId: o.itemId,
  score: Number(o.score),
  reason: o.reason,
  overriddenBy: o.overriddenBy,
  overriddenByName: names.get(o.overriddenBy) ?? '评审',
  overriddenAt: new Date(o.overriddenAt).toISOString(),
});
const mapNote = (n: ReviewNote, names: Map<number, string>): ReviewCommentView => ({
  comment: n.comment,
  reviewedBy: n.reviewedBy,
  reviewedByName: names.get(n.reviewedBy) ?? '评审',
  reviewedAt: new Date(n.reviewedAt).toISOString(),
});

/**
 * The reviewer's meeting form around the assessment sheet: the 评审意见 with who wrote it and
 * when, overrides of item scores with their reasons (scored by shared-rules through
 * Facts.overrides, so the sheet, a finalized period's stored sheet and the exports all carry
 * them), and each item's evidence as named records. Writes are locked once today's period is
 * finalized, like judgments, and audited.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly records: RecordStore,
    private readonly progress: ProgressService,
    private readonly rules: RulesService,
  ) {}

  async get(caller: Caller, studioId: number, asOf?: string): Promise<ReviewView> {
    await this.access.requireStudio(caller, studioId, 'read');
    const m = this.db.manager;
    const [note, overrides] = await Promise.all([
      m.findOneBy(ReviewNote, { studioId }),
      m.find(AssessmentOverride, { where: { studioId }, order: { itemId: 'ASC' } }),
    ]);
    const names = await this.names([
      ...(note ? [note.reviewedBy] : []),
      ...overrides.map((o) => o.overriddenBy),
    ]);
    const day = asOf ?? todayInShanghai();
    const facts = await this.progress.loadOne(studioId, day);
    const evidence = await namedEvidence(m, facts, day);
    return {
      comment: note ? mapNote(note, names) : null,
      overrides: overrides.map((o) => mapOverride(o, names)),
      evidence,
      explanations: this.namedExplanations(facts, day, evidence),
    };
  }

  /** The sheet's explanations with record names instead of ids, as the exported 考核表 prints them. */
  private namedExplanations(
    facts: Facts,
    day: string,
    evidence: ItemRecordsView[],
  ): ReviewView['explanations'] {
    const titles: Titles = new Map();
    for (const r of evidence.flatMap((e) => e.records))
      if (r.kind === 'activity' || r.kind === 'achievement')
        titles.set(titleKey(r.kind === 'activity' ? 'activities' : 'achievements', r.id), r.title);
    const f = prefixIds(facts);
    const name = recordNamer(f, titles);
    return this.rules
      .score(f, day)
      .items.map((it) => ({ itemId: it.id, text: nameIdsIn(it.explanation, name) }));
  }

  async putComment(
    caller: Caller,
    studioId: number,
    dto: PutReviewCommentDto,
  ): Promise<ReviewCommentView> {
    await this.access.requireStudio(caller, studioId, 'judge');
    return this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      await this.records.assertOpen(m, studioId, [todayInShanghai()]);
      const existing = await m.findOneBy(ReviewNote, { studioId });
      const names = await this.names([
        caller.accountId,
        ...(existing ? [existing.reviewedBy] : []),
      ]);
      const before = existing ? mapNote(existing, names) : null;
      const row = existing ?? m.create(ReviewNote, { studioId });
      Object.assign(row, {
        comment: dto.comment,
        reviewedBy: caller.accountId,
        reviewedAt: wholeSeconds(),
      });
      const saved = await m.save(row);
      const after = mapNote(saved, names);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'review',
        recordId: saved.id,
        action: existing ? 'update' : 'create',
        before,
        after,
      });
      return after;
    });
  }

  async putOverride(
    caller: Caller,
    studioId: number,
    itemId: string,
    dto: PutOverrideDto,
  ): Promise<OverrideView> {
    const studio = await this.access.requireStudio(caller, studioId, 'judge');
    const { assessment } = getPolicy(studio.policyId);
    const spec =
      assessment.kind === 'items' ? assessment.items.find((i) => i.id === itemId) : undefined;
    if (!spec)
      throw validationFailed({
        itemId:
          assessment.kind === 'items'
            ? `本辖区考核表没有该项目（可选：${assessment.items.map((i) => i.id).join('、')}）`
            : '本辖区的考核政策没有逐项评分表',
      });
    if (dto.score > spec.max)
      throw validationFailed({ score: `${itemId} 满分 ${spec.max} 分，改定得分不能超过满分` });
    const reason = dto.reason.trim();
    return this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      await this.records.assertOpen(m, studioId, [todayInShanghai()]);
      const existing = await m.findOneBy(AssessmentOverride, { studioId, itemId });
      const names = await this.names([
        caller.accountId,
        ...(existing ? [existing.overriddenBy] : []),
      ]);
      const before = existing ? mapOverride(existing, names) : null;
      const row = existing ?? m.create(AssessmentOverride, { studioId, itemId });
      Object.assign(row, {
        score: dto.score,
        reason,
        overriddenBy: caller.accountId,
        overriddenAt: wholeSeconds(),
      });
      const saved = await m.save(row);
      const after = mapOverride(saved, names);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'override',
        recordId: saved.id,
        action: existing ? 'update' : 'create',
        before,
        after,
      });
      return after;
    });
  }

  async deleteOverride(caller: Caller, studioId: number, itemId: string): Promise<void> {
    await this.access.requireStudio(caller, studioId, 'judge');
    await this.db.transaction(async (m) => {
      await lockStudio(m, studioId, 'write');
      await this.records.assertOpen(m, studioId, [todayInShanghai()]);
      const existing = await m.findOneBy(AssessmentOverride, { studioId, itemId });
      if (!existing) throw notFound('改分');
      const names = await this.names([existing.overriddenBy]);
      await m.delete(AssessmentOverride, { id: existing.id });
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'override',
        recordId: existing.id,
        action: 'delete',
        before: mapOverride(existing, names),
        after: null,
      });
    });
  }

  private async names(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.manager.findBy(Account, { id: In([...new Set(ids)]) });
    return new Map(rows.map((a) => [a.id, a.name]));
  }
}
