import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { IMPORT_PATHS, uploadImport, type ImportPath } from '@/services/imports';
import {
  ImportBody,
  ImportPickCard,
  useImportFlow,
  type LabelledColumns,
} from '@/components/ImportParts';
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
const LABELLED: Partial<Record<ImportPath, LabelledColumns>> = {
  members: { skillLevel: 'skillLevel' },
  certificates: { level: 'skillLevel' },
  activities: { kind: 'activityKind' },
  achievements: { kind: 'achievementKind', level: 'recordLevel' },
  funds: { source: 'fundSource', direction: 'direction' },
};

/** The leader imports a spreadsheet into the studio: template, file, preview, then all rows or none. */
export default function ImportPage() {
  const params = useRouter().params as { studioId: string; type?: string };
  const studioId = Number(params.studioId);
  const [path, setPath] = useState<ImportPath>(
    (IMPORT_PATHS as readonly string[]).includes(params.type ?? '')
      ? (params.type as ImportPath)
      : 'apprentices',
  );
  const flow = useImportFlow((f, commit) => uploadImport(studioId, path, f, commit));
  const choose = (p: ImportPath) => {
    setPath(p);
    // The same file read as the other kind (a wrong choice is seen at once).
    flow.repreview((f, commit) => uploadImport(studioId, p, f, commit));
  };

  return (
    <View className="page">
      <ImportPickCard flow={flow} template={path} title={TITLES[path]}>
        <Text className="fw-600 block mb-8">导入什么</Text>
        <View className="row row--wrap" data-testid="import-kinds">
          {IMPORT_PATHS.map((p) => (
            <View key={p} className="mr-6 mb-8">
              <Button
                size="small"
                type="primary"
                fill={p === path ? 'solid' : 'outline'}
                className="tap-target nowrap"
                data-testid={`import-kind-${p}`}
                onClick={() => choose(p)}
              >
                {TITLES[p]}
              </Button>
            </View>
          ))}
        </View>
      </ImportPickCard>
      <ImportBody
        flow={flow}
        labelled={LABELLED[path]}
        doneCard={(done) => (
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
      />
    </View>
  );
}
