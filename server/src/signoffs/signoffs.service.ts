import { Injectable } from '@nestjs/common';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { Achievement } from '../achievements/achievement.entity';
import { Activity } from '../activities/activity.entity';
import { Apprentice } from '../apprentices/apprentice.entity';
import type { Caller } from '../auth/caller';
import { Certificate } from '../certificates/certificate.entity';
import { isDuplicate } from '../common/db-errors';
import { validationFailed } from '../common/domain-error';
import { type Page, pageOf, type PageQuery } from '../common/pagination';
import { StudioDocument } from '../documents/document.entity';
import { FundEntry } from '../funds/fund-entry.entity';
import { TeamMember } from '../members/team-member.entity';
import { idempotent } from '../records/idempotency';
import type { CreateSignoffDto, SignoffView } from './dto/signoff.dto';
import { Signoff } from './signoff.entity';

const ENTITY_OF: Record<CreateSignoffDto['recordType'], EntityTarget<ObjectLiteral>> = {
  member: TeamMember,
  apprentice: Apprentice,
  certificate: Certificate,
  activity: Activity,
  achievement: Achievement,
  fund: FundEntry,
  document: StudioDocument,
};

const mapSignoff = (s: Signoff): SignoffView => ({ id: s.id, recordType: s.recordType, recordId: s.recordId, accountId: s.accountId, signedAt: new Date(s.signedAt).toISOString() });

@Injectable()
export class SignoffsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, studioId: number, q: PageQuery): Promise<Page<SignoffView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    const { page, pageSize, skip } = pageOf(q);
    const [rows, total] = await this.db.getRepository(Signoff).findAndCount({ where: { studioId }, order: { id: 'DESC' }, skip, take: pageSize });
    return { items: rows.map(mapSignoff), total, page, pageSize };
  }

  /** Idempotent: signing a record twice returns the first sign-off (UNIQUE record_type, record_id). */
  async create(caller: Caller, studioId: number, dto: CreateSignoffDto): Promise<{ signoff: SignoffView; created: boolean }> {
    await this.access.requireStudio(caller, studioId, 'signoff');
    if (!(await this.db.getRepository(ENTITY_OF[dto.recordType]).existsBy({ id: dto.recordId, studioId }))) {
      throw validationFailed({ recordId: '本工作室没有这条记录' });
    }
    const repo = this.db.getRepository(Signoff);
    try {
      return await this.db.transaction((m) =>
        idempotent(m, async () => {
          const saved = await m.save(Signoff, m.create(Signoff, { studioId, recordType: dto.recordType, recordId: dto.recordId, accountId: caller.accountId, signedAt: new Date(Math.floor(Date.now() / 1000) * 1000) }));
          const signoff = mapSignoff(saved);
          await this.audit.record(m, { studioId, accountId: caller.accountId, recordType: 'signoff', recordId: saved.id, action: 'create', before: null, after: signoff });
          return { signoff, created: true };
        }),
      );
    } catch (e) {
      if (!isDuplicate(e)) throw e; // signed off meanwhile: answer the existing sign-off
    }
    return { signoff: mapSignoff(await repo.findOneByOrFail({ recordType: dto.recordType, recordId: dto.recordId })), created: false };
  }
}
