import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity';
import type { Role } from '../accounts/role-membership.entity';
import { hasNotLeft } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { asDate, todayInShanghai } from '../common/dates';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { type Caller, type Grant, toPayload } from './caller';
import type { MeView, RoleView, SignInView } from './dto/auth.dto';
import { WechatClient } from './wechat.client';

interface RoleRow {
  role: Role;
  studio_id: number | null;
  studio_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  jurisdiction_id: number | null;
  jurisdiction_name: string | null;
  apprentice_id: number | null;
  team_member_id: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly wechat: WechatClient,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sign-ins and failed sign-ins are audit entries with the client's IP (recordType "account"). */
  private async audited(
    ip: string | null,
    accountId: number | null,
    ok: boolean,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.recordAlone({
      studioId: null,
      accountId,
      recordType: 'account',
      recordId: accountId ?? 0,
      action: ok ? 'signin' : 'signin_failed',
      before: null,
      after: detail,
      ip,
    });
  }

  async signInWithWechat(code: string, ip: string | null = null): Promise<SignInView> {
    let openid: string;
    try {
      ({ openid } = await this.wechat.code2Session(code));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'WECHAT_SIGNIN_FAILED')
        await this.audited(ip, null, false, { method: 'wechat' });
      throw e;
    }
    const accounts = this.db.getRepository(Account);
    let account = await accounts.findOneBy({ wechatOpenid: openid });
    if (!account) {
      try {
        account = await accounts.save(
          accounts.create({
            wechatOpenid: openid,
            name: '微信用户',
            personId: null,
            username: null,
            createdAt: new Date(),
          }),
        );
        this.logger.log(`new WeChat account ${account.id}`);
      } catch {
        // Two first sign-ins raced on the unique openid: the other one created it.
        account = await accounts.findOneByOrFail({ wechatOpenid: openid });
      }
    }
    await this.audited(ip, account.id, true, { method: 'wechat' });
    return this.issue(account);
  }

  async signInDemo(username: string, ip: string | null = null): Promise<SignInView> {
    this.requireDemo();
    const account = await this.db.getRepository(Account).findOneBy({ username });
    if (!account) {
      await this.audited(ip, null, false, { method: 'demo', username });
      throw new DomainError('NOT_FOUND', '没有这个演示账号');
    }
    await this.audited(ip, account.id, true, { method: 'demo' });
    return this.issue(account);
  }

  async demoAccounts(): Promise<{
    items: { username: string; name: string; roles: RoleView[] }[];
  }> {
    this.requireDemo();
    const accounts = await this.db
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('a.username IS NOT NULL')
      .orderBy('a.id')
      .getMany();
    const roles = await this.roleRows(accounts.map((a) => a.id));
    return {
      items: accounts.map((a) => ({
        username: a.username ?? '',
        name: a.name,
        roles: (roles.get(a.id) ?? []).map(toRoleView),
      })),
    };
  }

  async me(caller: Caller): Promise<MeView> {
    const account = await this.db.getRepository(Account).findOneBy({ id: caller.accountId });
    if (!account) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');
    const roles = await this.roleRows([account.id]);
    return {
      account: { id: account.id, name: account.name, personId: account.personId },
      roles: (roles.get(account.id) ?? []).map(toRoleView),
    };
  }

  /** A fresh token for an account whose roles just changed (e.g. an invitation was redeemed). */
  async reissue(accountId: number): Promise<SignInView> {
    const account = await this.db.getRepository(Account).findOneBy({ id: accountId });
    if (!account) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');
    return this.issue(account);
  }

  private requireDemo(): void {
    // Disabled demo sign-in looks exactly like a route that does not exist.
    if (!this.config.auth.demoLogin) throw new DomainError('NOT_FOUND', '接口或记录不存在');
  }

  private async issue(account: Account): Promise<SignInView> {
    const rows = (await this.roleRows([account.id])).get(account.id) ?? [];
    const grants: Grant[] = rows.map((r) => ({
      role: r.role,
      ...(r.studio_id !== null ? { studioId: r.studio_id } : {}),
      ...(r.unit_id !== null ? { unitId: r.unit_id } : {}),
      ...(r.jurisdiction_id !== null ? { jurisdictionId: r.jurisdiction_id } : {}),
      ...(r.apprentice_id !== null ? { apprenticeId: r.apprentice_id } : {}),
      ...(r.role === 'member' && r.team_member_id !== null ? { memberId: r.team_member_id } : {}),
    }));
    const caller: Caller = { accountId: account.id, personId: account.personId, grants };
    const accessToken = await this.jwt.signAsync(toPayload(caller));
    return {
      accessToken,
      expiresIn: this.config.auth.jwtTtlSeconds,
      account: { id: account.id, name: account.name, personId: account.personId },
      roles: rows.map(toRoleView),
    };
  }

  private async roleRows(accountIds: number[]): Promise<Map<number, RoleRow[]>> {
    const out = new Map<number, RoleRow[]>();
    if (accountIds.length === 0) return out;
    const raw = await this.db
      .createQueryBuilder()
      .select([
        'r.account_id AS account_id',
        'r.role AS role',
        'r.studio_id AS studio_id',
        's.name AS studio_name',
        'r.unit_id AS unit_id',
        'u.name AS unit_name',
      ])
      .addSelect([
        'r.jurisdiction_id AS jurisdiction_id',
        'j.name AS jurisdiction_name',
        'r.apprentice_id AS apprentice_id',
        'r.team_member_id AS team_member_id',
      ])
      .addSelect([
        't.id AS t_id',
        't.left_on AS t_left_on',
        'ap.id AS ap_id',
        'ap.left_on AS ap_left_on',
      ])
      .from('role_memberships', 'r')
      .leftJoin('team_members', 't', 't.id = r.team_member_id')
      .leftJoin('apprentices', 'ap', 'ap.id = r.apprentice_id')
      .leftJoin('studios', 's', 's.id = r.studio_id')
      .leftJoin('units', 'u', 'u.id = r.unit_id')
      .leftJoin('jurisdictions', 'j', 'j.id = r.jurisdiction_id')
      .where('r.account_id IN (:...ids)', { ids: accountIds })
      .orderBy('r.id')
      .getRawMany<Record<string, unknown>>();
    const today = todayInShanghai();
    for (const r of raw) {
      // Member and apprentice roles only while their record exists and has not left (as AccessService.effectiveCaller).
      if (
        r.role === 'member' &&
        (r.t_id === null || r.t_id === undefined || !hasNotLeft(asDate(r.t_left_on), today))
      )
        continue;
      if (
        r.role === 'apprentice' &&
        (r.ap_id === null || r.ap_id === undefined || !hasNotLeft(asDate(r.ap_left_on), today))
      )
        continue;
      const id = Number(r.account_id);
      const row: RoleRow = {
        role: r.role as Role,
        studio_id: num(r.studio_id),
        studio_name: (r.studio_name as string | null) ?? null,
        unit_id: num(r.unit_id),
        unit_name: (r.unit_name as string | null) ?? null,
        jurisdiction_id: num(r.jurisdiction_id),
        jurisdiction_name: (r.jurisdiction_name as string | null) ?? null,
        apprentice_id: num(r.apprentice_id),
        team_member_id: num(r.team_member_id),
      };
      out.set(id, [...(out.get(id) ?? []), row]);
    }
    return out;
  }
}

function toRoleView(r: RoleRow): RoleView {
  return {
    role: r.role,
    ...(r.studio_id !== null ? { studioId: r.studio_id, studioName: r.studio_name ?? '' } : {}),
    ...(r.unit_id !== null ? { unitId: r.unit_id, unitName: r.unit_name ?? '' } : {}),
    ...(r.jurisdiction_id !== null
      ? { jurisdictionId: r.jurisdiction_id, jurisdictionName: r.jurisdiction_name ?? '' }
      : {}),
    ...(r.apprentice_id !== null ? { apprenticeId: r.apprentice_id } : {}),
  };
}
