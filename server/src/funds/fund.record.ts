import { applyDateRange } from '../common/date-range';
import { validationFailed } from '../common/domain-error';
import { defineRecord } from '../records/record-definition';
import { CreateFundDto, FundView, ListFundsQuery, UpdateFundDto } from './dto/fund.dto';
import { FundEntry } from './fund-entry.entity';
import { likeOf } from '../common/keyword';

function checkSource(f: { direction: string; source: string | null }): void {
  if (f.direction === 'income' && !f.source)
    throw validationFailed({ source: '到账记录须填写经费来源' });
  if (f.direction === 'spending' && f.source)
    throw validationFailed({ source: '支出记录不填经费来源' });
}

export const FUND_RECORD = defineRecord({
  kind: 'fund',
  tag: '经费台账',
  entity: FundEntry,
  dto: { create: CreateFundDto, update: UpdateFundDto, list: ListFundsQuery, response: FundView },
  view: async (_m, rows): Promise<FundView[]> =>
    rows.map((r) => ({
      id: r.id,
      direction: r.direction,
      source: r.source,
      category: r.category,
      amount: Number(r.amount),
      date: r.date,
      note: r.note,
    })),
  filter(qb, q) {
    if (q.direction) qb.andWhere('r.direction = :d', { d: q.direction });
    if (q.source) qb.andWhere('r.source = :s', { s: q.source });
    applyDateRange(qb, 'r.date', q);
    if (q.q) qb.andWhere('(r.category LIKE :q OR r.note LIKE :q)', { q: likeOf(q.q) });
  },
  order: [
    ['r.date', 'DESC'],
    ['r.id', 'DESC'],
  ],
  async build(_m, dto, studioId) {
    const values = {
      studioId,
      direction: dto.direction,
      source: dto.source ?? null,
      category: dto.category,
      amount: dto.amount,
      date: dto.date,
      note: dto.note ?? null,
    };
    checkSource(values);
    return values;
  },
  async apply(_m, row, dto) {
    Object.assign(row, dto);
    if (dto.direction === 'spending' && dto.source === undefined) row.source = null;
    checkSource(row);
  },
});
