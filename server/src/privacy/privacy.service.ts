import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { asDate } from '../common/dates';
import { DomainError, notFound, validationFailed } from '../common/domain-error';
import { wholeSeconds } from '../database/sql';
import type {
  ConsentDto,
  CorrectionDto,
  DeletionView,
  PrivacyExportView,
  PrivacyRequestView,
  PrivacyStatusView,
} from './dto/privacy.dto';
import { erasePerson } from './erasure';
import { ID_CARD_NUMBER } from './field-cipher';

/** The app keeps no ID-card number (issue 17 §4): refused in the free text of a request too. */
const refuseIdCard = (field: string, text: string): void => {
  if (ID_CARD_NUMBER.test(text))
    throw validationFailed({ [field]: '请不要填写身份证号码：本应用不保存身份证号' });
};
import { PrivacyConsent, PrivacyRequest } from './privacy.entities';

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string | Date).toISOString();

/** Notice and consent, and the person's rights over their own data (个人信息保护法 第四十四至四十七条). */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async status(caller: Caller): Promise<PrivacyStatusView> {
    const last = await this.db
      .getRepository(PrivacyConsent)
      .findOne({ where: { accountId: caller.accountId }, order: { id: 'DESC' } });
    return {
      version: PRIVACY_NOTICE_VERSION,
      consentedVersion: last?.version ?? null,
      consentedAt: iso(last?.consentedAt),
      needsConsent: last?.version !== PRIVACY_NOTICE_VERSION,
    };
  }

  /** Records consent to the current notice with its version (again for a repeated tap: each is a record). */
  async consent(caller: Caller, dto: ConsentDto): Promise<PrivacyStatusView> {
    await this.db.transaction(async (m) => {
      const saved = await m.save(
        PrivacyConsent,
        m.create(PrivacyConsent, {
          accountId: caller.accountId,
          version: dto.version,
          channel: dto.channel,
          consentedAt: wholeSeconds(),
        }),
      );
      await this.audit.record(m, {
        studioId: null,
        accountId: caller.accountId,
        recordType: 'privacy',
        recordId: saved.id,
        action: 'consent',
        before: null,
        after: { version: dto.version, channel: dto.channel },
      });
    });
    return this.status(caller);
  }

  /** Everything held about the caller, as JSON (第四十五条: to see and to copy one's data). */
  async export(caller: Caller): Promise<PrivacyExportView> {
    const q = (sql: string, p: unknown[]): Promise<Row[]> => this.db.query(sql, p);
    const pid = caller.personId ?? -1;
    const [account] = await q(
      'SELECT id, name, username, wechat_openid, created_at FROM accounts WHERE id = ?',
      [caller.accountId],
    );
    const [person] = await q(
      'SELECT name, birth_date, retirement_category, skill_level FROM people WHERE id = ?',
      [pid],
    );
    const roles = await q(
      `SELECT r.role, s.name AS studio, u.name AS unit, j.name AS jurisdiction FROM role_memberships r
         LEFT JOIN studios s ON s.id = r.studio_id LEFT JOIN units u ON u.id = r.unit_id
         LEFT JOIN jurisdictions j ON j.id = r.jurisdiction_id WHERE r.account_id = ? ORDER BY r.id`,
      [caller.accountId],
    );
    const apprenticeships = await q(
      `SELECT s.name AS studio, a.joined_on, a.agreement_signed_on, a.left_on FROM apprentices a
         JOIN studios s ON s.id = a.studio_id WHERE a.person_id = ? ORDER BY a.id`,
      [pid],
    );
    const memberships = await q(
      `SELECT s.name AS studio, m.full_time, m.years_in_trade, m.joined_on, m.left_on FROM team_members m
         JOIN studios s ON s.id = m.studio_id WHERE m.person_id = ? ORDER BY m.id`,
      [pid],
    );
    const attendance = await q(
      `SELECT s.name AS studio, a.title, a.kind, a.date, t.checked_in_at, t.source FROM attendance t
         JOIN activities a ON a.id = t.activity_id JOIN studios s ON s.id = t.studio_id
        WHERE t.person_id = ? ORDER BY a.date, t.id`,
      [pid],
    );
    const certificates = await q(
      `SELECT s.name AS studio, c.level, c.awarded_on, c.number FROM certificates c
         JOIN apprentices a ON a.id = c.apprentice_id JOIN studios s ON s.id = c.studio_id
        WHERE a.person_id = ? ORDER BY c.awarded_on, c.id`,
      [pid],
    );
    const consents = await q(
      'SELECT version, channel, consented_at FROM privacy_consents WHERE account_id = ? ORDER BY id',
      [caller.accountId],
    );
    const requests = await this.requestsWhere(this.db.manager, 'r.account_id = ?', [
      caller.accountId,
    ]);
    await this.db.transaction((m) =>
      this.audit.record(m, {
        studioId: null,
        accountId: caller.accountId,
        recordType: 'privacy',
        recordId: caller.accountId,
        action: 'export',
        before: null,
        after: { attendance: attendance.length, certificates: certificates.length },
      }),
    );
    return {
      noticeVersion: PRIVACY_NOTICE_VERSION,
      exportedAt: new Date().toISOString(),
      account: {
        name: account?.name ?? null,
        username: account?.username ?? null,
        wechatLinked: account?.wechat_openid != null,
        createdAt: iso(account?.created_at),
      },
      person: person
        ? {
            name: person.name,
            birthDate: asDate(person.birth_date),
            retirementCategory: person.retirement_category ?? null,
            skillLevel: person.skill_level ?? null,
          }
        : null,
      roles: roles.map((r) => ({
        role: r.role,
        studio: r.studio ?? null,
        unit: r.unit ?? null,
        jurisdiction: r.jurisdiction ?? null,
      })),
      apprenticeships: apprenticeships.map((r) => ({
        studio: r.studio,
        joinedOn: asDate(r.joined_on),
        agreementSignedOn: asDate(r.agreement_signed_on),
        leftOn: asDate(r.left_on),
      })),
      memberships: memberships.map((r) => ({
        studio: r.studio,
        fullTime: Boolean(Number(r.full_time)),
        yearsInTrade: r.years_in_trade === null ? null : Number(r.years_in_trade),
        joinedOn: asDate(r.joined_on),
        leftOn: asDate(r.left_on),
      })),
      attendance: attendance.map((r) => ({
        studio: r.studio,
        activity: r.title,
        kind: r.kind,
        date: asDate(r.date),
        checkedInAt: iso(r.checked_in_at),
        source: r.source,
      })),
      certificates: certificates.map((r) => ({
        studio: r.studio,
        level: r.level,
        awardedOn: asDate(r.awarded_on),
        number: r.number ?? null,
      })),
      consents: consents.map((r) => ({
        version: r.version,
        channel: r.channel,
        consentedAt: iso(r.consented_at),
      })),
      requests,
    };
  }

  /** A correction request goes to the leader of the caller's studio (第四十六条). */
  async requestCorrection(caller: Caller, dto: CorrectionDto): Promise<PrivacyRequestView> {
    refuseIdCard('message', dto.message);
    const mine = [
      ...new Set(
        caller.grants
          .filter((g) => g.role === 'apprentice' || g.role === 'member' || g.role === 'leader')
          .map((g) => g.studioId)
          .filter((s): s is number => s !== undefined),
      ),
    ];
    if (mine.length === 0)
      throw new DomainError(
        'PRIVACY_NO_STUDIO',
        '您不属于任何工作室，请联系邀请您的人社部门更正信息',
      );
    const studioId = dto.studioId ?? (mine.length === 1 ? mine[0] : undefined);
    if (studioId === undefined)
      throw validationFailed({ studioId: '您属于多个工作室，请选择向哪个工作室提出更正' });
    if (!mine.includes(studioId)) throw notFound('工作室');
    const id = await this.db.transaction(async (m) => {
      const saved = await m.save(
        PrivacyRequest,
        m.create(PrivacyRequest, {
          accountId: caller.accountId,
          studioId,
          kind: 'correction',
          status: 'open',
          message: dto.message,
          outcome: null,
          createdAt: wholeSeconds(),
          resolvedAt: null,
          resolvedBy: null,
          resolution: null,
        }),
      );
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'privacy',
        recordId: saved.id,
        action: 'request',
        before: null,
        after: { kind: 'correction' },
      });
      return saved.id;
    });
    return (await this.requestsWhere(this.db.manager, 'r.id = ?', [id]))[0]!;
  }

  async myRequests(caller: Caller): Promise<{ items: PrivacyRequestView[] }> {
    return {
      items: await this.requestsWhere(this.db.manager, 'r.account_id = ?', [caller.accountId]),
    };
  }

  /** The studio's correction requests, open first: its leader only. */
  async studioRequests(caller: Caller, studioId: number): Promise<{ items: PrivacyRequestView[] }> {
    await this.access.requireStudio(caller, studioId, 'privacy_requests');
    return { items: await this.requestsWhere(this.db.manager, 'r.studio_id = ?', [studioId]) };
  }

  async resolve(
    caller: Caller,
    studioId: number,
    requestId: number,
    resolution: string,
  ): Promise<PrivacyRequestView> {
    await this.access.requireStudio(caller, studioId, 'privacy_requests');
    refuseIdCard('resolution', resolution);
    await this.db.transaction(async (m) => {
      const req = await m.findOneBy(PrivacyRequest, { id: requestId, studioId });
      if (!req) throw notFound('更正请求');
      if (req.status === 'done') return;
      await m.update(
        PrivacyRequest,
        { id: requestId },
        { status: 'done', resolvedAt: wholeSeconds(), resolvedBy: caller.accountId, resolution },
      );
      await this.audit.record(m, {
        studioId,
        accountId: caller.accountId,
        recordType: 'privacy',
        recordId: requestId,
        action: 'resolve',
        before: { status: 'open' },
        after: { status: 'done' },
      });
    });
    return (await this.requestsWhere(this.db.manager, 'r.id = ?', [requestId]))[0]!;
  }

  /** Deletion at the caller's request, carried out now (erasure.ts); says what was kept and why. */
  async requestDeletion(caller: Caller): Promise<DeletionView> {
    return this.db.transaction(async (m) => {
      const outcome = await erasePerson(m, caller.accountId, caller.personId);
      const saved = await m.save(
        PrivacyRequest,
        m.create(PrivacyRequest, {
          accountId: caller.accountId,
          studioId: null,
          kind: 'deletion',
          status: 'done',
          message: null,
          outcome: JSON.stringify(outcome),
          createdAt: wholeSeconds(),
          resolvedAt: wholeSeconds(),
          resolvedBy: caller.accountId,
          resolution: null,
        }),
      );
      await this.audit.record(m, {
        studioId: null,
        accountId: caller.accountId,
        recordType: 'privacy',
        recordId: saved.id,
        action: 'erase',
        before: null,
        after: {
          removed: outcome.removed.map((i) => [i.what, i.count]),
          kept: outcome.kept.map((i) => [i.what, i.count]),
        },
      });
      return { requestId: saved.id, ...outcome };
    });
  }

  private async requestsWhere(
    m: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<PrivacyRequestView[]> {
    const rows = (await m.query(
      `SELECT r.id, r.kind, r.status, r.studio_id, a.name AS requester, r.message, r.created_at, r.resolved_at, r.resolution
         FROM privacy_requests r JOIN accounts a ON a.id = r.account_id
        WHERE ${where} ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.id DESC`,
      params,
    )) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind) as PrivacyRequestView['kind'],
      status: String(r.status) as PrivacyRequestView['status'],
      studioId: r.studio_id === null ? null : Number(r.studio_id),
      requesterName: String(r.requester),
      message: (r.message as string | null) ?? null,
      createdAt: iso(r.created_at) ?? '',
      resolvedAt: iso(r.resolved_at),
      resolution: (r.resolution as string | null) ?? null,
    }));
  }
}
