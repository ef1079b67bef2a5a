import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { FactsLoader } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import type { DashboardItem, DashboardView } from './dto/dashboard.dto';
import type { DashboardQuery } from './dto/dashboard-query.dto';
import { filterDashboard } from './filter';
import { ProgressSnapshots, type SnapshotEntry, type SnapshotScope } from './progress-snapshots';

type Built = { asOf: string; computedAt: string; items: SnapshotEntry[] };

@Injectable()
export class DashboardsService {
  constructor(
    private readonly access: AccessService,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
    private readonly snapshots: ProgressSnapshots,
  ) {}

  async unit(caller: Caller, unitId: number, q: DashboardQuery = {}): Promise<DashboardView> {
    await this.access.requireUnit(caller, unitId);
    return this.page(filterDashboard(await this.build({ unitId }, q.asOf ?? todayInShanghai()), q));
  }

  async jurisdiction(
    caller: Caller,
    jurisdictionId: number,
    q: DashboardQuery = {},
  ): Promise<DashboardView> {
    await this.access.requireJurisdiction(caller, jurisdictionId);
    return this.page(
      filterDashboard(await this.build({ jurisdictionId }, q.asOf ?? todayInShanghai()), q),
    );
  }

  /** The answered rows with their summaries: read from the snapshots for this page only. */
  private async page(
    view: Omit<DashboardView, 'items'> & { items: SnapshotEntry[] },
  ): Promise<DashboardView> {
    const missing = view.items.filter((it) => !it.summary).map((it) => it.studio.id);
    const stored = missing.length ? await this.snapshots.summaries(missing) : new Map();
    // A snapshot deleted meanwhile (its studio removed): computed again rather than dropped.
    const gone = missing.filter((id) => !stored.has(id));
    if (gone.length)
      for (const [id, r] of await this.snapshots.rebuild(gone, view.asOf))
        stored.set(id, r.summary);
    const items = view.items.flatMap((it): DashboardItem[] => {
      const summary = it.summary ?? stored.get(it.studio.id);
      return summary ? [{ studio: it.studio, ...summary, computedAt: it.computedAt }] : [];
    });
    return { ...view, items };
  }

  /**
   * Today's dashboard is read from the progress snapshots (issue 16); another day's is computed
   * live (a look back or ahead is rare, and snapshots are kept for today only). Most at risk first.
   */
  private async build(scope: SnapshotScope, asOf: string): Promise<Built> {
    const items =
      asOf === todayInShanghai()
        ? await this.snapshots.read(scope, asOf)
        : await this.live(scope, asOf);
    items.sort((a, b) => b.risk - a.risk || a.studio.id - b.studio.id);
    const computedAt = items.reduce(
      (oldest, it) => (it.computedAt < oldest ? it.computedAt : oldest),
      new Date().toISOString(),
    );
    return { asOf, computedAt, items };
  }

  /** Ten queries for the whole scope, then evaluate per studio in memory (no snapshot). */
  async live(scope: SnapshotScope, asOf: string): Promise<SnapshotEntry[]> {
    const computedAt = new Date().toISOString();
    const loaded = await this.loader.load(scope, asOf);
    return [...loaded.values()].map(({ head, facts }) => {
      const summary = this.snapshots.summarize(() => this.rules.evaluate(facts, asOf));
      return {
        studio: {
          id: head.id,
          name: head.name,
          status: head.status,
          unitId: head.unitId,
          unitName: head.unitName,
          policyId: head.policyId,
        },
        risk: summary.risk,
        computedAt,
        summary,
      };
    });
  }
}
