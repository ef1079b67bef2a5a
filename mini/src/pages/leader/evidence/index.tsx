import { citeZh } from '@master-studio/shared-rules';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FACILITY_KINDS, FACILITY_LABELS_ZH } from '@master-studio/shared-rules';
import { EvidencePanel } from '@/components/EvidencePanel';
import { SectionTitle, StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { describeError } from '@/services/errors';
import { evidenceApi, formatBytes } from '@/services/evidence';
import { currentRole } from '@/services/session';
import { todayISO } from '@/lib/format';
import '@/components/Evidence.css';

/**
 * The leader's evidence screen: the items of the assessment that still lack evidence
 * (缺少佐证材料), the photos of the studio's facilities, the storage used against the quota,
 * and whether photos keep their location and device data.
 */
export default function LeaderEvidence() {
  const studioId = Number(useRouter().params.studioId || currentRole()?.studioId || 0);
  const usage = useAsync(() => evidenceApi.usage(studioId), [studioId]);
  const sheet = useAsync(() => evidenceApi.sheet(studioId, todayISO()), [studioId]);
  const [saving, setSaving] = useState(false);
  const refresh = () => {
    usage.reload();
    sheet.reload();
  };

  const toggleExif = async (keep: boolean) => {
    setSaving(true);
    try {
      await evidenceApi.setKeepMetadata(studioId, keep);
      usage.reload();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="page pt-12" data-testid="leader-evidence">
      <SectionTitle title="考核前检查" />
      <StateView
        state={sheet}
        rows={2}
        isEmpty={(s) => s.items.length === 0}
        emptyText="本政策的考核表没有需要佐证材料的项目"
      >
        {(s) => {
          const missing = s.items.filter((i) => i.missing);
          return (
            <View className="list-card" data-testid="evidence-missing-list">
              {missing.length === 0 && (
                <View className="list-item">
                  <Text className="text-success">需要佐证的项目都已有附件</Text>
                </View>
              )}
              {missing.map((i) => (
                <View
                  key={i.itemId}
                  className="list-item block"
                  data-testid={`missing-${i.itemId}`}
                >
                  <Text className="fs-15 fw-500">
                    {i.itemId} {i.needs.map((n) => n.what).join('、')}
                  </Text>
                  <Text className="evidence__missing ml-8">缺少佐证材料</Text>
                  <Text className="muted block mt-4">
                    {i.subjects
                      .filter((x) => x.files.length === 0)
                      .map((x) => x.label)
                      .join('、')}
                    （{citeZh(i.needs[0]?.article ?? '')}）
                  </Text>
                </View>
              ))}
            </View>
          );
        }}
      </StateView>

      <SectionTitle title="场地设施照片" />
      {FACILITY_KINDS.map((f) => (
        <EvidencePanel
          key={f}
          studioId={studioId}
          subject={{ subject: 'facility', key: f }}
          title={FACILITY_LABELS_ZH[f]}
          canEdit
          onChange={refresh}
        />
      ))}

      <SectionTitle title="存储空间" />
      <StateView state={usage} rows={1}>
        {(u) => (
          <View className="card" data-testid="evidence-usage">
            <Text className="block">
              已用 {formatBytes(u.usedBytes)} / {formatBytes(u.quotaBytes)}（{u.files} 个附件）
            </Text>
            <View className="evidence__bar">
              {/* width follows the share of the quota in use: a dynamic value */}
              <View
                className="evidence__bar-fill"
                // Dynamic: the share of the quota in use.
                style={{ width: `${Math.min(100, (100 * u.usedBytes) / u.quotaBytes)}%` }}
              />
            </View>
            <Text className="muted block mt-8">
              单个文件不超过 {formatBytes(u.maxFileBytes)}；照片上传前在手机上压缩到长边 1600 像素。
            </Text>
            <Text className="block mt-12">
              照片的位置和设备信息：{u.keepPhotoMetadata ? '保留' : '上传时去除（默认）'}
            </Text>
            <Button
              size="small"
              className="tap-target mt-8"
              loading={saving}
              data-testid="toggle-exif"
              onClick={() => void toggleExif(!u.keepPhotoMetadata)}
            >
              {u.keepPhotoMetadata ? '改为去除' : '改为保留'}
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}
