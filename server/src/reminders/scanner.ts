import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  addDays,
  daysBetween,
  citeZh,
  deadlineStep,
  rectificationDueOn,
  RECORD_KINDS,
  SIGNABLE_KINDS,
  signoffOverdueBefore,
  stepPhraseZh,
  JUDGED_ITEMS_REMINDER_DAYS,
} from '@master-studio/shared-rules';
import { DataSource } from 'typeorm';
import { asDate, todayInShanghai } from '../common/dates';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { FactsLoader } from '../progress/facts.loader';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import { RulesService } from '../rules/rules.service';
import { type Candidate, type StudioRecipients, studioCandidates } from './candidates';
import { type DigestStudio, digestCandidates } from './digest';
import { deliverAt } from './quiet-hours';
import { Reminder } from './reminder.entities';
import { TEMPLATE_OF } from './reminder-kinds';

type Row = Record<string, unknown>;

export interface ScanResult {
  today: string;
  candidates: number;
}

/**
 * The reminder scan: asks shared-rules about every active studio as of `now`'s day in Shanghai
 * and inserts what is due. The unique key (account, kind, subject, due date, step) makes the
 * insert idempotent: a second scan, a retry or a second process adds nothing already there.
 */
@Injectable()
export class ReminderScanner {
  private readonly log = new Logger('Reminders');

