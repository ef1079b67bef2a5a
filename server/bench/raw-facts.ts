import type { Pool, RowDataPacket } from 'mysql2/promise';

/** The facts queries of FactsLoader (nine; a single studio's check-in counts in a tenth), as raw mysql2 statements. */
export function rawFacts(pool: Pool, where: string, param: number): Promise<unknown> {
  const inScope = (a: string) => `JOIN studios s ON s.id = ${a}.studio_id WHERE ${where}`;
  const oneStudio = where === 's.id = ?';
  const checkedIn = oneStudio
    ? '0 AS checked_in'
    : '(SELECT COUNT(*) FROM attendance t WHERE t.activity_id = a.id) AS checked_in';
  return Promise.all([
    pool.query<RowDataPacket[]>(
      `SELECT s.*, u.name AS unit_name, j.policy_id, p.name AS leader_name, p.birth_date, p.retirement_category, p.skill_level FROM studios s JOIN units u ON u.id = s.unit_id JOIN jurisdictions j ON j.id = s.jurisdiction_id JOIN people p ON p.id = s.leader_person_id WHERE ${where} ORDER BY s.id`,
      [param],
    ),
    pool.query(
      `SELECT m.studio_id, m.id, p.name, p.skill_level, m.full_time, m.years_in_trade, m.joined_on, m.left_on FROM team_members m JOIN people p ON p.id = m.person_id ${inScope('m')}`,
      [param],
    ),
    pool.query(
      `SELECT a.studio_id, a.id, p.name, a.joined_on, a.agreement_signed_on, a.left_on FROM apprentices a JOIN people p ON p.id = a.person_id ${inScope('a')}`,
      [param],
    ),
    pool.query(
      `SELECT c.studio_id, c.id, c.apprentice_id, c.level, c.awarded_on FROM certificates c ${inScope('c')}`,
      [param],
    ),
    pool.query(
      `SELECT a.studio_id, a.id, a.kind, a.date, a.extra_attendance, ${checkedIn} FROM activities a ${inScope('a')}`,
      [param],
    ),
    pool.query(
      `SELECT r.studio_id, r.id, r.kind, r.level, r.date FROM achievements r ${inScope('r')}`,
      [param],
    ),
    pool.query(
      `SELECT f.studio_id, f.id, f.source, f.amount, f.date FROM fund_entries f ${inScope('f')} AND f.direction = 'income'`,
      [param],
    ),
    pool.query(
      `SELECT d.studio_id, d.id, d.kind, d.year, d.submitted_on FROM documents d ${inScope('d')}`,
      [param],
    ),
    pool.query(`SELECT g.studio_id, g.item_id, g.score FROM judgments g ${inScope('g')}`, [param]),
    ...(oneStudio
      ? [
          pool.query(
            'SELECT t.activity_id, COUNT(*) AS n FROM attendance t WHERE t.studio_id = ? GROUP BY t.activity_id',
            [param],
          ),
        ]
      : []),
  ]);
}
