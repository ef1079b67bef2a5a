import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Person } from '../accounts/person.entity';
import type { Caller } from '../auth/caller';
import { Certificate } from '../certificates/certificate.entity';
import { Attendance } from '../checkin/attendance.entity';
import { DomainError, validationFailed } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import { Apprentice } from './apprentice.entity';
import type { ApprenticeView, CreateApprenticeDto, ListApprenticesQuery, UpdateApprenticeDto } from './dto/apprentice.dto';

export const APPRENTICE_SPEC: RecordSpec<Apprentice, ApprenticeView> = {
  type: 'apprentice',
  label: '徒弟',
  entity: Apprentice,
  datesOf: (a) => [a.joinedOn, a.agreementSignedOn, a.leftOn],
  async view(m, rows) {
    const ids = rows.map((r) => r.personId);
    const people = new Map((ids.length ? await m.getRepository(Person).findBy({ id: In(ids) }) : []).map((p) => [p.id, p]));
    return rows.map((r) => ({ id: r.id, personId: r.personId, name: people.get(r.personId)?.name ?? '', joinedOn: r.joinedOn, agreementSignedOn: r.agreementSignedOn, leftOn: r.leftOn }));
  },
};

function checkOrder(a: { joinedOn: string; leftOn: string | null }): void {
  if (a.leftOn && a.leftOn < a.joinedOn) throw validationFailed({ leftOn: '离开日期不能早于拜师日期' });
}

@Injectable()
export class ApprenticesService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number, q: ListApprenticesQuery): Promise<Page<ApprenticeView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.list(APPRENTICE_SPEC, studioId, q, (qb) => {
      if (q.active === true) qb.andWhere('r.leftOn IS NULL');
      if (q.active === false) qb.andWhere('r.leftOn IS NOT NULL');
      if (q.q) qb.andWhere('r.personId IN (SELECT p.id FROM people p WHERE p.name LIKE :q)', { q: `%${q.q}%` });
    }, [['r.joinedOn', 'DESC'], ['r.id', 'DESC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<ApprenticeView> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.get(APPRENTICE_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateApprenticeDto): Promise<ApprenticeView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    checkOrder({ joinedOn: dto.joinedOn, leftOn: dto.leftOn ?? null });
    return this.records.create(caller, studio, APPRENTICE_SPEC, async (m) => {
      const person = await m.save(Person, m.create(Person, { name: dto.name, birthDate: null, retirementCategory: null, skillLevel: null }));
      return { studioId, personId: person.id, joinedOn: dto.joinedOn, agreementSignedOn: dto.agreementSignedOn ?? null, leftOn: dto.leftOn ?? null };
    });
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateApprenticeDto): Promise<ApprenticeView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, APPRENTICE_SPEC, id, async (m, row) => {
      if (dto.joinedOn !== undefined) row.joinedOn = dto.joinedOn;
      if (dto.agreementSignedOn !== undefined) row.agreementSignedOn = dto.agreementSignedOn;
      if (dto.leftOn !== undefined) row.leftOn = dto.leftOn;
      checkOrder(row);
      if (dto.name !== undefined) await m.update(Person, { id: row.personId }, { name: dto.name });
    });
  }

  /** Only a roster entry made by mistake can go; an apprentice with history gets a leave date. */
  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, APPRENTICE_SPEC, id, async (m, row) => {
      const history = (await m.existsBy(Certificate, { apprenticeId: row.id })) || (await m.existsBy(Attendance, { personId: row.personId, studioId }));
      if (history) throw new DomainError('CONFLICT', '该徒弟已有证书或签到记录，不能删除；如已出师或离开，请填写离开日期');
    });
  }
}
