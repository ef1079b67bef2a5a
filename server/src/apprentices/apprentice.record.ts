import { In } from 'typeorm';
import { Person } from '../accounts/person.entity';
import { Certificate } from '../certificates/certificate.entity';
import { Attendance } from '../checkin/attendance.entity';
import { DomainError, validationFailed } from '../common/domain-error';
import { insertMany } from '../database/insert-many';
import { defineRecord } from '../records/record-definition';
import { Apprentice } from './apprentice.entity';
import {
  ApprenticeView,
  CreateApprenticeDto,
  ListApprenticesQuery,
  UpdateApprenticeDto,
} from './dto/apprentice.dto';

function checkOrder(a: { joinedOn: string; leftOn: string | null }): void {
  if (a.leftOn && a.leftOn < a.joinedOn)
    throw validationFailed({ leftOn: '离开日期不能早于拜师日期' });
}

export const APPRENTICE_RECORD = defineRecord({
  kind: 'apprentice',
  tag: '徒弟',
  entity: Apprentice,
  dto: {
    create: CreateApprenticeDto,
    update: UpdateApprenticeDto,
    list: ListApprenticesQuery,
    response: ApprenticeView,
  },
  async view(m, rows): Promise<ApprenticeView[]> {
    const ids = rows.map((r) => r.personId);
    const people = new Map(
      (ids.length ? await m.getRepository(Person).findBy({ id: In(ids) }) : []).map((p) => [
        p.id,
        p,
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      name: people.get(r.personId)?.name ?? '',
      joinedOn: r.joinedOn,
      agreementSignedOn: r.agreementSignedOn,
      leftOn: r.leftOn,
    }));
  },
  filter(qb, q) {
    if (q.active === true) qb.andWhere('r.leftOn IS NULL');
    if (q.active === false) qb.andWhere('r.leftOn IS NOT NULL');
    if (q.q)
      qb.andWhere('r.personId IN (SELECT p.id FROM people p WHERE p.name LIKE :q)', {
        q: `%${q.q}%`,
      });
  },
  order: [
    ['r.joinedOn', 'DESC'],
    ['r.id', 'DESC'],
  ],
  async build(m, dto, studioId) {
    checkOrder({ joinedOn: dto.joinedOn, leftOn: dto.leftOn ?? null });
    const person = await m.save(
      Person,
      m.create(Person, {
        name: dto.name,
        birthDate: null,
        retirementCategory: null,
        skillLevel: null,
      }),
    );
    return {
      studioId,
      personId: person.id,
      joinedOn: dto.joinedOn,
      agreementSignedOn: dto.agreementSignedOn ?? null,
      leftOn: dto.leftOn ?? null,
    };
  },
  async buildMany(m, dtos, studioId) {
    const checked = dtos.map((dto) => {
      try {
        checkOrder({ joinedOn: dto.joinedOn, leftOn: dto.leftOn ?? null });
        return dto;
      } catch (e) {
        if (e instanceof DomainError) return e;
        throw e;
      }
    });
    const ok = checked.filter((c): c is CreateApprenticeDto => !(c instanceof DomainError));
    const personIds = await insertMany(
      m,
      Person,
      ok.map((dto) => ({
        name: dto.name,
        birthDate: null,
        retirementCategory: null,
        skillLevel: null,
      })),
    );
    let k = 0;
    return checked.map((c) =>
      c instanceof DomainError
        ? c
        : {
            studioId,
            personId: personIds[k++]!,
            joinedOn: c.joinedOn,
            agreementSignedOn: c.agreementSignedOn ?? null,
            leftOn: c.leftOn ?? null,
          },
    );
  },
  async apply(m, row, dto) {
    if (dto.joinedOn !== undefined) row.joinedOn = dto.joinedOn;
    if (dto.agreementSignedOn !== undefined) row.agreementSignedOn = dto.agreementSignedOn;
    if (dto.leftOn !== undefined) row.leftOn = dto.leftOn;
    checkOrder(row);
    if (dto.name !== undefined) await m.update(Person, { id: row.personId }, { name: dto.name });
  },
  /** Only a roster entry made by mistake can go; an apprentice with history gets a leave date. */
  async beforeRemove(m, row, studioId) {
    const history =
      (await m.existsBy(Certificate, { apprenticeId: row.id })) ||
      (await m.existsBy(Attendance, { personId: row.personId, studioId }));
    if (history)
      throw new DomainError(
        'APPRENTICE_HAS_HISTORY',
        '该徒弟已有证书或签到记录，不能删除；如已出师或离开，请填写离开日期',
      );
  },
});