  constructor(
    private readonly db: DataSource,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async scan(now: Date): Promise<ScanResult> {
    const today = todayInShanghai(now);
    const to = await this.recipients(today);
    const out: Candidate[] = [];
    const jurisdictions = (await this.db.query('SELECT id FROM jurisdictions')) as Row[];
    for (const j of jurisdictions) {
      const digest: DigestStudio[] = [];
      const loaded = await this.loader.load({ jurisdictionId: Number(j.id) }, today);
      for (const { head, facts } of loaded.values()) {
        if (head.status === 'revoked' || head.status === 'expired') continue;
        const r = to.get(head.id) ?? { leaders: [], unitContacts: [], reviewers: [] };
        try {
          const progress = this.rules.evaluate(facts, today);
          const assessment = progress.deadlines.find((d) => d.id === 'cycle_assessment');
          const soon =
            assessment &&
            r.reviewers.length > 0 &&
            daysBetween(today, assessment.dueOn) >= 0 &&
            daysBetween(today, assessment.dueOn) <= JUDGED_ITEMS_REMINDER_DAYS;
          const sheet = soon ? this.rules.score(facts, today) : null;
          out.push(...studioCandidates({ id: head.id, name: head.name }, progress, sheet, r));
          digest.push({ id: head.id, name: head.name, unitName: head.unitName, progress });
        } catch (e) {
          this.log.warn(`studio ${head.id} skipped: ${e instanceof Error ? e.message : e}`);
        }
      }
      const reviewers = [...to.values()].find((x) => x.jurisdictionId === Number(j.id))?.reviewers;
      if (reviewers?.length) out.push(...digestCandidates(Number(j.id), today, digest, reviewers));
    }
    out.push(...(await this.activitiesToday(today, to)));
    out.push(...(await this.signoffsWaiting(today, to)));
    out.push(...(await this.rectifications(today, to)));
    await this.insert(out, now);
    return { today, candidates: out.length };
  }

  /** Who holds which role for each studio (apprentices who have left are not told). */
  private async recipients(
    today: string,
  ): Promise<Map<number, StudioRecipients & { apprentices: number[]; jurisdictionId: number }>> {
    const studios = (await this.db.query(
      'SELECT id, unit_id, jurisdiction_id FROM studios',
    )) as Row[];
    const roles = (await this.db.query(
      `SELECT rm.account_id, rm.role, rm.studio_id, rm.unit_id, rm.jurisdiction_id, a.left_on
       FROM role_memberships rm LEFT JOIN apprentices a ON a.id = rm.apprentice_id`,
    )) as Row[];
    const map = new Map<
      number,
      StudioRecipients & { apprentices: number[]; jurisdictionId: number }
    >();
    // Accounts by role and scope, so each studio's recipients are looked up, not searched for.
    const by = new Map<string, number[]>();
    const add = (key: string, acc: number): void => {
      const list = by.get(key);
      if (list) list.push(acc);
      else by.set(key, [acc]);
    };
    for (const g of roles) {
      const acc = Number(g.account_id);
      if (g.role === 'leader') add(`leader:${Number(g.studio_id)}`, acc);
      else if (g.role === 'unit_contact') add(`unit:${Number(g.unit_id)}`, acc);
      else if (g.role === 'reviewer') add(`reviewer:${Number(g.jurisdiction_id)}`, acc);
      else if (g.role === 'apprentice') {
        const left = asDate(g.left_on);
        if (!left || left > today) add(`apprentice:${Number(g.studio_id)}`, acc);
      }
    }
    for (const s of studios) {
      const id = Number(s.id);
      const jurisdictionId = Number(s.jurisdiction_id);
      map.set(id, {
        leaders: by.get(`leader:${id}`) ?? [],
        unitContacts: by.get(`unit:${Number(s.unit_id)}`) ?? [],
        reviewers: by.get(`reviewer:${jurisdictionId}`) ?? [],
        apprentices: by.get(`apprentice:${id}`) ?? [],
        jurisdictionId,
      });
    }
    return map;
  }

  /** An activity dated today: to its studio's apprentices, to check in. */
  private async activitiesToday(
    today: string,
    to: Map<number, { apprentices: number[] }>,
  ): Promise<Candidate[]> {
    const rows = (await this.db.query(
      `SELECT a.id, a.studio_id, a.title, s.name FROM activities a JOIN studios s ON s.id = a.studio_id
       WHERE a.date = ? AND s.status NOT IN ('revoked', 'expired')`,
      [today],
    )) as Row[];
    return rows.flatMap((a) =>
      [...new Set(to.get(Number(a.studio_id))?.apprentices ?? [])].map((accountId) => ({
        accountId,
        kind: 'activity_today' as const,
        subject: `activity:${Number(a.id)}`,
        dueOn: today,
        step: 'day',
        studioId: Number(a.studio_id),
        title: `今天有活动：${String(a.title)}`,
        body: `${String(a.name)}今天开展“${String(a.title)}”，到场后请扫码签到。`,
        route: '/pages/apprentice/checkin/index',
      })),
    );
  }

  /** Records the unit has not signed off 7 days after they happened: one reminder per studio. */
  private async signoffsWaiting(
    today: string,
    to: Map<number, { unitContacts: number[] }>,
  ): Promise<Candidate[]> {
    const before = signoffOverdueBefore(today);
    const waiting = new Map<number, { n: number; oldest: string; name: string }>();
    for (const kind of SIGNABLE_KINDS) {
      const field = (RECORD_KINDS[kind].datedBy as readonly string[])[0];
      if (!field) continue;
      const meta = this.db.getMetadata(RECORD_DEFINITIONS[kind].entity);
      const col = meta.findColumnWithPropertyName(field)?.databaseName;
      if (!col) continue;
      const rows = (await this.db.query(
        `SELECT r.studio_id, COUNT(*) AS n, MIN(r.${col}) AS oldest, s.name
         FROM ${meta.tableName} r JOIN studios s ON s.id = r.studio_id
         LEFT JOIN signoffs so ON so.record_type = ? AND so.record_id = r.id
         WHERE so.id IS NULL AND r.${col} <= ? AND s.status NOT IN ('revoked', 'expired')
         GROUP BY r.studio_id, s.name`,
        [kind, before],
      )) as Row[];
      for (const r of rows) {
        const id = Number(r.studio_id);
        const oldest = asDate(r.oldest) ?? before;
        const w = waiting.get(id) ?? { n: 0, oldest, name: String(r.name) };
        w.n += Number(r.n);
        if (oldest < w.oldest) w.oldest = oldest;
        waiting.set(id, w);
      }
    }
    const out: Candidate[] = [];
    for (const [studioId, w] of waiting) {
      const dueOn = addDays(w.oldest, 7);
      for (const accountId of new Set(to.get(studioId)?.unitContacts ?? []))
        out.push({
          accountId,
          kind: 'signoff',
          subject: `studio:${studioId}`,
          dueOn,
          step: 'd7',
          studioId,
          title: `${w.n} 条记录等待单位确认已超过 7 天`,
          body: `${w.name}有 ${w.n} 条记录等待确认，最早一条日期为 ${w.oldest}。`,
          route: `/pages/unit/studio/index?studioId=${studioId}`,
        });
    }
    return out;
  }

  /** A studio in rectification after a failed assessment: the end of its period (yuzhong 第十一条). */
  private async rectifications(
    today: string,
    to: Map<number, StudioRecipients>,
  ): Promise<Candidate[]> {
    const rows = (await this.db.query(
      `SELECT s.id, s.name, j.policy_id, fp.finalized_at, fp.sheet
       FROM studios s JOIN jurisdictions j ON j.id = s.jurisdiction_id
       JOIN finalized_periods fp ON fp.studio_id = s.id
       WHERE s.status = 'rectification' ORDER BY fp.finalized_at DESC`,
    )) as Row[];
    const out: Candidate[] = [];
    const seen = new Set<number>();
    for (const r of rows) {
      const studioId = Number(r.id);
      if (seen.has(studioId)) continue;
      seen.add(studioId);
      let grade: unknown = null;
      try {
        grade = (JSON.parse(String(r.sheet)) as { grade?: unknown }).grade;
      } catch {
        continue;
      }
      if (grade !== 'fail') continue;
      const failedOn = todayInShanghai(new Date(r.finalized_at as string | Date));
      const due = rectificationDueOn(String(r.policy_id), failedOn);
      const step = due ? deadlineStep(due.dueOn, today) : null;
      if (!due || !step) continue;
      const rs = to.get(studioId);
      for (const accountId of new Set([...(rs?.leaders ?? []), ...(rs?.unitContacts ?? [])]))
        out.push({
          accountId,
          kind: 'rectification',
          subject: `studio:${studioId}`,
          dueOn: due.dueOn,
          step,
          studioId,
          title: `限期整改：${stepPhraseZh(step)}（${due.dueOn} 到期）`,
          body: `${String(r.name)}考核评估不合格（${failedOn} 定稿），整改期至 ${due.dueOn}；整改后仍不合格的取消工作室资格及待遇（${due.article}）。`,
          route: rs?.leaders.includes(accountId)
            ? `/pages/leader/home/index?studioId=${studioId}`
            : `/pages/unit/studio/index?studioId=${studioId}`,
        });
    }
    return out;
  }

  /** INSERT … IGNORE on the unique key, in chunks; muted kinds are left out. */
  private async insert(candidates: Candidate[], now: Date): Promise<void> {
    if (candidates.length === 0) return;
    const muted = new Set(
      ((await this.db.query('SELECT account_id, kind FROM reminder_mutes')) as Row[]).map(
        (m) => `${Number(m.account_id)}:${String(m.kind)}`,
      ),
    );
    const openids = new Set(
      (
        (await this.db.query('SELECT id FROM accounts WHERE wechat_openid IS NOT NULL')) as Row[]
      ).map((a) => Number(a.id)),
    );
    const { templates } = this.config.reminders;
    const at = deliverAt(now).getTime();
    const rows = candidates
      .filter((c) => !muted.has(`${c.accountId}:${c.kind}`))
      .map((c) => ({
        ...c,
        // People read the document's short name (渝中区办法 第十四条), never the policy id.
        title: citeZh(c.title).slice(0, 200),
        body: citeZh(c.body),
        route: c.route.slice(0, 300),
        createdAt: now.getTime(),
        deliverAt: at,
        readAt: null,
        pushStatus: openids.has(c.accountId) && templates[TEMPLATE_OF[c.kind]] ? 'pending' : 'none',
        pushAttempts: 0,
        pushNextAt: null,
        pushError: null,
      }));
    for (let i = 0; i < rows.length; i += 200)
      await this.db
        .createQueryBuilder()
        .insert()
        .into(Reminder)
        .values(rows.slice(i, i + 200))
        .orIgnore()
        .execute();
  }
}
