import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getPolicy } from '@master-studio/shared-rules';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { validationFailed } from '../common/domain-error';
import { lockStudio } from '../periods/finalized-lock';
import { RecordStore } from '../records/record-store';
import type { JudgmentView, PutJudgmentDto } from './dto/judgment.dto';
import { Judgment } from './judgment.entity';
import { wholeSeconds } from '../database/sql';

const ITEM_ID = /^[A-Z]{1,3}\d{1,3}$/;
const mapJudgment = (j: Judgment): JudgmentView => ({
  itemId: j.itemId,
  score: Number(j.score),
  note: j.note,
  judgedBy: j.judgedBy,
  judgedAt: new Date(j.judgedAt).toISOString(),
});

@Injectable()
export class JudgmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number): Promise<{ items: JudgmentView[] }> {
    await this.access.requireStudio(caller, studioId, 'read');
    const rows = await this.db
      .getRepository(Judgment)
      .find({ where: { studioId }, order: { itemId: 'ASC' } });
    return { items: rows.map(mapJudgment) };
  }

  /** One score per item: PUT creates or replaces it. Locked while today's period is finalized. */
  async put(
    caller: Caller,
    studioId: number,
    itemId: string,
    dto: PutJudgmentDto,
  ): Promise<JudgmentView> {
    const studio = await this.access.requireStudio(caller, studioId, 'judge');
    if (!ITEM_ID.test(itemId))
      throw validationFailed({ itemId: '考核项目编号格式不正确（如 U10、G6）' });
    // Only the items of the studio's policy: anything else would make the rules reject the studio.
    const { assessment } = getPolicy(studio.policyId);
    const items = assessment.kind === 'items' ? assessment.items.map((i) => i.id) : [];
    if (!items.includes(itemId))
      throw validationFailed({
        itemId: items.length
          ? `本辖区考核表没有该项目（可选：${items.join('、')}）`
          : '本辖区的考核政策没有逐项评分表',
      });
    return this.db.transaction(async (m) => {
      await lockStudio(m, studio.id, 'write');
      await this.records.assertOpen(m, studio.id, [todayInShanghai()]);
      const repo = m.getRepository(Judgment);
      const existing = await repo.findOneBy({ studioId, itemId });
      const before = existing ? mapJudgment(existing) : null;
      const row = existing ?? repo.create({ studioId, itemId });
      Object.assign(row, {
        score: dto.score,
        note: dto.note ?? null,
        judgedBy: caller.accountId,
        judgedAt: wholeSeconds(),
      });
      const saved = await repo.save(row);
      const after = mapJudgment(saved);
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'judgment',
        recordId: saved.id,
        action: existing ? 'update' : 'create',
        before,
        after,
      });
      return after;
    });
  }
}
