/**
 * The reviewers' weekly digest (issue 14): once a week (the first scan on or after Monday,
 * Asia/Shanghai; the week's Monday is its due date, so a missed Monday still gets one), the
 * jurisdiction's studios at risk (dashboards' risk measure, most at risk first) and the deadlines
 * of the coming month.
 */
import { addDays, LABELS_ZH, type Progress } from '@master-studio/shared-rules';
import { riskOf } from '../dashboards/risk';
import type { Candidate } from './candidates';

export interface DigestStudio {
  id: number;
  name: string;
  unitName: string;
  progress: Progress;
}

/** Days ahead a deadline is listed in the digest. */
export const DIGEST_HORIZON_DAYS = 30;

/** The Monday of `day`'s week. */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

export interface Digest {
  atRisk: { id: number; name: string; unitName: string; risk: number; why: string[] }[];
  deadlines: { studioId: number; name: string; label: string; dueOn: string }[];
}

export function buildDigest(today: string, studios: DigestStudio[]): Digest {
  const horizon = addDays(today, DIGEST_HORIZON_DAYS);
  const atRisk: Digest['atRisk'] = [];
  const deadlines: Digest['deadlines'] = [];
  for (const s of studios) {
    const r = riskOf(s.progress);
    if (r.risk > 0) {
      const why = [
        ...r.targets
          .filter((t) => t.status === 'at_risk' || t.status === 'behind')
          .map((t) => `${t.label ?? t.id}${t.status === 'behind' ? '落后' : '有风险'}`),
        ...s.progress.findings.filter((f) => f.severity === 'required').map((f) => f.message),
      ];
      if (r.overdueDeadlines > 0) why.push(`${r.overdueDeadlines} 项报送已逾期`);
      atRisk.push({ id: s.id, name: s.name, unitName: s.unitName, risk: r.risk, why });
    }
    for (const d of s.progress.deadlines)
      if (!d.done && d.dueOn >= today && d.dueOn <= horizon)
        deadlines.push({
          studioId: s.id,
          name: s.name,
          label: (LABELS_ZH.deadlines as Record<string, string>)[d.id] ?? d.id,
          dueOn: d.dueOn,
        });
  }
  atRisk.sort((a, b) => b.risk - a.risk || a.id - b.id);
  deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.studioId - b.studioId);
  return { atRisk, deadlines };
}

export function digestText(d: Digest): string {
  const lines = ['【有风险的工作室】'];
  if (d.atRisk.length === 0) lines.push('无');
  for (const s of d.atRisk)
    lines.push(`· ${s.name}（${s.unitName}）：${s.why.slice(0, 3).join('；')}`);
  lines.push('【未来 30 天到期的报送】');
  if (d.deadlines.length === 0) lines.push('无');
  for (const x of d.deadlines) lines.push(`· ${x.dueOn} ${x.name}：${x.label}`);
  return lines.join('\n');
}

/** The week's digest for each reviewer of the jurisdiction. */
export function digestCandidates(
  jurisdictionId: number,
  today: string,
  studios: DigestStudio[],
  reviewers: number[],
): Candidate[] {
  const d = buildDigest(today, studios);
  return [...new Set(reviewers)].map((accountId) => ({
    accountId,
    kind: 'digest',
    subject: `jurisdiction:${jurisdictionId}`,
    dueOn: mondayOf(today),
    step: 'weekly',
    studioId: null,
    title: `本周摘要：${d.atRisk.length} 个工作室有风险，${d.deadlines.length} 项报送 30 天内到期`,
    body: digestText(d),
    route: `/pages/reviewer/home/index?jurisdictionId=${jurisdictionId}`,
  }));
}
