import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Caller } from '../auth/caller';
import { applyDateRange } from '../common/date-range';
import { validationFailed } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import type { CreateFundDto, FundView, ListFundsQuery, UpdateFundDto } from './dto/fund.dto';
import { FundEntry } from './fund-entry.entity';

export const FUND_SPEC: RecordSpec<FundEntry, FundView> = {
  type: 'fund',
  label: '经费记录',
  entity: FundEntry,
  datesOf: (f) => [f.date],
  view: async (_m, rows) => rows.map((r) => ({ id: r.id, direction: r.direction, source: r.source, category: r.category, amount: Number(r.amount), date: r.date, note: r.note })),
};

function checkSource(f: { direction: string; source: string | null }): void {
  if (f.direction === 'income' && !f.source) throw validationFailed({ source: '到账记录须填写经费来源' });
  if (f.direction === 'spending' && f.source) throw validationFailed({ source: '支出记录不填经费来源' });
}

@Injectable()
export class FundsService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number, q: ListFundsQuery): Promise<Page<FundView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.list(FUND_SPEC, studioId, q, (qb) => {
      if (q.direction) qb.andWhere('r.direction = :d', { d: q.direction });
      if (q.source) qb.andWhere('r.source = :s', { s: q.source });
      applyDateRange(qb, 'r.date', q);
    }, [['r.date', 'DESC'], ['r.id', 'DESC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<FundView> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.get(FUND_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateFundDto): Promise<FundView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    const values = { studioId, direction: dto.direction, source: dto.source ?? null, category: dto.category, amount: dto.amount, date: dto.date, note: dto.note ?? null };
    checkSource(values);
    return this.records.create(caller, studio, FUND_SPEC, async () => values);
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateFundDto): Promise<FundView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, FUND_SPEC, id, async (_m, row) => {
      Object.assign(row, dto);
      if (dto.direction === 'spending' && dto.source === undefined) row.source = null;
      checkSource(row);
    });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, FUND_SPEC, id);
  }
}
