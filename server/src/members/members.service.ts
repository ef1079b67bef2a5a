import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Person } from '../accounts/person.entity';
import type { Caller } from '../auth/caller';
import type { Page } from '../common/pagination';
import { RecordStore, type RecordSpec } from '../records/record-store';
import type { CreateMemberDto, ListMembersQuery, MemberView, UpdateMemberDto } from './dto/member.dto';
import { TeamMember } from './team-member.entity';

async function peopleById(m: EntityManager, ids: number[]): Promise<Map<number, Person>> {
  const people = ids.length ? await m.getRepository(Person).findBy({ id: In(ids) }) : [];
  return new Map(people.map((p) => [p.id, p]));
}

export const MEMBER_SPEC: RecordSpec<TeamMember, MemberView> = {
  type: 'member',
  label: '团队成员',
  entity: TeamMember,
  datesOf: () => [], // the team is a standing condition, not dated into a period
  async view(m, rows) {
    const people = await peopleById(m, rows.map((r) => r.personId));
    return rows.map((r) => {
      const p = people.get(r.personId);
      return { id: r.id, personId: r.personId, name: p?.name ?? '', skillLevel: p?.skillLevel ?? null, fullTime: Boolean(r.fullTime), yearsInTrade: r.yearsInTrade, joinedOn: r.joinedOn, leftOn: r.leftOn };
    });
  },
};

@Injectable()
export class MembersService {
  constructor(
    private readonly access: AccessService,
    private readonly records: RecordStore,
  ) {}

  async list(caller: Caller, studioId: number, q: ListMembersQuery): Promise<Page<MemberView>> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.list(MEMBER_SPEC, studioId, q, (qb) => {
      if (q.active === true) qb.andWhere('r.leftOn IS NULL');
      if (q.active === false) qb.andWhere('r.leftOn IS NOT NULL');
    }, [['r.id', 'ASC']]);
  }

  async get(caller: Caller, studioId: number, id: number): Promise<MemberView> {
    await this.access.requireStudio(caller, studioId, 'read');
    return this.records.get(MEMBER_SPEC, studioId, id);
  }

  async create(caller: Caller, studioId: number, dto: CreateMemberDto): Promise<MemberView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.create(caller, studio, MEMBER_SPEC, async (m) => {
      const person = await m.save(Person, m.create(Person, { name: dto.name, skillLevel: dto.skillLevel, birthDate: null, retirementCategory: null }));
      return { studioId, personId: person.id, fullTime: dto.fullTime, yearsInTrade: dto.yearsInTrade ?? null, joinedOn: dto.joinedOn ?? null, leftOn: dto.leftOn ?? null };
    });
  }

  async update(caller: Caller, studioId: number, id: number, dto: UpdateMemberDto): Promise<MemberView> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    return this.records.update(caller, studio, MEMBER_SPEC, id, async (m, row) => {
      if (dto.fullTime !== undefined) row.fullTime = dto.fullTime;
      if (dto.yearsInTrade !== undefined) row.yearsInTrade = dto.yearsInTrade;
      if (dto.joinedOn !== undefined) row.joinedOn = dto.joinedOn;
      if (dto.leftOn !== undefined) row.leftOn = dto.leftOn;
      if (dto.name !== undefined || dto.skillLevel !== undefined) {
        await m.update(Person, { id: row.personId }, { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.skillLevel !== undefined ? { skillLevel: dto.skillLevel } : {}) });
      }
    });
  }

  async remove(caller: Caller, studioId: number, id: number): Promise<void> {
    const studio = await this.access.requireStudio(caller, studioId, 'edit');
    await this.records.remove(caller, studio, MEMBER_SPEC, id);
  }
}
