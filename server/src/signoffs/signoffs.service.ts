import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { isDuplicate } from '../common/db-errors';
import { validationFailed } from '../common/domain-error';
import { type Page, pageOf, type PageQuery } from '../common/pagination';
import { idempotent } from '../common/idempotency';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import type { CreateSignoffDto, SignoffView } from './dto/signoff.dto';
import { Signoff } from './signoff.entity';
import { wholeSeconds } from '../database/sql';
import { todayInShanghai } from '../common/dates';
import { signoffOpensOn, signoffTooEarlyReason } from '@master-studio/shared-rules';

const mapSignoff = (s: Signoff): SignoffView => ({
  id: s.id,
  recordType: s.recordType,
  recordId: s.recordId,
  accountId: s.accountId,
  signedAt: new Date(s.signedAt).toISOString(),
});

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
    const [rows, total] = await this.db
      .getRepository(Signoff)
      .findAndCount({ where: { studioId }, order: { id: 'DESC' }, skip, take: pageSize });
    return { items: rows.map(mapSignoff), total, page, pageSize };
  }

  /** Idempotent: signing a record twice returns the first sign-off (UNIQUE record_type, record_id). */
  async create(
    caller: Caller,
    studioId: number,
    dto: CreateSignoffDto,
  ): Promise<{ signoff: SignoffView; created: boolean }> {
    await this.access.requireStudio(caller, studioId, 'signoff');
    const record = await this.db
      .getRepository(RECORD_DEFINITIONS[dto.recordType].entity)
      .findOneBy({ id: dto.recordId, studioId });
    if (!record) throw validationFailed({ recordId: '本工作室没有这条记录' });
    // A record dated after today has not happened yet: nothing to confirm (shared-rules' rule,
    // which the app applies to its buttons too).
    const opensOn = signoffOpensOn(dto.recordType, record, todayInShanghai());
    if (opensOn) {
      const reason = signoffTooEarlyReason(dto.recordType, opensOn);
      throw validationFailed({ recordId: reason }, reason);
    }
    const repo = this.db.getRepository(Signoff);
    try {
      return await this.db.transaction((m) =>
        idempotent(m, async () => {
          const saved = await m.save(
            Signoff,
            m.create(Signoff, {
              studioId,
              recordType: dto.recordType,
              recordId: dto.recordId,
              accountId: caller.accountId,
              signedAt: wholeSeconds(),
            }),
          );
          const signoff = mapSignoff(saved);
          await this.audit.record(m, {
            studioId,
            accountId: caller.accountId,
            recordType: 'signoff',
            recordId: saved.id,
            action: 'create',
            before: null,
            after: signoff,
          });
          return { signoff, created: true };
        }),
      );
    } catch (e) {
      if (!isDuplicate(e)) throw e; // signed off meanwhile: answer the existing sign-off
    }
    return {
      signoff: mapSignoff(
        await repo.findOneByOrFail({ recordType: dto.recordType, recordId: dto.recordId }),
      ),
      created: false,
    };
  }
}
