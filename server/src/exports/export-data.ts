/**
 * What the forms read, through the existing loaders: FactsLoader for the rules' facts,
 * studioQuery/mapStudio for the studio card, each record kind's RecordSpec.view for its rows
 * (names joined as the record APIs show them). Callers have passed the access check.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type AssessmentSheet,
  type Facts,
  type Progress,
  type RecordKind,
} from '@master-studio/shared-rules';
import { Person } from '../accounts/person.entity';
import { Activity } from '../activities/activity.entity';
import type { ActivityView } from '../activities/dto/activity.dto';
import { Attendance } from '../checkin/attendance.entity';
import { notFound } from '../common/domain-error';
import { FactsLoader, type FactsScope, type StudioHead } from '../progress/facts.loader';
import { RulesService } from '../rules/rules.service';
import type { StudioView } from '../studios/dto/studio.dto';
import { mapStudio, studioQuery } from '../database/studio-row';
import { RECORD_DEFINITIONS } from '../records/record-kinds';
import type { AchievementView } from '../achievements/dto/achievement.dto';
import type { ApprenticeView } from '../apprentices/dto/apprentice.dto';
import type { CertificateView } from '../certificates/dto/certificate.dto';
import type { DocumentView } from '../documents/dto/document.dto';
import type { FundView } from '../funds/dto/fund.dto';
import type { MemberView } from '../members/dto/member.dto';
import { prefixIds, recordNamer, titleKey, type Titles } from './record-names';

export interface ScoredStudio {
  head: StudioHead;
  /** Facts with collection-prefixed ids (record-names.ts). */
  facts: Facts;
  sheet: AssessmentSheet;
  progress: Progress;
  name: (ref: string) => string;
}

export interface UnscoredStudio {
  head: StudioHead;
  /** Why the rules could not score it (e.g. the leader's birth date is missing). */
  error: string;
}

export interface AttendanceRow {
  activityId: number;
  personId: number;
  name: string;
  checkedInAt: Date;
}

@Injectable()
export class ExportData {
  constructor(
    private readonly db: DataSource,
    private readonly loader: FactsLoader,
    private readonly rules: RulesService,
  ) {}

  async studio(studioId: number): Promise<StudioView> {
    const row = await studioQuery(this.db.manager)
      .where('s.id = :id', { id: studioId })
      .getRawOne<Record<string, unknown>>();
    if (!row) throw notFound('工作室');
    return mapStudio(row);
  }

  /** Every record of one kind, as its API shows it (oldest first). */
  async records<V>(kind: RecordKind, studioId: number): Promise<V[]> {
    const def = RECORD_DEFINITIONS[kind];
    const rows = (await this.db
      .getRepository(def.entity)
      .createQueryBuilder('r')
      .where('r.studioId = :studioId', { studioId })
      .orderBy('r.id', 'ASC')
      .getMany()) as unknown[];
    return (await def.view(this.db.manager, rows)) as V[];
  }

  members = (studioId: number) => this.records<MemberView>('member', studioId);
  apprentices = (studioId: number) => this.records<ApprenticeView>('apprentice', studioId);
  certificates = (studioId: number) => this.records<CertificateView>('certificate', studioId);
  activities = (studioId: number) => this.records<ActivityView>('activity', studioId);
  achievements = (studioId: number) => this.records<AchievementView>('achievement', studioId);
  funds = (studioId: number) => this.records<FundView>('fund', studioId);
  documents = (studioId: number) => this.records<DocumentView>('document', studioId);

  async activity(studioId: number, activityId: number): Promise<ActivityView> {
    const row = await this.db.getRepository(Activity).findOneBy({ id: activityId, studioId });
    if (!row) throw notFound('活动');
    return (await RECORD_DEFINITIONS.activity.view(this.db.manager, [row]))[0] as ActivityView;
  }

  /** Check-ins of the given activities with the person's name, in check-in order. */
  async attendance(studioId: number, activityIds: number[]): Promise<AttendanceRow[]> {
    if (!activityIds.length) return [];
    const rows = await this.db
      .getRepository(Attendance)
      .createQueryBuilder('a')
      .innerJoin(Person, 'p', 'p.id = a.personId')
      .select([
        'a.activity_id AS activity_id',
        'a.person_id AS person_id',
        'p.name AS name',
        'a.checked_in_at AS checked_in_at',
      ])
      .where('a.studioId = :studioId', { studioId })
      .andWhere('a.activityId IN (:...ids)', { ids: activityIds })
      .orderBy('a.checkedInAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      activityId: Number(r.activity_id),
      personId: Number(r.person_id),
      name: String(r.name),
      checkedInAt: new Date(r.checked_in_at as string),
    }));
  }

  /** Scored sheets (and progress) for a studio, a unit or a jurisdiction, with record names. */
  async scored(
    scope: FactsScope,
    asOf: string,
    titles?: Titles,
  ): Promise<(ScoredStudio | UnscoredStudio)[]> {
    const loaded = await this.loader.load(scope, asOf);
    const out: (ScoredStudio | UnscoredStudio)[] = [];
    for (const { head, facts } of loaded.values()) {
      const f = prefixIds(facts);
      try {
        out.push({
          head,
          facts: f,
          sheet: this.rules.score(f, asOf),
          progress: this.rules.evaluate(f, asOf),
          name: recordNamer(f, titles),
        });
      } catch (e) {
        out.push({ head, error: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  }

  async scoredStudio(studioId: number, asOf: string): Promise<ScoredStudio> {
    const [activities, achievements] = await Promise.all([
      this.activities(studioId),
      this.achievements(studioId),
    ]);
    const titles: Titles = new Map([
      ...activities.map((a) => [titleKey('activities', a.id), a.title] as const),
      ...achievements.map((a) => [titleKey('achievements', a.id), a.title] as const),
    ]);
    const loaded = (await this.loader.load({ studioId }, asOf)).get(studioId);
    if (!loaded) throw notFound('工作室');
    const f = prefixIds(loaded.facts);
    // Bad facts answer RULES_REJECTED here, as GET /assessment does.
    return {
      head: loaded.head,
      facts: f,
      sheet: this.rules.score(f, asOf),
      progress: this.rules.evaluate(f, asOf),
      name: recordNamer(f, titles),
    };
  }
}
