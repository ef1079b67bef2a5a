import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { FactsLoader } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import type { DashboardView } from './dto/dashboard.dto';
import type { DashboardQuery } from './dto/dashboard-query.dto';
import { filterDashboard } from './filter';
import { ProgressSnapshots, type SnapshotRow, type SnapshotScope } from './progress-snapshots';

type Built = { asOf: string; computedAt: string; items: SnapshotRow[] };

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
    return filterDashboard(await this.build({ unitId }, q.asOf ?? todayInShanghai()), q);
  }

  async jurisdiction(
    caller: Caller,
    jurisdictionId: number,
    q: DashboardQuery = {},
  ): Promise<DashboardView> {
    await this.access.requireJurisdiction(caller, jurisdictionId);
    return filterDashboard(await this.build({ jurisdictionId }, q.asOf ?? todayInShanghai()), q);
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
  async live(scope: SnapshotScope, asOf: string): Promise<SnapshotRow[]> {
    const computedAt = new Date().toISOString();
    const loaded = await this.loader.load(scope, asOf);
    return [...loaded.values()].map(({ head, facts }) => ({
      studio: {
        id: head.id,
        name: head.name,
        status: head.status,
        unitId: head.unitId,
        unitName: head.unitName,
        policyId: head.policyId,
      },
      ...this.snapshots.summarize(() => this.rules.evaluate(facts, asOf)),
      computedAt,
    }));
  }
}
