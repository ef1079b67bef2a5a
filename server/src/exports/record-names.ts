/**
 * Forms name records, not ids. FactsLoader's ids are database ids, unique only within one
 * collection (activity 5 and achievement 5 can both exist), so before scoring for a form the
 * ids are given a collection prefix (`ac:5`, `ar:5`); scores do not depend on ids (they are
 * opaque strings to shared-rules). Every basedOn entry and every id quoted in an explanation
 * can then be turned into the record's name.
 */
import { type Facts, LABELS_ZH, type SkillLevel, type Studio } from '@master-studio/shared-rules';

const PREFIX = {
  apprentices: 'ap',
  certificates: 'ce',
  activities: 'ac',
  achievements: 'ar',
  funds: 'fu',
  documents: 'do',
} as const;

/** Titles the facts do not carry: activity and achievement titles by prefixed id. */
export type Titles = Map<string, string>;
export const titleKey = (collection: 'activities' | 'achievements', id: number | string): string =>
  `${PREFIX[collection]}:${id}`;

export function prefixIds(f: Facts): Facts {
  const p = (c: keyof typeof PREFIX, id: string | null | undefined): string =>
    `${PREFIX[c]}:${id ?? ''}`;
  return {
    ...f,
    apprentices: f.apprentices.map((a) => ({ ...a, id: p('apprentices', a.id) })),
    certificates: f.certificates.map((c) => ({
      ...c,
      id: p('certificates', c.id),
      apprenticeId: p('apprentices', c.apprenticeId),
    })),
    activities: f.activities.map((a) => ({ ...a, id: p('activities', a.id) })),
    achievements: f.achievements.map((a) => ({ ...a, id: p('achievements', a.id) })),
    funds: f.funds.map((x) => ({ ...x, id: p('funds', x.id) })),
    documents: f.documents.map((d) => ({ ...d, id: p('documents', d.id) })),
  };
}

const yuan = (n: number): string => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

/** Names for the records of prefixed facts (prefixIds), with titles where known. */
export function recordNamer(f: Facts, titles: Titles = new Map()): (ref: string) => string {
  const names = new Map<string, string>();
  const apprentice = new Map(f.apprentices.map((a) => [a.id, a.name]));
  for (const a of f.apprentices) names.set(a.id, `徒弟 ${a.name}（${a.joinedOn} 拜师）`);
  for (const c of f.certificates)
    names.set(
      c.id ?? '',
      `${apprentice.get(c.apprenticeId) ?? '徒弟'} ${LABELS_ZH.skillLevels[c.level as SkillLevel] ?? c.level}证书（${c.awardedOn}）`,
    );
  for (const a of f.activities) {
    const title = titles.get(a.id);
    names.set(
      a.id,
      `${LABELS_ZH.activityKinds[a.kind]}${title ? `《${title}》` : ''}（${a.date}，${a.attendance}人次）`,
    );
  }
  for (const a of f.achievements) {
    const title = titles.get(a.id);
    names.set(
      a.id,
      `${LABELS_ZH.achievementLevels[a.level]}${LABELS_ZH.achievementKinds[a.kind]}${title ? `《${title}》` : ''}（${a.date}）`,
    );
  }
  for (const x of f.funds)
    names.set(x.id ?? '', `${LABELS_ZH.fundSources[x.source]} ${yuan(x.amount)}（${x.date}）`);
  for (const d of f.documents)
    names.set(d.id ?? '', `${d.year}年${LABELS_ZH.documentKinds[d.kind]}（${d.submittedOn} 报送）`);
  return (ref) => {
    const known = names.get(ref);
    if (known) return known;
    const member = /^members\[(\d+)\]$/.exec(ref);
    if (member) return `成员 ${f.members[Number(member[1])]?.name ?? ref}`;
    if (ref.startsWith('studio.'))
      return LABELS_ZH.studioFields[ref.slice(7) as keyof Studio] ?? ref;
    if (ref.startsWith('judgments.')) return `评审打分（${ref.slice(10)}）`;
    if (ref.startsWith('overrides.')) return `评审改分（${ref.slice(10)}）`;
    if (ref === 'apprentices') return `学徒花名册（${f.apprentices.length}人）`;
    return ref;
  };
}

/** Replaces every prefixed id quoted in a text (explanations) by the record's name. */
export function nameIdsIn(textWithIds: string, name: (ref: string) => string): string {
  return textWithIds
    .replace(/\b(?:ap|ce|ac|ar|fu|do):\d+/g, (ref) => name(ref))
    .replace(/\bmembers\[\d+\]/g, (ref) => name(ref));
}
