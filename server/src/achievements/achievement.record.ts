import { applyDateRange } from '../common/date-range';
import { defineRecord } from '../records/record-definition';
import { Achievement } from './achievement.entity';
import {
  AchievementView,
  CreateAchievementDto,
  ListAchievementsQuery,
  UpdateAchievementDto,
} from './dto/achievement.dto';
import { likeOf } from '../common/keyword';

export const ACHIEVEMENT_RECORD = defineRecord({
  kind: 'achievement',
  tag: '成果',
  entity: Achievement,
  dto: {
    create: CreateAchievementDto,
    update: UpdateAchievementDto,
    list: ListAchievementsQuery,
    response: AchievementView,
  },
  view: async (_m, rows): Promise<AchievementView[]> =>
    rows.map((r) => ({ id: r.id, kind: r.kind, level: r.level, title: r.title, date: r.date })),
  filter(qb, q) {
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.level) qb.andWhere('r.level = :level', { level: q.level });
    applyDateRange(qb, 'r.date', q);
    if (q.q) qb.andWhere('r.title LIKE :q', { q: likeOf(q.q) });
  },
  order: [
    ['r.date', 'DESC'],
    ['r.id', 'DESC'],
  ],
  build: async (_m, dto, studioId) => ({
    studioId,
    kind: dto.kind,
    level: dto.level,
    title: dto.title,
    date: dto.date,
  }),
  async apply(_m, row, dto) {
    Object.assign(row, dto);
  },
});
