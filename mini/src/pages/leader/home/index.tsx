import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { policies } from '@master-studio/shared-rules';
import { studioApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { dueText, formatDate, todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import { OutboxBar } from '@/components/OutboxBar';
import { SectionTitle, StateView } from '@/components/StateView';
import { StudioHeader } from '@/components/StudioHeader';
import { TargetCard } from '@/components/TargetCard';
import { useAsync } from '@/components/useAsync';

const TILES = [
  { text: '活动签到', icon: '签', color: '#2f6bff', url: 'records/index?type=activities' },
  { text: '学徒名册', icon: '徒', color: '#12a150', url: 'records/index?type=apprentices' },
  { text: '成果', icon: '果', color: '#f08c00', url: 'records/index?type=achievements' },
  { text: '经费台账', icon: '账', color: '#7b61ff', url: 'records/index?type=funds' },
  { text: '计划总结', icon: '计', color: '#00a3bf', url: 'records/index?type=documents' },
  { text: '数据图表', icon: '图', color: '#e5362c', url: 'charts/index' },
  { text: '团队成员', icon: '队', color: '#4e5969', url: 'records/index?type=members' },
  { text: '待发送', icon: '传', color: '#b86e00', url: '/pages/common/outbox/index' },
  { text: '材料导出', icon: '导', color: '#0e7c66', url: '/pages/exports/index/index' },
  { text: '工作室信息', icon: '室', color: 'var(--ms-color-primary)', url: 'studio-facts/index' },
];

export default function LeaderHome() {
  const router = useRouter();
  const studioId = Number(router.params.studioId || currentRole()?.studioId || 0);
  const asOf = todayISO();
  const studio = useAsync(() => studioApi.get(studioId), [studioId]);
  const progress = useAsync(() => studioApi.progress(studioId, asOf), [studioId, asOf]);
  usePullDownRefresh(() => {
    studio.reload();
    progress.reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 600);
  });
  const go = (url: string) =>
    void Taro.navigateTo({
      url: url.startsWith('/')
        ? url
        : `/pages/leader/${url}${url.includes('?') ? '&' : '?'}studioId=${studioId}`,
    });
  const policy = policies.find(
    (p) => p.id === (studio.data?.jurisdiction.policyId ?? progress.data?.policyId),
  );

  return (
    <View className="page" data-testid="leader-home">
      <StudioHeader
        title={studio.data?.name ?? '我的工作室'}
        sub={policy ? `${policy.jurisdiction} · ${policy.title}` : studio.data?.trade}
        chip={studio.data?.trade}
      />
      <View className="lift">
        <OutboxBar />
        <View className="card">
          <View className="row row--between">
            <Text className="fs-17 fw-600">目标进度</Text>
            <Text className="muted">截至 {formatDate(asOf)}</Text>
          </View>
          <StateView
            state={progress}
            isEmpty={(p) => p.targets.length === 0}
            emptyText="本政策没有可统计的目标"
          >
            {(p) => (
              <View data-testid="targets">
                {p.targets.map((t) => (
                  <TargetCard
                    key={t.id}
                    target={t}
                    asOf={asOf}
                    onClick={() => go(`target/index?targetId=${t.id}`)}
                  />
                ))}
              </View>
            )}
          </StateView>
        </View>
      </View>
      <View className="tile-grid">
        {TILES.map((t) => (
          <View
            key={t.text}
            className="tile"
            data-testid={`tile-${t.text}`}
            onClick={() => go(t.url)}
          >
            <View className="tile__icon" style={{ background: t.color }}>
              {t.icon}
            </View>
            <Text className="tile__text">{t.text}</Text>
          </View>
        ))}
      </View>
      {progress.data && progress.data.deadlines.length > 0 && (
        <>
          <SectionTitle title="截止事项" />
          <View className="list-card">
            {progress.data.deadlines.map((d) => (
              <View key={d.id} className="list-item">
                <View className="grow">
                  <Text className="list-item__title">
                    {(d.label as string | undefined) ?? label('deadline', d.id)}
                  </Text>
                  <Text className="list-item__meta block">截止 {formatDate(d.dueOn)}</Text>
                </View>
                {d.done ? (
                  <Text className="pill pill--met">已完成</Text>
                ) : (
                  <Text className={`pill ${d.dueOn < asOf ? 'pill--danger' : 'pill--warn'}`}>
                    {dueText(d.dueOn, asOf)}
                  </Text>
                )}
              </View>
            ))}
          </View>
        </>
      )}
      {progress.data && progress.data.findings.length > 0 && (
        <>
          <SectionTitle title="提醒" />
          <View className="list-card">
            {progress.data.findings.map((f, i) => (
              <View key={`${f.rule}-${i}`} className="list-item">
                <Text
                  className={`pill ${f.severity === 'required' ? 'pill--danger' : 'pill--warn'}`}
                  style={{ marginLeft: 0, marginRight: '12px' }}
                >
                  {label('severity', f.severity)}
                </Text>
                <Text className="grow" style={{ fontSize: '14px', lineHeight: 1.5 }}>
                  {f.message}
                </Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}
