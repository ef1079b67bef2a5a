import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import {
  IMPORT_PATHS,
  openTemplate,
  pickSpreadsheet,
  uploadImport,
  type ImportPath,
  type ImportResult,
  type ImportRow,
  type PickedFile,
} from '@/services/imports';
import { label, type LabelGroup } from '@/lib/labels';
import { Button } from '@/components/ui';

const TITLES: Record<ImportPath, string> = {
  apprentices: '学徒花名册',
  members: '团队成员',
  certificates: '技能证书',
  activities: '活动与签到',
  achievements: '成果',
  funds: '经费台账',
};

/** Codes shown by their Chinese label in the preview. */
const LABELLED: Partial<Record<ImportPath, Record<string, LabelGroup>>> = {
  members: { skillLevel: 'skillLevel' },
  certificates: { level: 'skillLevel' },
  activities: { kind: 'activityKind' },
  achievements: { kind: 'achievementKind', level: 'recordLevel' },
  funds: { source: 'fundSource', direction: 'direction' },
};

const ACTION_TEXT: Record<ImportRow['action'], [string, string]> = {
  create: ['新增', 'pill--met'],
  update: ['更新', 'pill--on_track'],
  skip: ['跳过', 'pill--pending'],
  error: ['有错', 'pill--danger'],
};

function RowView({
  r,
  path,
  headers,
}: {
  r: ImportRow;
  path: ImportPath;
  headers: Map<string, string>;
}) {
  const [text, pill] = ACTION_TEXT[r.action];
  const groups = LABELLED[path] ?? {};
  const values = Object.entries(r.values)
    .map(([k, v]) => {
      const g = groups[k];
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
      </View>
      <Text className={`pill ${pill}`}>{text}</Text>
    </View>
  );
}

function Preview({ p, path }: { p: ImportResult; path: ImportPath }) {
  const headers = new Map(p.columns.map((c) => [c.key, c.header]));
  // Rows with something to say first; at most 200 rows on a phone (the counts cover all).
  const rank = { error: 0, update: 1, create: 2, skip: 3 } as const;
  const shown = [...p.rows]
    .sort((a, b) => rank[a.action] - rank[b.action] || a.line - b.line)
    .slice(0, 200);
  return (
    <View>
      <View className="card m-0-12-8" data-testid="import-summary">
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
          <RowView key={r.line} r={r} path={path} headers={headers} />
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

/** The leader imports a spreadsheet into the studio: template, file, preview, then all rows or none. */
export default function ImportPage() {
  const params = useRouter().params as { studioId: string; type?: string };
  const studioId = Number(params.studioId);
  const [path, setPath] = useState<ImportPath>(
    (IMPORT_PATHS as readonly string[]).includes(params.type ?? '')
      ? (params.type as ImportPath)
      : 'apprentices',
  );
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'' | 'preview' | 'commit'>('');
  const [error, setError] = useState('');

  const run = async (f: PickedFile, commit: boolean, kind = path) => {
    setBusy(commit ? 'commit' : 'preview');
    setError('');
    if (!commit) setPreview(null);
    try {
      const r = await uploadImport(studioId, kind, f, commit);
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
  const choose = (p: ImportPath) => {
    setPath(p);
    setDone(null);
    // The same file read as the other kind (a wrong choice is seen at once).
    if (file) void run(file, false, p);
  };
  const writable =
    preview !== null &&
    preview.counts.error === 0 &&
    preview.counts.create + preview.counts.update > 0;

  return (
    <View className="page">
      <View className="card m-12">
        <Text className="fw-600 block mb-8">导入什么</Text>
        <View className="row">
          {IMPORT_PATHS.map((p) => (
            <View key={p} className="mr-6 mb-8">
              <Button
                size="small"
                type="primary"
                fill={p === path ? 'solid' : 'outline'}
                className="tap-target"
                data-testid={`import-kind-${p}`}
                onClick={() => choose(p)}
              >
                {TITLES[p]}
              </Button>
            </View>
          ))}
        </View>
        <Text className="muted block mt-4 fs-13">
          可用 Excel（.xlsx）或 CSV；列名按表头识别，标题行、中文日期和全角数字都可以。每次最多 5000
          行。
        </Text>
        <View className="row mt-8">
          <View className="mr-6">
            <Button
              size="small"
              fill="outline"
              type="primary"
              className="tap-target"
              data-testid="import-template"
              onClick={() =>
                void openTemplate(path, TITLES[path]).catch((e) => setError(describeError(e)))
              }
            >
              下载模板
            </Button>
          </View>
          <Button
            size="small"
            type="primary"
            className="tap-target"
            loading={busy === 'preview'}
            data-testid="import-pick"
            onClick={() => void pick()}
          >
            {process.env.TARO_ENV === 'h5' ? '选择文件' : '从微信聊天选择文件'}
          </Button>
        </View>
      </View>
      {error && (
        <View className="card m-0-12-8" data-testid="import-error">
          <Text className="text-danger block">{error}</Text>
          {file && (
            <Button size="small" className="mt-8 tap-target" onClick={() => void pick()}>
              重新选择文件
            </Button>
          )}
        </View>
      )}
      {done && (
        <View className="card m-0-12-8" data-testid="import-done">
          <Text className="text-success fw-600 block">
            已导入：新增 {done.counts.create} 条，更新 {done.counts.update} 条，跳过{' '}
            {done.counts.skip} 条
          </Text>
          <Button
            size="small"
            className="mt-8 tap-target"
            onClick={() =>
              void Taro.redirectTo({
                url: `/pages/leader/records/index?studioId=${studioId}&type=${path}`,
              })
            }
          >
            查看{TITLES[path]}
          </Button>
        </View>
      )}
      {!preview && !done && !error && busy === '' && (
        <View className="state state--empty p-0-16" data-testid="import-empty">
          <Text className="muted block text-center">
            选择文件后先预览，确认无误再导入；有错误的行需改好后重新上传。
          </Text>
        </View>
      )}
      {preview && <Preview p={preview} path={path} />}
      {preview && file && (
        <View className="bottom-bar">
          <Button
            type="primary"
            size="large"
            block
            disabled={!writable}
            loading={busy === 'commit'}
            data-testid="import-commit"
            onClick={() => void run(file, true)}
          >
            {preview.counts.error > 0
              ? `有 ${preview.counts.error} 行有错，请修改后重新选择文件`
              : writable
                ? `确认导入（新增 ${preview.counts.create}，更新 ${preview.counts.update}）`
                : '没有需要导入的新内容'}
          </Button>
        </View>
      )}
    </View>
  );
}
