import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInShanghai } from '../common/dates';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { FactsLoader } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import type { DashboardItem } from './dto/dashboard.dto';
import { riskOf } from './risk';

/** A studio's dashboard row without its head (name, unit, status: read live, they are cheap). */
export type ProgressSummary = Omit<DashboardItem, 'studio' | 'computedAt'>;

/** A dashboard row with its studio's policy (for the filters) and when it was computed. */
export type SnapshotRow = DashboardItem & { studio: { policyId: string }; computedAt: string };

/**
 * A dashboard row before its summary is read: enough to filter, order and page (the studio, its
 * risk). `summary` is there when it was just computed; otherwise `summaries()` reads it.
 */
export interface SnapshotEntry {
  studio: SnapshotRow['studio'];
  risk: number;
  computedAt: string;
  summary?: ProgressSummary;
}

export type SnapshotScope = { unitId: number } | { jurisdictionId: number };

type Row = Record<string, unknown>;

/** Studios per facts load and per multi-row upsert (bounded statements and memory). */
const CHUNK = 500;
/** Queue rows taken per drain pass, and passes per drain (a read never drains forever). */
const QUEUE_BATCH = 5000;
const QUEUE_PASSES = 10;
/** Stale snapshots rebuilt per background tick (a new day, a new rules version, new studios). */
const SWEEP_BATCH = 200;

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The jurisdiction and unit dashboards' read model (issue 16, dashboards at province scale):
 * one stored summary per studio (targets and their statuses, findings, deadlines, risk) with
 * the shared-rules version, the policy and the day it was computed for, and when.
 *
 * - Writes queue their studio in their own transaction (progress-queue.ts); `drain` rebuilds
 *   the queued studios from fresh facts and then deletes exactly the queue rows it read, so a
 *   write committed meanwhile stays queued. Each process drains every few seconds
 *   (PROGRESS_SNAPSHOT_EVERY_MS) and every dashboard read drains first (read-your-writes).
 * - A snapshot is stale when it is missing, was computed with other rules (RULES_VERSION), for
 *   another policy, or for another day (statuses depend on the date: pace, overdue deadlines).
 *   Reads rebuild the stale ones of their scope before answering; the background tick rebuilds
 *   stale ones in batches, so after midnight or a deploy the first reader rarely waits.
 * - An upsert never replaces a snapshot computed later (computed_ms), so two processes
 *   rebuilding the same studio cannot leave the older answer.
 */
