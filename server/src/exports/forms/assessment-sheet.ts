/**
 * 考核表: one studio's assessment sheet laid out as its policy's annex (gongshu-2020 附件2
 * 考核表, urumqi-2023 附件2 考核评估标准): a row per item with the annex's wording, criteria,
 * method and maximum, the score (blank where the reviewer has yet to judge: filled in by hand),
 * how it was scored and the named records it rests on; then the base, bonus and total lines,
 * the veto row and the grade line. yuzhong-2023 prints its 120-point total and pass line;
 * policies without a scored sheet print the note and the targets.
 */
import type { Worksheet } from 'exceljs';
import {
  type AnnexRow,
  type AssessmentItem,
  citeZh,
  getPolicy,
  type GradeThreshold,
  LABELS_ZH,
} from '@master-studio/shared-rules';
import type { ScoredStudio } from '../export-data';
import { nameIdsIn } from '../record-names';
import {
  boxed,
  fitRowHeights,
  headerRow,
  noteRow,
  repeatOnEachPage,
  text,
  titleRow,
  widths,
} from '../xlsx/cells';

export const SHEET_COLUMNS = [
  '编号',
  '考核项目',
  '考核内容',
  '评分标准',
  '评估方式',
  '分值',
  '得分',
  '计分方式',
  '依据（记录）',
  '说明',
];
const W = SHEET_COLUMNS.length;
/** 1-based columns the read-back tests and the jurisdiction summary rely on. */
export const COL = { id: 1, section: 2, content: 3, max: 6, score: 7 } as const;

const num = (n: number): number => Math.round(n * 1e6) / 1e6;
const thresholds = (grades: readonly GradeThreshold[] | null): string =>
  grades
    ? grades.map((g) => `${LABELS_ZH.grades[g.grade]}（${num(g.min)}分及以上）`).join('、') +
      `，低于 ${num(grades[grades.length - 1]!.min)} 分${LABELS_ZH.grades.fail}`
    : '';

export function writeAssessmentSheet(ws: Worksheet, s: ScoredStudio): void {
  const f = s.facts;
  const policy = getPolicy(s.sheet.policyId);
  const spec = policy.assessment;
  widths(ws, [6, 11, 24, 22, 8, 6, 6, 8, 30, 38]);
  titleRow(
    ws,
    spec.kind === 'items' ? spec.form.title : `${policy.jurisdiction}技能大师工作室考核评估表`,
    W,
  );
  const period = s.sheet.period ? `${s.sheet.period.from} 至 ${s.sheet.period.to}` : '—';
  noteRow(
    ws,
    `工作室名称：${s.head.name}    所在单位：${s.head.unitName}    领办人：${f.leader.name}    职业（工种）：${f.studio.trade}    技能等级：${LABELS_ZH.skillLevels[f.leader.skillLevel] ?? ''}`,
    W,
  );
  noteRow(
    ws,
    `认定日期：${f.studio.recognizedOn}    考核期：${period}    统计日：${s.sheet.asOf}    联系电话：              填表单位（公章）：`,
    W,
  );
  noteRow(ws, `依据：${policy.title}（${policy.document}）`, W);
  repeatOnEachPage(ws, headerRow(ws, SHEET_COLUMNS));
  // 评估方式 is a column of gongshu-2020's annex only.
  if (spec.kind !== 'items' || !Object.values(spec.form.rows).some((r) => r.method))
    ws.getColumn(5).hidden = true;

  if (spec.kind === 'items') {
    const sectionOf = (it: AssessmentItem): string => spec.form.rows[it.id]?.section ?? '';
    const sectionMax = new Map<string, number>();
    for (const it of s.sheet.items)
      sectionMax.set(sectionOf(it), (sectionMax.get(sectionOf(it)) ?? 0) + it.max);
    let start = 0;
    let section: string | null = null;
    const close = (end: number): void => {
      if (start && end > start) ws.mergeCells(start, COL.section, end, COL.section);
    };
    for (const it of s.sheet.items) {
      const row = itemRow(ws, it, spec.form.rows[it.id], s);
      if (sectionOf(it) !== section) {
        close(row.number - 1);
        section = sectionOf(it);
        start = row.number;
        row.getCell(COL.section).value = `${section}（${num(sectionMax.get(section) ?? 0)}分）`;
      }
    }
    close(ws.lastRow?.number ?? 0);
    totalRow(ws, '基础分', s.sheet.base.max, s.sheet.base.score, '');
    totalRow(ws, '加分', s.sheet.bonus.max, s.sheet.bonus.score, '');
    const printed =
      spec.form.printedTotal !== String(s.sheet.maxTotal)
        ? `考核表合计栏印为“${spec.form.printedTotal}”，按各分项之和计 ${num(s.sheet.maxTotal)} 分（见政策说明）。`
        : '';
    const pending = s.sheet.pending.length
      ? `另有 ${s.sheet.pending.length} 项待评审（得分栏空白，由评审手填），未计入合计。`
      : '';
    totalRow(ws, '合计', s.sheet.maxTotal, s.sheet.total, printed + pending);
    if (spec.form.veto)
      boxed(
        noteRow(
          ws,
          `一票否决项：${spec.form.veto}  本工作室：${s.sheet.vetoed ? '存在否决事项' : '无'}`,
          W,
        ),
        1,
        W,
      );
  } else if (spec.kind === 'total') {
    const has = s.sheet.pending.length === 0;
    totalRow(
      ws,
      '总分',
      spec.max,
      has ? s.sheet.total : null,
      `${num(spec.max)}分制；${thresholds(spec.grades)}（${citeZh(spec.article)}）。${has ? '' : '尚未录入评审总分，得分栏由评审手填。'}`,
    );
  } else {
    boxed(noteRow(ws, citeZh(s.sheet.gradeNote), W), 1, W);
  }
  const grade = s.sheet.grade
    ? LABELS_ZH.grades[s.sheet.grade]
    : spec.kind === 'none'
      ? '不评定'
      : '待定';
  const gradeRow = ws.addRow(['', '等次', grade, text(citeZh(s.sheet.gradeNote))]);
  ws.mergeCells(gradeRow.number, 4, gradeRow.number, W);
  gradeRow.font = { bold: true };
  boxed(gradeRow, 1, W);

  writeTargets(ws, s);
  ws.addRow([]);
  noteRow(
    ws,
    '评审人（签字）：                              填表人：                              填表时间：      年    月    日',
    W,
  );
  fitRowHeights(ws);
}

