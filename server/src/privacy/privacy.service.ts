import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PRIVACY_NOTICE_VERSION } from '@master-studio/shared-rules';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
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
import { collectExport, iso, requestsWhere } from './privacy-export';

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
    const view = await collectExport(this.db.manager, caller);
    await this.db.transaction((m) =>
      this.audit.record(m, {
        studioId: null,
        accountId: caller.accountId,
        recordType: 'privacy',
        recordId: caller.accountId,
        action: 'export',
        before: null,
        after: { attendance: view.attendance.length, certificates: view.certificates.length },
      }),
    );
    return view;
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
    return (await requestsWhere(this.db.manager, 'r.id = ?', [id]))[0]!;
  }

  async myRequests(caller: Caller): Promise<{ items: PrivacyRequestView[] }> {
    return {
      items: await requestsWhere(this.db.manager, 'r.account_id = ?', [caller.accountId]),
    };
  }

  /** The studio's correction requests, open first: its leader only. */
  async studioRequests(caller: Caller, studioId: number): Promise<{ items: PrivacyRequestView[] }> {
    await this.access.requireStudio(caller, studioId, 'privacy_requests');
    return { items: await requestsWhere(this.db.manager, 'r.studio_id = ?', [studioId]) };
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
    return (await requestsWhere(this.db.manager, 'r.id = ?', [requestId]))[0]!;
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
}
