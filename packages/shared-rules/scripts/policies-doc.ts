/**
 * Renders docs/policies.md from the policy definitions, so the docs cannot drift from the code.
 *   (pnpm: `run docs`, since `pnpm docs` is a built-in command)
 *   tsx scripts/policies-doc.ts          writes ../../docs/policies.md
 *   tsx scripts/policies-doc.ts --check  exits 1 when the file differs from what would be written
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AT_RISK_RATIO,
  GRACE_FRACTION,
  LABELS_ZH,
  POLICY_DEFINITIONS,
  RETIREMENT_SCHEDULES,
  type PolicyDefinition,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '../../../docs/policies.md');

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: (string | number)[]): string =>
  `| ${cells.map((c) => esc(String(c))).join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]): string[] =>
  rows.length ? [row(head), row(head.map(() => '---')), ...rows.map(row)] : ['(none)'];
const periodZh = {
  year: '统计日所在自然年',
  cycle: '包含统计日的周期',
  none: '—（常设条件）',
} as const;

const SHARED_AMBIGUITIES: { topic: string; reading: string }[] = [
  {
    topic: 'Absent evidence (contract)',
    reading:
      'An item whose rule says "none: 0" scores 0 when its evidence is absent or false, and ignores judgments. Where a deduction needs a sub-fact that is not recorded (gongshu G1 sign/board, G2 equipment, G4 posted), the item is `pending` rather than guessed; a judgment fills it.',
  },
  {
    topic: 'Judgments on computed items',
    reading:
      'A judgment may lower an item computed from facts (for example an incomplete organisation for U1), never raise it above what the facts give. Judged items take the judgment clamped to [0, max]. Negative judgments are accepted and clamped; judgments for item ids the policy does not have are rejected.',
  },
  {
    topic: 'Grade while items are pending',
    reading:
      "The total can only rise by the pending items' maxima. The grade is given when the lowest and highest possible totals fall in the same band (e.g. 96 with 4 points pending is already excellent); otherwise `grade: null` until judged. A veto gives `fail` at once.",
  },
  {
    topic: 'Retirement date',
    reading:
      'The law\'s tables give a month; the code returns birth date + retirement age in months (a 31st becomes the month\'s last day) and the month. "N years before retirement (inclusive)" holds when asOf + N years ≤ that date.',
  },
  {
    topic: 'Records after asOf',
    reading:
      'Every tally counts records dated on or before asOf; later ones are listed as `after_as_of` and summed in `planned`. Deadlines are done only by documents submitted by the due date and by asOf.',
  },
  {
    topic: 'Year-end papers after 31 December',
    reading:
      "The yearly plan or report (yuzhong 第十四条, shunyi 第十三条, urumqi 第十九条（一）) does not lapse at the turn of the year. From 1 January, last year's paper, if never submitted, is listed as a second deadline with the same id, `done: false` and `overdue: true`, before this year's (so a checker keyed by id sees this year's). A late submission removes it but does not make it done. Only the previous year is carried over, and nothing from before recognition.",
  },
  {
    topic: 'Certificates, funds and documents have no id in the contract',
    reading:
      'Explanations name them by an optional `id` field when given, else by `collection[index]` (e.g. `certificates[2]`), the same path validation errors use.',
  },
  {
    topic: 'Talents counted once per period',
    reading:
      'One apprentice counts once per period at the highest level reached in it (ties: the earliest certificate); the other certificates are `already_counted`. Bonus items (UB1, GB1) use that highest level.',
  },
  {
    topic: 'Pace of stock-like targets',
    reading:
      'apprentices_mentored counts apprentices under agreement in the year, including those signed in earlier years, so its linear projection overstates late in a year; it is still shown so that a leader sees the gap early.',
  },
  {
    topic: 'Policies without an assessment',
    reading:
      'shunyi-2023 and shaoguan-2022 return `items: []` and `grade: null` even when `vetoed` is set: they have no assessment a veto could fail.',
  },
  {
    topic: 'Rules the facts cannot check',
    reading:
      'Not checked because the contract has no field for them: yuzhong ≥ 6 months a year in the studio, responsible person and contact, archive contents, excellent-award quota; shunyi ≤ 5 studios a year and public notice; urumqi one studio per leader/unit/trade and public notice; shaoguan "3+3" industries and public notice; leader "in post"; leader/unit/address changes.',
  },
];

function policySection(p: PolicyDefinition): string[] {
  const out: string[] = [];
  out.push(`## ${p.id}: ${p.title}`, '');
  out.push(`- Jurisdiction: ${p.jurisdiction}`);
  out.push(`- Document: ${p.document} (seed \`${p.seedFile}\`)`);
  out.push(
    `- Issued: ${p.issuedOn ?? 'not dated in the seed'}; in force until: ${p.validTo ?? 'not stated'}`,
  );
  out.push(
    `- Cycle / recognition term: ${p.cycleYears} years from \`recognizedOn\`, back to back (${p.cycleArticle})`,
    '',
  );
  out.push('### Targets', '');
  out.push(
    ...table(
      ['id', '名称', 'required', 'period', 'rule', 'article'],
      p.targets.map((t) => [
        t.id,
        LABELS_ZH.targets[t.id],
        t.max !== undefined ? `${t.required}–${t.max}` : `≥ ${t.required}`,
        periodZh[t.period],
        t.rule,
        t.article,
      ]),
    ),
    '',
  );
  out.push('### Deadlines', '');
  out.push(
    ...table(
      ['id', '名称', 'rule', 'article'],
      p.deadlines.map((d) => [d.id, LABELS_ZH.deadlines[d.id], d.rule, d.article]),
    ),
    '',
  );
  out.push('### Findings', '');
  out.push(
    ...table(
      ['rule', 'severity', 'rule (中文)', 'article'],
      p.findings.map((f) => [f.rule, f.severity, f.rule_zh, f.article]),
    ),
    '',
  );
  out.push('### Assessment', '');
  const a = p.assessment;
  if (a.kind === 'none') {
    out.push(`No assessment sheet (${a.article}): \`items: []\`, \`grade: null\`.`, '');
  } else if (a.kind === 'total') {
    out.push(
      `Graded on the panel's total \`assessmentTotal\` (0–${a.max}), no items (${a.article}).`,
    );
    out.push(
      `Grades: ${a.grades.map((g) => `${g.grade} ≥ ${g.min}`).join(', ')}; below that \`fail\`.`,
      '',
    );
  } else {
    out.push(
      ...table(
        ['id', 'item', 'max', 'rule', 'records counted over', 'article'],
        a.items.map((i) => [
          i.bonus ? `${i.id} (bonus)` : i.id,
          i.label,
          i.max,
          i.rule,
          i.period === 'year'
            ? '统计日所在自然年'
            : i.period === 'cycle'
              ? `包含统计日的 ${p.cycleYears} 年周期`
              : '—',
          i.article,
        ]),
      ),
      '',
    );
    const baseSum = a.items.filter((i) => !i.bonus).reduce((n, i) => n + i.max, 0);
    const bonusSum = a.items.filter((i) => i.bonus).reduce((n, i) => n + i.max, 0);
    out.push(
      `Base ${a.baseMax} (items sum to ${baseSum}) + bonus ${a.bonusMax} (items sum to ${bonusSum}) = ${a.baseMax + a.bonusMax}.`,
    );
    out.push(
      a.grades
        ? `Grades: ${a.grades.map((g) => `${g.grade} ≥ ${g.min}`).join(', ')}; below that \`fail\`.`
        : 'No grade: the policy sets no pass mark (`grade: null`).',
    );
    out.push(
      `A vetoed studio is graded \`fail\`${a.vetoArticle ? ` (${a.vetoArticle})` : ''}.`,
      '',
    );
  }
  out.push('### Ambiguities and how the code reads them', '');
  out.push(
    ...table(
      ['topic', 'the seed says', 'the code reads'],
      p.ambiguities.map((x) => [x.topic, x.source, x.reading]),
    ),
    '',
  );
  return out;
}

export function renderPoliciesMarkdown(): string {
  const out: string[] = [
    '# Policies',
    '',
    '<!-- GENERATED by `pnpm --filter @master-studio/shared-rules run docs` from packages/shared-rules/src/policies. Do not edit: `docs:check` fails when this file is stale. -->',
    '',
    'Every number below lives in `packages/shared-rules/src/policies/<id>.ts`, next to its seed article. Policy texts: `docs/policies/<id>.txt`.',
    '',
    '## Shared readings',
    '',
    "- **High-skill talent**: an apprentice's certificate at `senior` or above, dated in the period and on or before asOf, while on the roster (joined on or before the certificate date, not left before it).",
    '- **Person-times**: attendance summed over activities.',
    '- **Periods**: a yearly target counts the calendar year of asOf; a cycle target the cycle containing asOf (cycles back to back from `recognizedOn`).',
    '- **Severity**: `required`, or `advisory` where the seed hedges with 原则上 / 一般.',
    '',
    '### Statutory retirement (全国人大常委会关于实施渐进式延迟法定退休年龄的决定, from 2025-01-01)',
    '',
    ...table(
      ['category', '中文', 'old age', 'first affected birth month', '+1 month per', 'cap'],
      Object.entries(RETIREMENT_SCHEDULES).map(([k, s]) => [
        k,
        LABELS_ZH.retirementCategories[k as keyof typeof LABELS_ZH.retirementCategories],
        `${s.baseAgeYears}`,
        s.firstAffectedBirthMonth,
        `${s.birthMonthsPerStep} months of birth`,
        `+${s.maxDelayMonths} months (${s.baseAgeYears + s.maxDelayMonths / 12})`,
      ]),
    ),
    '',
    'Examples: male born 1965-01 → 60y1m (2025-02); 1965-05 → 60y2m; from 1976-09 → 63y. Female cadre from 1981-09 → 58y. Female worker from 1984-11 → 55y.',
    '',
    '### Pace',
    '',
    `For a target whose period has not ended: \`projected\` = actual × period days ÷ days elapsed (asOf included), rounded down to one decimal.`,
    '',
    ...table(
      ['status', 'when'],
      [
        ['met', 'actual ≥ required'],
        ['on_track', 'projected ≥ required'],
        [
          'at_risk',
          `projected ≥ ${AT_RISK_RATIO} × required, or still in the first ${Math.round(GRACE_FRACTION * 1000) / 10}% of the period (one month of data is too little to call it behind)`,
        ],
        [
          'behind',
          'otherwise; and any unmet target whose period has ended (or a standing condition such as team size)',
        ],
      ],
    ),
    '',
    '### Cross-policy ambiguities',
    '',
    ...table(
      ['topic', 'the code reads'],
      SHARED_AMBIGUITIES.map((x) => [x.topic, x.reading]),
    ),
    '',
  ];
  for (const p of POLICY_DEFINITIONS) out.push(...policySection(p));
  return out.join('\n').replace(/\n+$/, '\n');
}

const text = renderPoliciesMarkdown();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(
      `docs/policies.md is stale: run \`pnpm --filter @master-studio/shared-rules run docs\``,
    );
    process.exit(1);
  }
  console.log('docs/policies.md is current');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
