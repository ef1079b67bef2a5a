import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { cellText, enumAliases, toBoolean, toDate, toEnum, toNumber } from './cells';
import { readSheet } from './read-file';
import { locateHeader, normalizeHeader } from './table';
import { guardXlsx } from './zip-guard';

const LEVELS = { junior: '初级工（五级）', senior: '高级工（三级）', technician: '技师（二级）' };

describe('cells', () => {
  it.each([
    ['2024年3月1日', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024-03-01', '2024-03-01'],
    [' 2024-3-1  ', '2024-03-01'],
    ['２０２４年３月１日', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['2024/3/1 0:00:00', '2024-03-01'],
    ['45352', '2024-03-01'],
    [45352, '2024-03-01'],
    [new Date(Date.UTC(2024, 2, 1)), '2024-03-01'],
    ['', null],
  ])('reads the date %p as %p', (input, want) => {
    expect(toDate(input)).toEqual({ value: want });
  });

  it('refuses dates that do not exist or cannot be read', () => {
    expect(toDate('2023年2月29日')).toEqual({ error: expect.stringContaining('没有这一天') });
    expect(toDate('去年三月')).toEqual({ error: expect.stringContaining('日期无法识别') });
    expect(toDate(60)).toEqual({ error: expect.stringContaining('日期无法识别') });
  });

  it('maps Excel serials around the phantom 1900-02-29', () => {
    expect(toDate(59)).toEqual({ value: '1900-02-28' });
    expect(toDate(61)).toEqual({ value: '1900-03-01' });
  });

  it('reads numbers with full-width digits, separators and units', () => {
    expect(toNumber('１２３')).toEqual({ value: 123 });
    expect(toNumber('¥12,345.50')).toEqual({ value: 12345.5 });
    expect(toNumber('3000元')).toEqual({ value: 3000 });
    expect(toNumber('12人次')).toEqual({ value: 12 });
    expect(toNumber('十二')).toEqual({ error: '应填写数字' });
    expect(toNumber('  ')).toEqual({ value: null });
  });

  it('trims spaces of every kind and keeps formula-looking text as it is', () => {
    expect(cellText('  王五\u3000\u00a0')).toBe('王五');
    expect(cellText('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(cellText(1.1 + 2.2)).toBe('3.3');
  });

  it('reads yes/no words', () => {
    expect(toBoolean('是')).toEqual({ value: true });
    expect(toBoolean('兼职')).toEqual({ value: false });
    expect(toBoolean('也许')).toEqual({ error: '请填写“是”或“否”' });
  });

  it('reads an enumerated code by its label, the label’s parts, or the code', () => {
    const aliases = enumAliases(LEVELS);
    expect(toEnum('初级工（五级）', aliases, LEVELS)).toEqual({ value: 'junior' });
    expect(toEnum('初级工(五级)', aliases, LEVELS)).toEqual({ value: 'junior' });
    expect(toEnum('三级', aliases, LEVELS)).toEqual({ value: 'senior' });
    expect(toEnum('技师', aliases, LEVELS)).toEqual({ value: 'technician' });
    expect(toEnum('Senior', aliases, LEVELS)).toEqual({ value: 'senior' });
    expect(toEnum('大师', aliases, LEVELS)).toEqual({
      error: expect.stringContaining('初级工（五级）、'),
    });
  });
});

describe('header', () => {
  const specs = [
    { key: 'name', header: '姓名', synonyms: ['学员姓名', '徒弟姓名'], required: true },
    { key: 'joinedOn', header: '拜师日期', synonyms: ['入册日期'], required: true },
    { key: 'agreementSignedOn', header: '协议签订日期', synonyms: ['签约日期'], required: false },
  ];

  it('normalizes marks around a header name', () => {
    expect(normalizeHeader(' 协议签订日期（YYYY-MM-DD）*')).toBe('协议签订日期');
    expect(normalizeHeader('学员 姓名：')).toBe('学员姓名');
  });

  it('finds the header under a title and notes, by synonyms, in any order', () => {
    const r = locateHeader(
      [
        ['某某技能大师工作室学徒花名册'],
        ['填表说明：日期写成 2024-03-01'],
        ['序号', '签约日期', '学员姓名', '入册日期', '备注'],
      ],
      specs,
    );
    expect(r).toEqual({
      ok: true,
      table: {
        headerIndex: 2,
        columns: new Map([
          ['agreementSignedOn', 1],
          ['name', 2],
          ['joinedOn', 3],
        ]),
        ignored: ['序号', '备注'],
      },
    });
  });

  it('names the missing required column', () => {
    const r = locateHeader([['姓名', '签约日期']], specs);
    expect(r).toEqual({ ok: false, error: '表头第 1 行缺少必填列：“拜师日期”' });
  });
});

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readSheet', () => {
  it('reads a GBK CSV (Excel on Chinese Windows)', async () => {
    const buf = iconv.encode('姓名,拜师日期\r\n王五,2024年3月1日\r\n"李,四",2024.3.1\r\n', 'gbk');
    const r = await readSheet(buf);
    expect(r.encoding).toBe('gbk');
    expect(r.rows).toEqual([
      ['姓名', '拜师日期'],
      ['王五', '2024年3月1日'],
      ['李,四', '2024.3.1'],
    ]);
  });

  it('reads UTF-8 with and without BOM, and UTF-16 tab-separated text', async () => {
    const text = '姓名,拜师日期\n王五,2024-03-01\n';
    expect((await readSheet(Buffer.from(text))).rows[1]).toEqual(['王五', '2024-03-01']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect((await readSheet(bom)).rows[0]).toEqual(['姓名', '拜师日期']);
    const u16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('姓名\t拜师日期\n王五\t2024-03-01\n', 'utf16le'),
    ]);
    const r = await readSheet(u16);
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows[1]).toEqual(['王五', '2024-03-01']);
  });

  it('reads an xlsx with a merged title row, date cells and a formula’s result', async () => {
    const buf = await xlsx((ws) => {
      ws.addRow(['证书登记表']);
      ws.mergeCells(1, 1, 1, 3);
      ws.addRow(['学员姓名', '证书等级', '发证日期']);
      ws.addRow(['王五', '高级工', new Date(Date.UTC(2024, 2, 1))]);
      ws.addRow(['=1+1', { formula: '1+1', result: 2 }, 45352]);
    });
    const r = await readSheet(buf);
    expect(r.format).toBe('xlsx');
    expect(r.rows[0]).toEqual(['证书登记表', null, null]);
    expect(r.rows[2]).toEqual(['王五', '高级工', new Date(Date.UTC(2024, 2, 1))]);
    expect(r.rows[3]).toEqual(['=1+1', 2, 45352]);
  });

  it('refuses encrypted workbooks and old .xls files (OLE), and binary junk', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]);
    await expect(readSheet(encrypted)).rejects.toMatchObject({
      code: 'IMPORT_FILE_REFUSED',
      message: expect.stringContaining('密码'),
    });
    await expect(readSheet(ole)).rejects.toMatchObject({
      message: expect.stringContaining('.xls'),
    });
    await expect(readSheet(Buffer.from([1, 0, 2, 3]))).rejects.toMatchObject({
      message: expect.stringContaining('不是表格文件'),
    });
    await expect(readSheet(Buffer.alloc(0))).rejects.toMatchObject({ message: '文件是空的' });
  });

  it('refuses a macro-enabled workbook and a truncated one', async () => {
    const zip = await JSZip.loadAsync(await xlsx((ws) => ws.addRow(['姓名'])));
    zip.file('xl/vbaProject.bin', Buffer.alloc(100));
    const macro = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(readSheet(macro)).rejects.toMatchObject({
      message: expect.stringContaining('宏'),
    });
    const good = await xlsx((ws) => ws.addRow(['姓名']));
    await expect(readSheet(good.subarray(0, good.length - 30))).rejects.toMatchObject({
      code: 'IMPORT_FILE_REFUSED',
    });
  });
});

describe('guardXlsx (zip bombs)', () => {
  const bombZip = async (bytes: number): Promise<Buffer> => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(bytes));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };

  it('refuses by the declared sizes, before inflating', async () => {
    expect(() => guardXlsx(Buffer.alloc(0))).toThrow();
    // 4 MB of zeros deflate to a few KB: a ratio no spreadsheet has.
    const bomb = await bombZip(4 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => guardXlsx(bomb)).toThrow(/压缩炸弹/);
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const zip = await bombZip(4 * 1024 * 1024);
    // Make the sheet's central-directory entry claim 1,000 bytes.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = zip.lastIndexOf(name) - 46;
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    zip.writeUInt32LE(1000, at + 24);
    expect(() => guardXlsx(zip)).toThrow(/与声明不符/);
  });
});
