import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { POLICY_IDS } from '@master-studio/shared-rules';
import { parseDatabaseUrl } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { ENTITIES, MIGRATIONS } from '../database/entities';
import { verifyChain } from '../audit/audit-chain';
import { issueInvitation } from '../invitations/invitations.service';
import { Jurisdiction } from '../org/jurisdiction.entity';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { removeRoleGrant, roleGrantView } from '../roles/roles.service';

/**
 * Operator commands for what no API caller can do yet: create a jurisdiction and invite its
 * first reviewer (after that, reviewers onboard everyone else through the app). Reads only
 * DATABASE_URL; runs pending migrations first. See docs/operations.md "Onboarding".
 *
 *   pnpm --filter @master-studio/server admin -- create-jurisdiction --name 乌鲁木齐市 --policy urumqi-2023
 *   pnpm --filter @master-studio/server admin -- invite-reviewer --jurisdiction 1
 *   pnpm --filter @master-studio/server admin -- list-jurisdictions
 *   pnpm --filter @master-studio/server admin -- audit-verify      (exit 1 when the chain is broken)
 *   pnpm --filter @master-studio/server admin -- list-reviewers --jurisdiction 1
 *   pnpm --filter @master-studio/server admin -- remove-reviewer --role 7
 */

const USAGE = `usage:
  admin create-jurisdiction --name <名称> --policy <policy id>
  admin invite-reviewer --jurisdiction <id>
  admin list-jurisdictions
  admin audit-verify
  admin list-reviewers --jurisdiction <id>
  admin remove-reviewer --role <role id from list-reviewers>`;

export class UsageError extends Error {}
/** The audit chain does not verify; the message names the first broken entry. */
export class AuditBrokenError extends Error {}

export function parseArgs(argv: readonly string[]): {
  command: string;
  options: Record<string, string>;
} {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const [command, ...rest] = args;
  if (!command) throw new UsageError(USAGE);
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i] as string;
    if (!key.startsWith('--')) throw new UsageError(`unexpected argument ${key}\n${USAGE}`);
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${key} needs a value\n${USAGE}`);
    options[key.slice(2)] = value;
    i++;
  }
  return { command, options };
}

export async function runAdmin(
  ds: DataSource,
  argv: readonly string[],
  out: (line: string) => void,
): Promise<void> {
  const { command, options } = parseArgs(argv);
  switch (command) {
    case 'create-jurisdiction': {
      const name = options.name?.trim();
      const policy = options.policy;
      if (!name || name.length > 100)
        throw new UsageError(`--name is required (≤ 100 characters)\n${USAGE}`);
      if (!policy || !(POLICY_IDS as readonly string[]).includes(policy))
        throw new UsageError(`--policy must be one of ${POLICY_IDS.join(', ')}`);
      const j = await ds.getRepository(Jurisdiction).save({ name, policyId: policy });
      out(`jurisdiction ${j.id}: ${j.name} (${j.policyId})`);
      return;
    }
    case 'invite-reviewer': {
      const id = Number(options.jurisdiction);
      if (!Number.isInteger(id) || id < 1)
        throw new UsageError(`--jurisdiction <id> is required\n${USAGE}`);
      const j = await ds.getRepository(Jurisdiction).findOneBy({ id });
      if (!j) throw new UsageError(`no jurisdiction ${id} (see list-jurisdictions)`);
      const { invitation, code } = await ds.transaction((m) =>
        issueInvitation(
          m,
          {
            role: 'reviewer',
            jurisdictionId: j.id,
            unitId: null,
            studioId: null,
            teamMemberId: null,
            apprenticeId: null,
          },
          null,
        ),
      );
      out(`reviewer invitation for ${j.name}: ${code}`);
      out(
        `expires ${invitation.expiresAt.toISOString()}; the reviewer signs in and enters it under 加入工作室 (POST /api/auth/redeem)`,
      );
      return;
    }
    case 'list-jurisdictions': {
      for (const j of await ds.getRepository(Jurisdiction).find({ order: { id: 'ASC' } }))
        out(`${j.id}\t${j.name}\t${j.policyId}`);
      return;
    }
    case 'audit-verify': {
      const report = await verifyChain(ds);
      if (!report.ok)
        throw new AuditBrokenError(
          `audit chain BROKEN at entry ${report.firstBroken?.id}: ${report.firstBroken?.reason} (${report.checked} entries before it verified)`,
        );
      out(`audit chain ok: ${report.checked} entries verified`);
      return;
    }
    case 'list-reviewers': {
      const id = Number(options.jurisdiction);
      if (!Number.isInteger(id) || id < 1)
        throw new UsageError(`--jurisdiction <id> is required\n${USAGE}`);
      const rows = (await ds.query(
        `SELECT r.id AS id, r.account_id AS account_id, a.name AS name FROM role_memberships r INNER JOIN accounts a ON a.id = r.account_id WHERE r.role = 'reviewer' AND r.jurisdiction_id = ? ORDER BY r.id`,
        [id],
      )) as { id: number; account_id: number; name: string }[];
      for (const r of rows) out(`${Number(r.id)}\taccount ${Number(r.account_id)}\t${r.name}`);
      return;
    }
    case 'remove-reviewer': {
      const id = Number(options.role);
      if (!Number.isInteger(id) || id < 1)
        throw new UsageError(`--role <id> is required (see list-reviewers)\n${USAGE}`);
      await ds.transaction(async (m) => {
        const grant = await roleGrantView(m, id);
        if (!grant || grant.role !== 'reviewer')
          throw new UsageError(`no reviewer role ${id} (see list-reviewers)`);
        // The audit row names the removed account as its subject; the operator has no account.
        await removeRoleGrant(
          m,
          new AuditService(ds, new AccessService(ds)),
          grant,
          grant.accountId,
        );
        out(
          `removed reviewer role ${id} (account ${grant.accountId}, ${grant.accountName}, jurisdiction ${grant.jurisdictionId ?? '?'}); it stops working at the account's next request`,
        );
      });
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const ds = new DataSource(
    dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL), ENTITIES, MIGRATIONS),
  );
  await ds.initialize();
  try {
    await runAdmin(ds, process.argv.slice(2), (line) => console.log(line));
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof UsageError || e instanceof AuditBrokenError ? e.message : e);
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
