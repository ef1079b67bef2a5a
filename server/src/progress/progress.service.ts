import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { notFound } from '../common/domain-error';
import type { AssessmentSheet, Facts } from '@master-studio/shared-rules';
import { RulesService } from '../rules/rules.service';
import { FactsLoader, type LoadedStudio } from './facts.loader';
import { type ExplainedProgress, explainProgress } from './progress-explain';

@Injectable()
export class ProgressService {
  constructor(
    private readonly access: AccessService,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
  ) {}

  async facts(caller: Caller, studioId: number, asOf?: string): Promise<Facts> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.loadOne(studioId, asOf ?? todayInShanghai());
  }

  /** `explain`: absent = summary (counts, no record lists), a target id = that target's lists, `all` = everything. */
  async progress(
    caller: Caller,
    studioId: number,
    asOf?: string,
    explain?: string,
  ): Promise<ExplainedProgress> {
    await this.access.requireStudio(caller, studioId, 'read');
    const day = asOf ?? todayInShanghai();
    return explainProgress(this.rules.evaluate(await this.loadOne(studioId, day), day), explain);
  }

  async assessment(caller: Caller, studioId: number, asOf?: string): Promise<AssessmentSheet> {
    await this.access.requireStudio(caller, studioId, 'read');
    const day = asOf ?? todayInShanghai();
    return this.rules.score(await this.loadOne(studioId, day), day);
  }

  /** For services that have already passed the access check (periods, inside their transaction `m`). */
  async loadOne(studioId: number, asOf: string, m?: EntityManager): Promise<Facts> {
    return (await this.loadEntry(studioId, asOf, m)).facts;
  }

  /** The facts with the undated part they were built from (finalization stores it). */
  async loadEntry(studioId: number, asOf: string, m?: EntityManager): Promise<LoadedStudio> {
    const entry = (await this.loader.load({ studioId }, asOf, m)).get(studioId);
    if (!entry) throw notFound('工作室');
    return entry;
  }
}
