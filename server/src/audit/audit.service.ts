import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditKind } from '@master-studio/shared-rules';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { forbidden } from '../common/domain-error';
import { type Page, pageOf, type PageQuery } from '../common/pagination';
import { queueProgress } from '../dashboards/progress-queue';
import { wholeSeconds } from '../database/sql';
import { appendEntries, appendEntry, type ChainReport, verifyChain } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';
import type { AuditAction, AuditView } from './dto/audit.dto';

export interface AuditRecord {
  studioId: number | null;
  /** null only for a failed sign-in that names no account. */
  accountId: number | null;
  /** One of shared-rules' AUDIT_KINDS, so `?recordType=` can always filter on it. */
  recordType: AuditKind;
  recordId: number;
  action: AuditAction;
  before: unknown;
  after: unknown;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Called inside the write's transaction, so the change and its audit entry commit together;
   * call it last in the transaction: it holds the chain's lock until the commit (audit-chain.ts).
   */
  async record(m: EntityManager, e: AuditRecord): Promise<void> {
    // Every audited studio write may change its facts: its progress snapshot is rebuilt.
    if (e.studioId !== null) await queueProgress(m, e.studioId);
    const accountName =
      e.accountId === null
        ? null
        : ((
            (await m.query('SELECT name FROM accounts WHERE id = ?', [e.accountId])) as {
              name: string;
            }[]
          )[0]?.name ?? null);
    await appendEntry(this.db, m, {
      studioId: e.studioId,
      accountId: e.accountId,
      accountName,
      recordType: e.recordType,
      recordId: e.recordId,
      action: e.action,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
      at: wholeSeconds(),
      ip: e.ip ?? null,
    });
  }

  /**
   * Many entries at once, in their order, inside the write's transaction (an import: one entry
   * per record, as `record` for each would write, with one lock of the chain and batched INSERTs).
   */
  async recordMany(m: EntityManager, entries: readonly AuditRecord[]): Promise<void> {
    // As in `record`: each studio written is queued once for its progress snapshot.
    for (const studioId of new Set(entries.map((e) => e.studioId)))
      if (studioId !== null) await queueProgress(m, studioId);
    const names = new Map<number, string | null>();
    for (const id of new Set(entries.map((e) => e.accountId))) {
      if (id === null) continue;
      const rows = (await m.query('SELECT name FROM accounts WHERE id = ?', [id])) as {
        name: string;
      }[];
      names.set(id, rows[0]?.name ?? null);
    }
    const at = wholeSeconds();
    await appendEntries(
      this.db,
      m,
      entries.map((e) => ({
        studioId: e.studioId,
        accountId: e.accountId,
        accountName: e.accountId === null ? null : (names.get(e.accountId) ?? null),
        recordType: e.recordType,
        recordId: e.recordId,
        action: e.action,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
        at,
        ip: e.ip ?? null,
      })),
    );
  }

  /** An entry in its own transaction (sign-ins: nothing else is written). */
  async recordAlone(e: AuditRecord): Promise<void> {
    await this.db.transaction((m) => this.record(m, e));
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
    return { items: rows.map(mapAudit), total, page, pageSize };
  }

  /** Reviewers (of any jurisdiction) and operators (admin CLI audit-verify) check the whole chain. */
  async verify(caller: Caller): Promise<ChainReport> {
    if (!caller.grants.some((g) => g.role === 'reviewer'))
      throw forbidden('只有评审账号可以校验审计链');
    return verifyChain(this.db);
  }
}

const mapAudit = (r: AuditEntry): AuditView => ({
  id: r.id,
  accountId: r.accountId,
  accountName: r.accountName,
  recordType: r.recordType,
  recordId: r.recordId,
  action: r.action,
  before: r.before === null ? null : (JSON.parse(r.before) as unknown),
  after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  at: r.at.toISOString(),
  ip: r.ip,
  hash: r.hash,
});
