/**
 * The downloadable template of an importable kind: one sheet with the Chinese header (required
 * columns marked *), the example row (skipped on import when left unchanged), a drop-down list
 * on every enumerated column (levels, kinds, sources) and text format on dates so Excel keeps
 * what is typed; a second sheet explains each column.
 */
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from './import-limits';
import type { FieldType, ImportKind } from './import-kinds';

const colLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : colLetter(Math.floor((n - 1) / 26)) + colLetter(((n - 1) % 26) + 1);

function hint(t: FieldType): string {
  switch (t.t) {
    case 'text':
      return '文字';
    case 'date':
      return '日期，如 2024-03-01、2024/3/1 或 2024年3月1日';
    case 'int':
      return '整数';
    case 'decimal':
      return '金额（元），最多两位小数';
    case 'bool':
      return '填“是”或“否”';
    case 'enum':
      return `从下拉列表选：${Object.values(t.labels).join('、')}`;
  }
}

interface DataValidationSheet {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

export async function templateXlsx(spec: Pick<ImportKind, 'title' | 'fields'>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '技能大师工作室助手';
  const ws = wb.addWorksheet(spec.title);
  const header = ws.addRow(spec.fields.map((f) => (f.required ? `${f.header}*` : f.header)));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  ws.addRow(spec.fields.map((f) => f.example));
  const last = MAX_IMPORT_ROWS + 1;
  spec.fields.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, f.header.length * 2 + 4);
    const range = `${colLetter(i + 1)}2:${colLetter(i + 1)}${last}`;
    if (f.type.t === 'date' || f.type.t === 'text') col.numFmt = '@';
    if (f.type.t === 'enum' || f.type.t === 'bool') {
      const options = f.type.t === 'bool' ? ['是', '否'] : Object.values(f.type.labels);
      (ws as unknown as DataValidationSheet).dataValidations.add(range, {
        type: 'list',
        allowBlank: !f.required,
        formulae: [`"${options.join(',')}"`],
        showErrorMessage: true,
        errorTitle: f.header,
        error: `请从下拉列表中选择${f.header}`,
      });
    }
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '填写说明', '也可以叫']).font = { bold: true };
  for (const f of spec.fields)
    notes.addRow([f.header, f.required ? '必填' : '选填', hint(f.type), f.synonyms.join('、')]);
  notes.addRow([]);
  notes.addRow([
    `第 2 行是示例，导入时原样保留的示例行会被跳过。每个文件最多 ${MAX_IMPORT_ROWS} 行。`,
  ]);
  notes.columns.forEach((c, i) => (c.width = [18, 10, 50, 30][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
