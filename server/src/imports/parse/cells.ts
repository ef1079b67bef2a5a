/**
 * Pure conversions of one spreadsheet cell to the value the API would receive: text that is
 * trimmed (full-width and no-break spaces too), dates in the forms people type in China
 * (2024年3月1日, 2024.3.1, 2024/3/1, 2024-03-01, 20240301, Excel date serials and date cells),
 * numbers with full-width digits, thousands separators or a 元 suffix, yes/no words, and
 * enumerated codes by their Chinese label. Each answers `{ value }` or `{ error }` (Chinese).
 */

export type Converted<T> = { value: T } | { error: string };

/** What a reader hands over for one cell: text, a number, a date cell, a boolean or nothing. */
export type CellValue = string | number | boolean | Date | null;

const SPACES = /^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g;

/** Full-width ASCII (ＡＢ１２．／－) to half-width, and the ideographic space to a space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** The cell as trimmed text ('' for an empty cell); numbers as they read, dates as YYYY-MM-DD. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return isoOfUtc(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(10)));
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v.replace(SPACES, '');
}

/** A spreadsheet would read text starting with one of these as a formula if it were typed in. */
export const FORMULA_START = /^[=+\-@]/;

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOfUtc = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** YYYY-MM-DD when y-m-d is a real calendar day between 1900 and 2199, else null. */
export function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Excel's day number (1900 date system, as Excel for Windows saves): 1 = 1900-01-01, with
 * Excel's phantom 1900-02-29 (serial 60), so from serial 61 on the day is 1899-12-30 + n.
 */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  if (days === 60) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return isoOfUtc(new Date(base + days * 86_400_000));
}

const DATE_ERROR = '日期无法识别，请写成 2024-03-01、2024/3/1、2024.3.1 或 2024年3月1日';

/** A date cell, an Excel serial, or text in one of the forms above; '' → null (empty). */
export function toDate(v: CellValue): Converted<string | null> {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? { error: DATE_ERROR } : { value: isoOfUtc(v) };
  }
  if (typeof v === 'number') {
    const d = excelSerialDate(v);
    // 20240301 typed as a number.
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(String(v));
    const c = compact ? calendarDate(+compact[1]!, +compact[2]!, +compact[3]!) : null;
    return c ? { value: c } : d ? { value: d } : { error: DATE_ERROR };
  }
  const s = toHalfWidth(cellText(v)).replace(/\s+/g, '');
  if (s === '') return { value: null };
  const m =
    /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = calendarDate(+m[1]!, +m[2]!, +m[3]!);
    return d ? { value: d } : { error: `没有这一天：${s}` };
  }
  // A serial that arrived as text (a CSV saved from a date column formatted as a number).
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const d = excelSerialDate(Number(s));
    if (d) return { value: d };
  }
  return { error: DATE_ERROR };
}

/** A number: full-width digits, thousands separators, a leading ¥/￥ or a trailing 元 are accepted. */
export function toNumber(v: CellValue): Converted<number | null> {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { error: '不是有效数字' };
  if (v instanceof Date || typeof v === 'boolean') return { error: '应填写数字' };
  const s = toHalfWidth(cellText(v))
    .replace(/\s+/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(元|人次|人|次|年)$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (s === '') return { value: null };
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { error: '应填写数字' };
  return { value: Number(s) };
}

const YES = new Set(['是', '全职', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', '兼职', 'n', 'no', 'false', '0', '×', '✗']);

export function toBoolean(v: CellValue): Converted<boolean | null> {
  if (typeof v === 'boolean') return { value: v };
  const s = toHalfWidth(cellText(v)).toLowerCase();
  if (s === '') return { value: null };
  if (YES.has(s)) return { value: true };
  if (NO.has(s)) return { value: false };
  return { error: '请填写“是”或“否”' };
}

/**
 * The words that name each code: the code itself, its Chinese label, and the label's parts
 * around full-width brackets ('初级工（五级）' → 初级工, 五级), so 高级工 and 三级 both read senior.
 */
export function enumAliases(labels: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, label] of Object.entries(labels)) {
    out.set(code.toLowerCase(), code);
    out.set(normalizeWord(label), code);
    const m = /^(.+?)[（(](.+?)[）)]$/.exec(label);
    if (m) {
      if (!out.has(normalizeWord(m[1]!))) out.set(normalizeWord(m[1]!), code);
      if (!out.has(normalizeWord(m[2]!))) out.set(normalizeWord(m[2]!), code);
    }
  }
  return out;
}

const normalizeWord = (s: string): string =>
  toHalfWidth(s)
    .replace(/[\s()（）]/g, '')
    .toLowerCase();

export function toEnum(
  v: CellValue,
  aliases: ReadonlyMap<string, string>,
  labels: Readonly<Record<string, string>>,
): Converted<string | null> {
  const s = cellText(v);
  if (s === '') return { value: null };
  const code = aliases.get(normalizeWord(s));
  return code
    ? { value: code }
    : { error: `“${s}”不在可选范围内，应为：${Object.values(labels).join('、')}` };
}
