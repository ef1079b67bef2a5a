import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LABELS_ZH } from '@master-studio/shared-rules';
import type { Studio } from '@/services/studio-api';
import { studioFactsApi } from '@/services/studio-facts-api';
import { describeError } from '@/services/errors';
import { formatDate, todayISO } from '@/lib/format';
import { Button } from '@/components/ui';

export const FLAG_FIELDS = [
  'hasSign',
  'hasHonoursBoard',
  'rulesPosted',
  'dutiesDefined',
  'hasEquipment',
  'hasFundRules',
] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

const flag = (v: boolean | null | undefined) =>
  v === true ? '有' : v === false ? '没有' : '未填写';

/** 待单位确认 / 已确认 (who, when) for the studio's own facts. */
export function FactsStatus({ studio }: { studio: Studio }) {
  const c = studio.factsConfirmation;
  return c ? (
    <Text className="pill pill--met" data-testid="facts-status">
      已确认 · {c.confirmedBy} · {formatDate(todayISO(new Date(c.confirmedAt)))}
    </Text>
  ) : (
    <Text className="pill pill--pending" data-testid="facts-status">
      待单位确认
    </Text>
  );
}

/**
 * The studio's own facts (name, area, the facilities that drive U3–U7 and G1–G4) as the leader
 * keeps them, with the unit's confirmation; the unit contact confirms them here.
 */
export function StudioFactsCard(props: {
  studio: Studio;
  canConfirm: boolean;
  onConfirmed: () => void;
}) {
  const { studio, canConfirm, onConfirmed } = props;
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    const ok = await Taro.showModal({
      title: '确认工作室信息',
      content: `确认“${studio.name}”的名称、场地和设施与实际一致？`,
      confirmText: '确认',
    });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      await studioFactsApi.confirm(studio.id);
      void Taro.showToast({ title: '已确认', icon: 'success' });
      onConfirmed();
    } catch (e) {
      void Taro.showToast({ title: `未能确认：${describeError(e)}`, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="studio-facts">
      <Text className="fs-16 fw-600 block">工作室信息</Text>
      {/* Its own line: the confirmer's name (unit and department) is long. */}
      <View className="mt-6">
        <FactsStatus studio={studio} />
      </View>
      <Text className="block fs-14 mt-8">名称：{studio.name}</Text>
      <Text className="block fs-14 mt-4">
        {LABELS_ZH.studioFields.areaSqm}：
        {studio.areaSqm === null ? '未填写' : `${studio.areaSqm} 平方米`}
      </Text>
      {FLAG_FIELDS.map((k) => (
        <Text key={k} className="block fs-14 mt-4">
          {LABELS_ZH.studioFields[k]}：{flag(studio[k])}
        </Text>
      ))}
      {canConfirm && !studio.factsConfirmation && (
        <Button
          type="primary"
          size="small"
          className="tap-target mt-8"
          loading={busy}
          data-testid="confirm-facts"
          onClick={() => void confirm()}
        >
          确认
        </Button>
      )}
    </View>
  );
}
