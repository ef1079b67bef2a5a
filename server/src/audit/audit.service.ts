import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { type Page, pageOf, type PageQuery } from '../common/pagination';
import { AuditEntry } from './audit-entry.entity';
import type { AuditAction, AuditView } from './dto/audit.dto';
import type { AuditKind } from '@master-studio/shared-rules';
import { placeholders } from '../database/sql';

@Injectable()
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Called inside the write's transaction, so the change and its audit row commit together. */
  async record(
    m: EntityManager,
    e: {
      studioId: number | null;
      accountId: number;
      recordType: AuditKind;
      recordId: number;
      action: AuditAction;
      before: unknown;
      after: unknown;
    },
  ): Promise<void> {
    await m.insert(AuditEntry, {
      studioId: e.studioId,
      accountId: e.accountId,
      recordType: e.recordType,
      recordId: e.recordId,
      action: e.action,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
      at: new Date(),
    });
  }

  async list(
    caller: Caller,
    studioId: number,
    q: PageQuery & { recordType?: string; recordId?: number },
  ): Promise<Page<AuditView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    const { page, pageSize, skip } = pageOf(q);
    const qb = this.db
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.studioId = :studioId', { studioId });
    if (q.recordType) qb.andWhere('a.recordType = :t', { t: q.recordType });
    if (q.recordId !== undefined) qb.andWhere('a.recordId = :rid', { rid: q.recordId });
    const [rows, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const names = new Map<number, string>();
    const ids = [...new Set(rows.map((r) => r.accountId))];
    if (ids.length) {
      const accounts = (await this.db.query(
        `SELECT id, name FROM accounts WHERE id IN (${placeholders(ids)})`,
        ids,
      )) as { id: number; name: string }[];
      for (const a of accounts) names.set(Number(a.id), a.name);
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        accountId: r.accountId,
        accountName: names.get(r.accountId) ?? null,
        recordType: r.recordType,
        recordId: r.recordId,
        action: r.action,
        before: r.before === null ? null : (JSON.parse(r.before) as unknown),
        after: r.after === null ? null : (JSON.parse(r.after) as unknown),
        at: r.at.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }
}