/** At most BASIS_NAMES names in a cell; the full lists are in the roster and the archive. */
const BASIS_NAMES = 10;
export function namedList(refs: string[], name: (ref: string) => string): string {
  const shown = refs.slice(0, BASIS_NAMES).map(name).join('；');
  return refs.length > BASIS_NAMES ? `${shown}；……等共 ${refs.length} 条` : shown;
}

function itemRow(ws: Worksheet, it: AssessmentItem, annex: AnnexRow | undefined, s: ScoredStudio) {
  const row = ws.addRow([
    it.id,
    '',
    annex?.content ?? it.label,
    annex?.criteria ?? it.rule,
    annex?.method ?? '',
    it.max,
    it.basis === 'pending' ? null : it.score,
    LABELS_ZH.itemBases[it.basis],
    text(namedList(it.basedOn, s.name)),
    text(citeZh(nameIdsIn(it.explanation, s.name))),
  ]);
  boxed(row, 1, W);
  for (const c of [COL.id, COL.max, COL.score, 8])
    row.getCell(c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return row;
}

function totalRow(
  ws: Worksheet,
  label: string,
  max: number,
  score: number | null,
  note: string,
): void {
  const row = ws.addRow(['', label, '', '', '', max, score, note]);
  ws.mergeCells(row.number, COL.section, row.number, 5);
  ws.mergeCells(row.number, 8, row.number, W);
  row.font = { bold: true };
  boxed(row, 1, W);
  row.getCell(COL.max).alignment = { horizontal: 'center', vertical: 'middle' };
  row.getCell(COL.score).alignment = { horizontal: 'center', vertical: 'middle' };
}

/** 目标任务完成情况: the policy's targets as evaluate() reports them. */
function writeTargets(ws: Worksheet, s: ScoredStudio): void {
  ws.addRow([]);
  noteRow(ws, '目标任务完成情况', W).font = { bold: true };
  const h = headerRow(ws, ['', '目标', '统计期', '条款', '', '要求', '实际', '进度', '说明', '']);
  ws.mergeCells(h.number, 4, h.number, 5);
  ws.mergeCells(h.number, 9, h.number, W);
  for (const t of s.progress.targets) {
    const row = ws.addRow([
      '',
      LABELS_ZH.targets[t.id],
      t.period ? `${t.period.from} 至 ${t.period.to}` : '常设条件',
      citeZh(t.article),
      '',
      t.max !== undefined ? `${t.required}–${t.max}` : t.required,
      t.actual,
      `${t.met ? '已达标' : LABELS_ZH.paceStatuses[t.status]}`,
      text(citeZh(nameIdsIn(t.explanation, s.name))),
    ]);
    ws.mergeCells(row.number, 4, row.number, 5);
    ws.mergeCells(row.number, 9, row.number, W);
    boxed(row, 1, W);
  }
}
