/**
 * Word building blocks shared by the document exports: an A4 section whose page header repeats
 * the document's title, tables whose first row repeats on every page, label/value grids
 * with blank cells for handwriting, signature lines.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';

const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
const A4 = { width: 11906, height: 16838 }; // twips
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

export const p = (
  text: string,
  opts: { bold?: boolean; size?: number; center?: boolean; indent?: boolean } = {},
): Paragraph =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 80, line: 360 },
    ...(opts.indent ? { indent: { firstLine: 480 } } : {}),
    children: [new TextRun({ text, bold: opts.bold ?? false, size: opts.size ?? 24, font: FONT })],
  });

export const title = (text: string): Paragraph => p(text, { bold: true, size: 36, center: true });
export const heading = (text: string): Paragraph => p(text, { bold: true, size: 28 });

/** A paragraph per line of a text (keeps line breaks of drafts editable). */
export const lines = (text: string, indent = true): Paragraph[] =>
  text.split('\n').map((l) => p(l, { indent }));

const cell = (
  text: string,
  opts: { bold?: boolean; span?: number; height?: boolean; width?: number } = {},
): TableCell =>
  new TableCell({
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    ...(opts.span ? { columnSpan: opts.span } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    children: text.split('\n').map(
      (l) =>
        new Paragraph({
          spacing: { before: 40, after: 40 },
          children: [new TextRun({ text: l, bold: opts.bold ?? false, size: 22, font: FONT })],
        }),
    ),
  });

/** A table with a header row repeated on each page; empty rows appended up to `minRows` for handwriting. */
export function table(columns: string[], rows: string[][], minRows = 0): Table {
  const body = [...rows];
  while (body.length < minRows) body.push(columns.map(() => ''));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, { bold: true })) }),
      ...body.map(
        (r) =>
          new TableRow({
            height: { value: 420, rule: 'atLeast' },
            children: r.map((v) => cell(v)),
          }),
      ),
    ],
  });
}

/** Label / value pairs, two pairs per row; an empty value stays blank for handwriting. */
export function grid(pairs: [string, string][], perRow = 2): Table {
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const chunk = pairs.slice(i, i + perRow);
    const cells = chunk.flatMap(([k, v]) => [
      cell(k, { bold: true, width: 18 }),
      cell(v, { width: 32 }),
    ]);
    const short = perRow - chunk.length;
    if (short > 0)
      cells[cells.length - 1] = cell(chunk[chunk.length - 1]![1], { span: 1 + short * 2 });
    rows.push(new TableRow({ height: { value: 480, rule: 'atLeast' }, children: cells }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

/** A titled box with text (or blank lines to write in). */
export function box(label: string, text: string, blankLines = 4): Table {
  const body = text ? text : Array.from({ length: blankLines }, () => '').join('\n');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [cell(label, { bold: true, width: 18 }), cell(body, { width: 82 })],
      }),
    ],
  });
}

/** An opinion box with a signature and date line (单位意见, 专家评估意见…). */
export const opinion = (label: string, signer = '（签字盖章）'): Table =>
  box(label, `\n\n\n${' '.repeat(40)}${signer}\n${' '.repeat(44)}年    月    日`);

export function document(titleText: string, children: FileChild[]): Document {
  return new Document({
    creator: '技能大师工作室助手',
    title: titleText,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: 1200, bottom: 1200, left: 1100, right: 1100 } },
        },
        headers: { default: new Header({ children: [p(titleText, { size: 18, center: true })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      '第 ',
                      PageNumber.CURRENT,
                      ' 页，共 ',
                      PageNumber.TOTAL_PAGES,
                      ' 页',
                    ],
                    size: 18,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export const toBuffer = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);
export const spacer = (): Paragraph => p('');
