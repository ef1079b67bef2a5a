import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { FactsLoader, type FactsScope } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import { riskOf } from './risk';
import type { DashboardItem, DashboardView } from './dto/dashboard.dto';
import type { DashboardQuery } from './dto/dashboard-query.dto';
import { filterDashboard } from './filter';

type Row = DashboardItem & { studio: { policyId: string } };

@Injectable()
export class DashboardsService {
  constructor(
    private readonly access: AccessService,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
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

  /** Nine queries for the whole scope, then evaluate per studio in memory; most at risk first. */
  private async build(scope: FactsScope, asOf: string): Promise<{ asOf: string; items: Row[] }> {
    const loaded = await this.loader.load(scope, asOf);
    const items: Row[] = [];
    for (const { head, facts } of loaded.values()) {
      const studio = {
        id: head.id,
        name: head.name,
        status: head.status,
        unitId: head.unitId,
        unitName: head.unitName,
        policyId: head.policyId,
      };
      try {
        items.push({ studio, ...riskOf(this.rules.evaluate(facts, asOf)) });
      } catch (e) {
        items.push({
          studio,
          targets: [],
          requiredFindings: 0,
          overdueDeadlines: 0,
          deadlines: [],
          risk: Number.MAX_SAFE_INTEGER,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    items.sort((a, b) => b.risk - a.risk || a.studio.id - b.studio.id);
    return { asOf, items };
  }
}
