import { type EntityManager, In } from 'typeorm';
import { Person } from '../accounts/person.entity';
import { insertMany } from '../database/insert-many';
import { defineRecord } from '../records/record-definition';
import { CreateMemberDto, ListMembersQuery, MemberView, UpdateMemberDto } from './dto/member.dto';
import { TeamMember } from './team-member.entity';
import { likeOf } from '../common/keyword';

async function peopleById(m: EntityManager, ids: number[]): Promise<Map<number, Person>> {
  const people = ids.length ? await m.getRepository(Person).findBy({ id: In(ids) }) : [];
  return new Map(people.map((p) => [p.id, p]));
}

/** The team is a standing condition, not dated into a period (RECORD_KINDS.member.datedBy is empty). */
export const MEMBER_RECORD = defineRecord({
  kind: 'member',
  tag: '团队成员',
  entity: TeamMember,
  dto: {
    create: CreateMemberDto,
    update: UpdateMemberDto,
    list: ListMembersQuery,
    response: MemberView,
  },
  async view(m, rows): Promise<MemberView[]> {
    const people = await peopleById(
      m,
      rows.map((r) => r.personId),
    );
    return rows.map((r) => {
      const p = people.get(r.personId);
      return {
        id: r.id,
        personId: r.personId,
        name: p?.name ?? '',
        skillLevel: p?.skillLevel ?? null,
        fullTime: Boolean(r.fullTime),
        yearsInTrade: r.yearsInTrade,
        joinedOn: r.joinedOn,
        leftOn: r.leftOn,
      };
    });
  },
  filter(qb, q) {
    if (q.active === true) qb.andWhere('r.leftOn IS NULL');
    if (q.active === false) qb.andWhere('r.leftOn IS NOT NULL');
    if (q.q)
      qb.andWhere('r.personId IN (SELECT p.id FROM people p WHERE p.name LIKE :q)', {
        q: likeOf(q.q),
      });
  },
  order: [['r.id', 'ASC']],
  async build(m, dto, studioId) {
    const person = await m.save(
      Person,
      m.create(Person, {
        name: dto.name,
        skillLevel: dto.skillLevel,
        birthDate: null,
        retirementCategory: null,
      }),
    );
    return {
      studioId,
      personId: person.id,
      fullTime: dto.fullTime,
      yearsInTrade: dto.yearsInTrade ?? null,
      joinedOn: dto.joinedOn ?? null,
      leftOn: dto.leftOn ?? null,
    };
  },
  async buildMany(m, dtos, studioId) {
    const personIds = await insertMany(
      m,
      Person,
      dtos.map((dto) => ({
        name: dto.name,
        skillLevel: dto.skillLevel,
        birthDate: null,
        retirementCategory: null,
      })),
    );
    return dtos.map((dto, i) => ({
      studioId,
      personId: personIds[i]!,
      fullTime: dto.fullTime,
      yearsInTrade: dto.yearsInTrade ?? null,
      joinedOn: dto.joinedOn ?? null,
      leftOn: dto.leftOn ?? null,
    }));
  },
  async apply(m, row, dto) {
    if (dto.fullTime !== undefined) row.fullTime = dto.fullTime;
    if (dto.yearsInTrade !== undefined) row.yearsInTrade = dto.yearsInTrade;
    if (dto.joinedOn !== undefined) row.joinedOn = dto.joinedOn;
    if (dto.leftOn !== undefined) row.leftOn = dto.leftOn;
    if (dto.name !== undefined || dto.skillLevel !== undefined) {
      await m.update(
        Person,
        { id: row.personId },
        {
          ...(dto.name !== undefined ? { name: dto.name } : {}),
          ...(dto.skillLevel !== undefined ? { skillLevel: dto.skillLevel } : {}),
        },
      );
    }
  },
});
