import { In } from 'typeorm';
import { Person } from '../src/accounts/person.entity';
import { insertMany, INSERT_CHUNK } from '../src/database/insert-many';
import { isMysql, startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

describe('insertMany (the batched INSERTs of an import)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const people = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({
      name: `${tag}${i}`,
      birthDate: null,
      retirementCategory: null,
      skillLevel: null,
    }));

  /** Each answered id is the row inserted from the same position. */
  async function expectOwnIds(ids: number[], rows: { name: string }[]): Promise<void> {
    expect(ids).toHaveLength(rows.length);
    const found = await t.db.getRepository(Person).findBy({ id: In(ids) });
    const nameOf = new Map(found.map((p) => [p.id, p.name]));
    expect(ids.map((id) => nameOf.get(id))).toEqual(rows.map((r) => r.name));
  }

  it('answers the ids of every row, in order, across chunks', async () => {
    const rows = people(INSERT_CHUNK * 2 + 7, '批量');
    const ids = await t.db.transaction((m) => insertMany(m, Person, rows));
    await expectOwnIds(ids, rows);
  });

  it('steps by auto_increment_increment, as on a Galera cluster', async () => {
    if (!isMysql()) return; // sql.js has no such setting
    const rows = people(INSERT_CHUNK + 3, '集群');
    const ids = await t.db.transaction(async (m) => {
      await m.query('SET SESSION auto_increment_increment = 3');
      try {
        return await insertMany(m, Person, rows);
      } finally {
        await m.query('SET SESSION auto_increment_increment = 1');
      }
    });
    expect(ids[1]! - ids[0]!).toBe(3);
    await expectOwnIds(ids, rows);
  });
});
