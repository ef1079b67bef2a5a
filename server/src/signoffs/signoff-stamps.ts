import type { RecordKind } from '@master-studio/shared-rules';
import { In, type EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import type { SignoffStamp } from './dto/signoff.dto';
import { Signoff } from './signoff.entity';

/**
 * The sign-offs of records of one kind, by record id, with the signer's name: two queries
 * whatever the number of records (entities, so that datetimes convert alike on every driver).
 */
export async function signoffStamps(
  m: EntityManager,
  kind: RecordKind,
  ids: number[],
): Promise<Map<number, SignoffStamp>> {
  const out = new Map<number, SignoffStamp>();
  if (!ids.length) return out;
  const signoffs = await m.findBy(Signoff, { recordType: kind, recordId: In(ids) });
  if (!signoffs.length) return out;
  const accounts = await m.findBy(Account, {
    id: In([...new Set(signoffs.map((s) => s.accountId))]),
  });
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  for (const s of signoffs)
    out.set(s.recordId, {
      signedBy: names.get(s.accountId) ?? '单位联系人',
      signedAt: new Date(s.signedAt).toISOString(),
    });
  return out;
}
