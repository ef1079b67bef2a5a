import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { currentRole } from '@/services/session';
import { studioApi } from '@/services/studio-api';
import { todayISO } from '@/lib/format';
import { ExportButton } from '@/components/ExportButton';
import { StateView } from '@/components/StateView';
import { StudioHeader } from '@/components/StudioHeader';
import { useAsync } from '@/components/useAsync';
import type { ExportRequest } from '@/services/exports';

interface Item {
  kind: ExportRequest['kind'];
  title: string;
  note: string;
  extra?: Partial<ExportRequest>;
}

/** 材料导出: every paper form of the studio, ready to print or send. */
export default function Exports() {
  const studioId = Number(useRouter().params.studioId || currentRole()?.studioId || 0);
  const today = todayISO();
  const year = Number(today.slice(0, 4));
  const studio = useAsync(() => studioApi.get(studioId), [studioId]);
  const items: Item[] = [
    { kind: 'assessment', title: '考核评分表', note: '按政策附件格式，待评审项留空手填（Excel）' },
    {
      kind: 'application',
      title: '申报表 / 申请表',
      note: '按政策附件1填好已有信息，附资格自查（Word）',
    },
    {
      kind: 'roster',
      title: '学员花名册',
      note: '学徒入室、协议、离开日期与证书；团队成员（Excel）',
    },
    {
      kind: 'attendance',
      title: '本月签到汇总',
      note: '人员 × 活动签到表（Excel）',
      extra: { month: today.slice(0, 7) },
    },
    {
      kind: 'ledger',
      title: '经费台账',
      note: `${year}年收支明细与结余（Excel）`,
      extra: { year },
    },
    {
      kind: 'summary',
      title: `${year}年度工作总结（草稿）`,
      note: '按档案生成数字，可在 Word 中修改',
      extra: { year },
    },
    {
      kind: 'plan',
      title: `${year + 1}年度工作计划（草稿）`,
      note: '按政策目标生成，可在 Word 中修改',
      extra: { year },
    },
    { kind: 'archive', title: '工作室档案（ZIP）', note: '全部记录与以上材料，一并备份' },
  ];
  return (
    <View className="page" data-testid="exports-page">
      <StateView state={studio} rows={3}>
        {(s) => (
          <StudioHeader title={s.name} sub="材料导出：下载后可打印（A4）或转发" chip={s.trade} />
        )}
      </StateView>
      <View className="list-card">
        {items.map((it) => (
          <View key={it.kind} className="list-item">
            <View className="grow">
              <Text className="list-item__title">{it.title}</Text>
              <Text className="list-item__meta block">{it.note}</Text>
            </View>
            <ExportButton
              request={{ kind: it.kind, studioId, ...it.extra }}
              text="下载"
              testId={`export-${it.kind}`}
            />
          </View>
        ))}
      </View>
    </View>
  );
}