@Injectable()
export class ProgressSnapshots implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProgressSnapshots');
  private timer: NodeJS.Timeout | null = null;
  /** Drains of this process run one after another. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.progressSnapshotEveryMs;
    // sql.js: one process, one connection; reads drain and rebuild, no timer competes with them.
    if (every === 0 || this.db.options.type !== 'mysql') return;
    let running = false; // a slow tick is not overlapped by the next one
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      this.tick()
        .catch((e: unknown) =>
          this.logger.warn(
            `progress snapshot refresh failed: ${e instanceof Error ? e.message : String(e)}`,
          ),
        )
        .finally(() => (running = false));
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One background pass: the queue, then a batch of stale snapshots. */
  async tick(): Promise<void> {
    await this.drain();
    const today = todayInShanghai();
    const rows = (await this.db.query(
      `SELECT s.id FROM studios s LEFT JOIN progress_snapshots p ON p.studio_id = s.id
        JOIN jurisdictions j ON j.id = s.jurisdiction_id
        WHERE p.studio_id IS NULL OR p.as_of <> ? OR p.rules_version <> ? OR p.policy_id <> j.policy_id
        LIMIT ${SWEEP_BATCH}`,
      [today, this.rules.version],
    )) as Row[];
    if (rows.length)
      await this.rebuild(
        rows.map((r) => Number(r.id)),
        today,
      );
  }

  /** Rebuilds the snapshots of every queued studio (as of today) and empties the queue. */
  drain(): Promise<number> {
    const run = this.tail.then(() => this.drainNow());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async drainNow(): Promise<number> {
    let studios = 0;
    for (let pass = 0; pass < QUEUE_PASSES; pass++) {
      const rows = (await this.db.query(
        `SELECT id, studio_id FROM progress_queue ORDER BY id LIMIT ${QUEUE_BATCH}`,
      )) as Row[];
      if (rows.length === 0) break;
      const ids = [...new Set(rows.map((r) => Number(r.studio_id)))];
      await this.rebuild(ids, todayInShanghai());
      studios += ids.length;
      const queueIds = rows.map((r) => Number(r.id));
      for (let i = 0; i < queueIds.length; i += CHUNK) {
        const part = queueIds.slice(i, i + CHUNK);
        await this.db.query(`DELETE FROM progress_queue WHERE id IN (${marks(part.length)})`, part);
      }
      if (rows.length < QUEUE_BATCH) break;
    }
    return studios;
  }

  /**
   * The scope's dashboard rows as of `asOf` (today: the only day snapshots are kept for), from
   * the snapshots; queued, missing and stale ones are rebuilt first. Summaries are not read
   * here: the caller pages first, then reads the page's (`summaries`).
   */
  async read(scope: SnapshotScope, asOf: string): Promise<SnapshotEntry[]> {
    await this.drain();
    const [where, param] =
      'unitId' in scope
        ? ['s.unit_id = ?', scope.unitId]
        : ['s.jurisdiction_id = ?', scope.jurisdictionId];
    // The same studios as FactsLoader's (a leader is required), with their snapshot if any.
    const rows = (await this.db.query(
      `SELECT s.id, s.name, s.status, s.unit_id, u.name AS unit_name, j.policy_id,
              p.rules_version, p.policy_id AS snapshot_policy, p.as_of, p.computed_ms, p.risk
         FROM studios s JOIN units u ON u.id = s.unit_id JOIN jurisdictions j ON j.id = s.jurisdiction_id
         JOIN people lp ON lp.id = s.leader_person_id
         LEFT JOIN progress_snapshots p ON p.studio_id = s.id
        WHERE ${where} ORDER BY s.id`,
      [param],
    )) as Row[];
    const version = this.rules.version;
    const stale = rows
      .filter(
        (r) =>
          r.computed_ms == null ||
          r.rules_version !== version ||
          r.as_of !== asOf ||
          r.snapshot_policy !== r.policy_id,
      )
      .map((r) => Number(r.id));
    const rebuilt = await this.rebuild(stale, asOf);
    return rows.map((r) => {
      const id = Number(r.id);
      const fresh = rebuilt.get(id);
      return {
        studio: {
          id,
          name: String(r.name),
          status: String(r.status),
          unitId: Number(r.unit_id),
          unitName: String(r.unit_name),
          policyId: String(r.policy_id),
        },
        risk: fresh ? fresh.summary.risk : Number(r.risk),
        computedAt: new Date(fresh ? fresh.computedMs : Number(r.computed_ms)).toISOString(),
        ...(fresh ? { summary: fresh.summary } : {}),
      };
    });
  }

  /** The stored summaries of these studios (a page of a dashboard). */
  async summaries(studioIds: number[]): Promise<Map<number, ProgressSummary>> {
    const out = new Map<number, ProgressSummary>();
    for (let i = 0; i < studioIds.length; i += CHUNK) {
      const part = studioIds.slice(i, i + CHUNK);
      const rows = (await this.db.query(
        `SELECT studio_id, summary FROM progress_snapshots WHERE studio_id IN (${marks(part.length)})`,
        part,
      )) as Row[];
      for (const r of rows)
        out.set(Number(r.studio_id), JSON.parse(String(r.summary)) as ProgressSummary);
    }
    return out;
  }

  /** Computes and stores the studios' summaries as of `asOf`; answers what it computed. */
  async rebuild(
    studioIds: number[],
    asOf: string,
  ): Promise<Map<number, { summary: ProgressSummary; computedMs: number }>> {
    const out = new Map<number, { summary: ProgressSummary; computedMs: number }>();
    const version = this.rules.version;
    for (let i = 0; i < studioIds.length; i += CHUNK) {
      const computedMs = Date.now(); // before the facts are read: a later computation wins
      const loaded = await this.loader.load({ studioIds: studioIds.slice(i, i + CHUNK) }, asOf);
      const values: unknown[] = [];
      for (const { head, facts } of loaded.values()) {
        const summary = this.summarize(() => this.rules.evaluate(facts, asOf));
        out.set(head.id, { summary, computedMs });
        values.push(
          head.id,
          version,
          head.policyId,
          asOf,
          computedMs,
          summary.risk,
          JSON.stringify(summary),
        );
      }
      if (values.length) await this.upsert(values);
    }
    return out;
  }

  /** A studio's summary, or its error row when its facts cannot be evaluated. */
  summarize(evaluate: () => ReturnType<RulesService['evaluate']>): ProgressSummary {
    try {
      return riskOf(evaluate());
    } catch (e) {
      return {
        targets: [],
        requiredFindings: 0,
        overdueDeadlines: 0,
        deadlines: [],
        risk: Number.MAX_SAFE_INTEGER,
        error: e instanceof Error ? e.message : String(e),
      };
    }
  }

  /** One multi-row upsert; a row never replaces one computed later (computed_ms, set last). */
  private async upsert(values: unknown[]): Promise<void> {
    const n = values.length / 7;
    const rows = Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const cols = '(studio_id, rules_version, policy_id, as_of, computed_ms, risk, summary)';
    if (this.db.options.type === 'mysql') {
      // MySQL assigns left to right: computed_ms last, so the others compare with the old one.
      const keep = (c: string): string =>
        `${c} = IF(VALUES(computed_ms) >= computed_ms, VALUES(${c}), ${c})`;
      await this.db.query(
        `INSERT INTO progress_snapshots ${cols} VALUES ${rows} ON DUPLICATE KEY UPDATE
           ${['rules_version', 'policy_id', 'as_of', 'risk', 'summary', 'computed_ms'].map(keep).join(', ')}`,
        values,
      );
      return;
    }
    await this.db.query(
      `INSERT INTO progress_snapshots ${cols} VALUES ${rows} ON CONFLICT (studio_id) DO UPDATE SET
         rules_version = excluded.rules_version, policy_id = excluded.policy_id, as_of = excluded.as_of,
         risk = excluded.risk, summary = excluded.summary, computed_ms = excluded.computed_ms
       WHERE excluded.computed_ms >= progress_snapshots.computed_ms`,
      values,
    );
  }
}
