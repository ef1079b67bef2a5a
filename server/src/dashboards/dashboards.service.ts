import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { FactsLoader, type FactsScope } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import { riskOf } from './risk';
import type { DashboardItem, DashboardView } from './dto/dashboard.dto';

@Injectable()
export class DashboardsService {
  constructor(
    private readonly access: AccessService,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
  ) {}

  async unit(caller: Caller, unitId: number, asOf?: string): Promise<DashboardView> {
    await this.access.requireUnit(caller, unitId);
    return this.build({ unitId }, asOf ?? todayInShanghai());
  }

  async jurisdiction(
    caller: Caller,
    jurisdictionId: number,
    asOf?: string,
  ): Promise<DashboardView> {
    await this.access.requireJurisdiction(caller, jurisdictionId);
    return this.build({ jurisdictionId }, asOf ?? todayInShanghai());
  }

  /** Nine queries for the whole scope, then evaluate per studio in memory; most at risk first. */
  private async build(scope: FactsScope, asOf: string): Promise<DashboardView> {
    const loaded = await this.loader.load(scope, asOf);
    const items: DashboardItem[] = [];
    for (const { head, facts } of loaded.values()) {
      const studio = {
        id: head.id,
        name: head.name,
        status: head.status,
        unitId: head.unitId,
        unitName: head.unitName,
      };
      try {
        items.push({ studio, ...riskOf(this.rules.evaluate(facts, asOf)) });
      } catch (e) {
        items.push({
          studio,
          targets: [],
          requiredFindings: 0,
          overdueDeadlines: 0,
          risk: Number.MAX_SAFE_INTEGER,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    items.sort((a, b) => b.risk - a.risk || a.studio.id - b.studio.id);
    return { asOf, items };
  }
}
