import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { currentRole } from '@/services/session';
import { uploadStudioBatch } from '@/services/imports';
import { ImportBody, ImportPickCard, useImportFlow } from '@/components/ImportParts';
import { Button, Empty } from '@/components/ui';

/** The batch's columns whose codes the preview shows by their Chinese label. */
const LABELLED = {
  leaderRetirementCategory: 'retirementCategory',
  leaderSkillLevel: 'skillLevel',
} as const;

/**
 * The reviewer registers a batch of studios for the jurisdiction from one sheet (units, studios,
 * leaders): preview with each bad row's reasons, then all rows or none. Each new studio's leader
 * invitation code is shown once, after the import.
 */
export default function ReviewerImportPage() {
  const jid = Number(useRouter().params.jurisdictionId || currentRole()?.jurisdictionId || 0);
  const flow = useImportFlow((f, commit) => uploadStudioBatch(jid, f, commit));
  if (!jid)
    return (
      <View className="page state state--error" data-testid="error">
        <Empty status="error" title="没有可登记的辖区" description="请用评审账号进入本页" />
      </View>
    );
  return (
    <View className="page" data-testid="reviewer-import">
      <ImportPickCard flow={flow} template="studios" title="工作室批量登记">
        <Text className="fw-600 block mb-8">一张表登记多个工作室</Text>
        <Text className="muted block fs-13">
          每行一个工作室：单位、工作室名称、职业（工种）、认定日期和领办人信息。表中的单位在本辖区没有时会一并新建；本辖区已有的同名工作室跳过。
        </Text>
      </ImportPickCard>
      <ImportBody
        flow={flow}
        labelled={LABELLED}
        doneCard={(done) => {
          const created = done.rows.filter((r) => r.action === 'create');
          return (
            <View className="card m-0-12-8" data-testid="import-done">
              <Text className="text-success fw-600 block">
                已登记 {done.counts.create} 个工作室，跳过 {done.counts.skip} 行
              </Text>
              {created.length > 0 && (
                <Text className="muted block mt-4 fs-13">
                  请把邀请码发给各位领办人（只显示这一次）：
                </Text>
              )}
              {created.map((r) => (
                <Text key={r.line} className="block mt-4" data-testid="import-done-studio">
                  {String(r.values.name ?? '')}（{String(r.values.leaderName ?? '')}）：
                  <Text className="fw-600 text-primary">{r.code ?? '—'}</Text>
                </Text>
              ))}
              <Button
                size="small"
                className="mt-8 tap-target"
                data-testid="import-back"
                onClick={() =>
                  void Taro.reLaunch({ url: `/pages/reviewer/home/index?jurisdictionId=${jid}` })
                }
              >
                查看工作室列表
              </Button>
            </View>
          );
        }}
      />
    </View>
  );
}
