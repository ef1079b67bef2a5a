// Over 300 lines: the import screen's parts (pick, preview, result) and the flow state they share,
// used by both the leader's and the reviewer's import screens.
/**
 * The parts of an import screen (the leader's records, the reviewer's batch of studios): pick a
 * file (and the template), the preview with each bad row's Chinese reasons, commit once, the
 * result. The flow's state lives in useImportFlow; each screen says what it uploads.
 */
import { type ReactNode, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import {
  openTemplate,
  pickSpreadsheet,
  type ImportResult,
  type ImportRow,
  type PickedFile,
  type TemplatePath,
} from '@/services/imports';
import { label, type LabelGroup } from '@/lib/labels';
import { Button } from './ui';

/** Columns whose codes the preview shows by their Chinese label. */
export type LabelledColumns = Record<string, LabelGroup>;

const ACTION_TEXT: Record<ImportRow['action'], [string, string]> = {
  create: ['新增', 'pill--met'],
  update: ['更新', 'pill--on_track'],
  skip: ['跳过', 'pill--pending'],
  error: ['有错', 'pill--danger'],
};

function RowView({
  r,
  labelled,
  headers,
}: {
  r: ImportRow;
  labelled: LabelledColumns;
  headers: Map<string, string>;
}) {
  const [text, pill] = ACTION_TEXT[r.action];
  const values = Object.entries(r.values)
    .map(([k, v]) => {
      const g = labelled[k];
      const shown =
        typeof v === 'boolean' ? (v ? '是' : '否') : g ? label(g, String(v)) : String(v);
      return `${headers.get(k) ?? k}：${shown}`;
    })
    .join('；');
  const notes = (m: Record<string, string>) => Object.values(m);
  return (
    <View className="list-item" data-testid={`import-row-${r.action}`}>
      <View className="grow">
        <Text className="list-item__title">第 {r.line} 行</Text>
        {values && <Text className="list-item__meta block">{values}</Text>}
        {r.changes.length > 0 && (
          <Text className="list-item__meta block">将更新：{r.changes.join('、')}</Text>
        )}
        {notes(r.errors).map((m) => (
          <Text key={m} className="block text-danger fs-13" data-testid="import-row-error">
            {m}
          </Text>
        ))}
        {notes(r.warnings).map((m) => (
          <Text key={m} className="block text-warning fs-13">
            {m}
          </Text>
        ))}
        {r.code && (
          <Text className="block fs-13 text-primary" data-testid="import-row-code">
            领办人邀请码：{r.code}
          </Text>
        )}
      </View>
      <Text className={`pill ${pill}`}>{text}</Text>
    </View>
  );
}

/** The counts, what the import changes, and the rows (errors first, at most 200 on a phone). */
export function ImportPreview({
  p,
  labelled = {},
  testId = 'import-summary',
}: {
  p: ImportResult;
  labelled?: LabelledColumns;
  testId?: string;
}) {
  const headers = new Map(p.columns.map((c) => [c.key, c.header]));
  const rank = { error: 0, update: 1, create: 2, skip: 3 } as const;
  const shown = [...p.rows]
    .sort((a, b) => rank[a.action] - rank[b.action] || a.line - b.line)
    .slice(0, 200);
  return (
    <View>
      <View className="card m-0-12-8" data-testid={testId}>
        <Text className="fw-600 block">{p.fileName}</Text>
        <Text className="muted block mt-4">
          共 {p.counts.total} 行：新增 {p.counts.create}，更新 {p.counts.update}，跳过{' '}
          {p.counts.skip}
          ，有错 {p.counts.error}
        </Text>
        {p.ignoredColumns.length > 0 && (
          <Text className="muted block mt-4">
            未识别的列（不导入）：{p.ignoredColumns.join('、')}
          </Text>
        )}
        {p.targets.map((t) => (
          <Text key={t.id} className="block mt-4 text-primary" data-testid="import-target">
            {t.label}：{t.before} → {t.after}
            {t.nowMet ? '（达标）' : ''}
          </Text>
        ))}
        {p.sheet && p.sheet.before !== p.sheet.after && (
          <Text className="block mt-4 text-primary">
            考核表总分：{p.sheet.before} → {p.sheet.after}
          </Text>
        )}
      </View>
      <View className="list-card">
        {shown.map((r) => (
          <RowView key={r.line} r={r} labelled={labelled} headers={headers} />
        ))}
      </View>
      {p.rows.length > shown.length && (
        <Text className="muted block text-center p-8-0">
          另有 {p.rows.length - shown.length} 行未显示
        </Text>
      )}
    </View>
  );
}

export interface ImportFlow {
  file: PickedFile | null;
  preview: ImportResult | null;
  done: ImportResult | null;
  busy: '' | 'preview' | 'commit';
  error: string;
  setError: (e: string) => void;
  /** Picks a file and previews it. */
  pick: () => Promise<void>;
  /** Previews the file picked before again (e.g. read as another kind). */
  repreview: (upload?: Upload) => void;
  commit: () => void;
  /** A preview with no bad row and something to write. */
  writable: boolean;
}

type Upload = (f: PickedFile, commit: boolean) => Promise<ImportResult>;

/** File, preview, commit (all rows or none) and result, for one upload target. */
export function useImportFlow(upload: Upload): ImportFlow {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'' | 'preview' | 'commit'>('');
  const [error, setError] = useState('');

  const run = async (f: PickedFile, commit: boolean, send = upload) => {
    setBusy(commit ? 'commit' : 'preview');
    setError('');
    if (!commit) setPreview(null);
    try {
      const r = await send(f, commit);
      if (commit) {
        setDone(r);
        setPreview(null);
        setFile(null);
      } else setPreview(r);
    } catch (e) {
      setError(describeError(e));
      if (!commit) setPreview(null);
    } finally {
      setBusy('');
    }
  };
  const pick = async () => {
    setError('');
    try {
      const f = await pickSpreadsheet();
      if (!f) return;
      setFile(f);
      setDone(null);
      await run(f, false);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return {
    file,
    preview,
    done,
    busy,
    error,
    setError,
    pick,
    repreview: (send) => {
      setDone(null);
      if (file) void run(file, false, send);
    },
    commit: () => {
      if (file && busy === '') void run(file, true);
    },
    writable:
      preview !== null &&
      preview.counts.error === 0 &&
      preview.counts.create + preview.counts.update > 0,
  };
}

/** The first card: what to import (`children`), the formats, the template and the file. */
export function ImportPickCard({
  flow,
  template,
  title,
  children,
}: {
  flow: ImportFlow;
  template: TemplatePath;
  title: string;
  children?: ReactNode;
}) {
  return (
    <View className="card m-12">
      {children}
      <Text className="muted block mt-4 fs-13">
        可用 Excel（.xlsx）或 CSV；列名按表头识别，标题行、中文日期和全角数字都可以。每次最多 5000
        行。
      </Text>
      <View className="row row--wrap mt-8">
        <View className="mr-6 mb-8">
          <Button
            size="small"
            fill="outline"
            type="primary"
            className="tap-target nowrap"
            data-testid="import-template"
            onClick={() =>
              void openTemplate(template, title).catch((e) => flow.setError(describeError(e)))
            }
          >
            下载模板
          </Button>
        </View>
        <View className="mb-8">
          <Button
            size="small"
            type="primary"
            className="tap-target nowrap"
            loading={flow.busy === 'preview'}
            data-testid="import-pick"
            onClick={() => void flow.pick()}
          >
            {process.env.TARO_ENV === 'h5' ? '选择文件' : '从微信聊天选择文件'}
          </Button>
        </View>
      </View>
    </View>
  );
}

/** The error card (with 重新选择文件), the empty hint, and the preview when there is one. */
export function ImportBody({
  flow,
  labelled,
  doneCard,
}: {
  flow: ImportFlow;
  labelled?: LabelledColumns;
  doneCard: (done: ImportResult) => ReactNode;
}) {
  const { error, file, done, preview, busy } = flow;
  return (
    <>
      {error && (
        <View className="card m-0-12-8" data-testid="import-error">
          <Text className="text-danger block">{error}</Text>
          {file && (
            <Button size="small" className="mt-8 tap-target" onClick={() => void flow.pick()}>
              重新选择文件
            </Button>
          )}
        </View>
      )}
      {done && doneCard(done)}
      {!preview && !done && !error && busy === '' && (
        <View className="state state--empty p-0-16" data-testid="import-empty">
          <Text className="muted block text-center">
            选择文件后先预览，确认无误再导入；有错误的行需改好后重新上传。
          </Text>
        </View>
      )}
      {busy === 'preview' && !preview && (
        <View className="state state--loading p-0-16" data-testid="import-loading">
          <Text className="muted block text-center">正在读取和校验文件……</Text>
        </View>
      )}
      {preview && <ImportPreview p={preview} labelled={labelled} />}
      {preview && file && (
        <View className="bottom-bar">
          <Button
            type="primary"
            size="large"
            block
            disabled={!flow.writable}
            loading={busy === 'commit'}
            data-testid="import-commit"
            onClick={flow.commit}
          >
            {preview.counts.error > 0
              ? `有 ${preview.counts.error} 行有错，请修改后重新选择文件`
              : flow.writable
                ? `确认导入（新增 ${preview.counts.create}，更新 ${preview.counts.update}）`
                : '没有需要导入的新内容'}
          </Button>
        </View>
      )}
    </>
  );
}
