import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { applyDateRange } from '../common/date-range';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import { Achievement } from './achievement.entity';
import type { AchievementView, CreateAchievementDto, ListAchievementsQuery, UpdateAchievementDto } from './dto/achievement.dto';

export const ACHIEVEMENT_SPEC: RecordSpec<Achievement, AchievementView> = {
  type: 'achievement',
  label: '成果',
  entity: Achievement,
  datesOf: (a) => [a.date],
  view: async (_m, rows) => rows.map((r) => ({ id: r.id, kind: r.kind, level: r.level, title: r.title, date: r.date })),
};

@Injectable()
export class AchievementsService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number, q: ListAchievementsQuery): Promise<Page<AchievementView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.list(ACHIEVEMENT_SPEC, studioId, q, (qb) => {
      if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
      if (q.level) qb.andWhere('r.level = :level', { level: q.level });
      applyDateRange(qb, 'r.date', q);
    }, [['r.date', 'DESC'], ['r.id', 'DESC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<AchievementView> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.get(ACHIEVEMENT_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateAchievementDto): Promise<AchievementView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.create(caller, studio, ACHIEVEMENT_SPEC, async () => ({ studioId, kind: dto.kind, level: dto.level, title: dto.title, date: dto.date }));
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateAchievementDto): Promise<AchievementView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, ACHIEVEMENT_SPEC, id, async (_m, row) => {
      Object.assign(row, dto);
    });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, ACHIEVEMENT_SPEC, id);
  }
}
