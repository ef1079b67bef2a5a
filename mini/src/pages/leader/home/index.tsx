import { citeZh } from '@master-studio/shared-rules';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { policies } from '@master-studio/shared-rules';
import { studioApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { formatDate, todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import { recordTiles, type HomeTile } from '@/lib/record-rows';
import { InboxBar } from '@/components/InboxBar';
import { OutboxBar } from '@/components/OutboxBar';
import { SectionTitle, StateView } from '@/components/StateView';
import { StudioHeader } from '@/components/StudioHeader';
import { TargetCard } from '@/components/TargetCard';
import { useAsync } from '@/components/useAsync';
import './index.css';
import { DeadlineList } from '@/components/DeadlineList';

// The record kinds' tiles come from the registry (lib/record-rows.ts); the rest are other screens.
const TILES: HomeTile[] = [
  ...recordTiles(),
  { text: '数据图表', icon: '图', tone: 'danger', url: 'charts/index', order: 6 },
  { text: '待发送', icon: '传', tone: 'brown', url: '/pages/common/outbox/index', order: 8 },
  { text: '材料导出', icon: '导', tone: 'teal', url: '/pages/exports/index/index', order: 9 },
  { text: '佐证材料', icon: '证', tone: 'orange', url: 'evidence/index', order: 9.5 },
  { text: '工作室信息', icon: '室', tone: 'primary', url: 'studio-facts/index', order: 9.7 },
].sort((a, b) => a.order - b.order);
// Only the leader may remove members' access (server: DELETE /roles/:id).
const LEADER_TILES: HomeTile[] = [
  { text: '成员权限', icon: '权', tone: 'secondary', url: 'team-roles/index', order: 10 },
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
        <InboxBar />
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
        {[...TILES, ...(currentRole()?.role === 'leader' ? LEADER_TILES : [])].map((t) => (
          <View
            key={t.text}
            className="tile"
            data-testid={`tile-${t.text}`}
            onClick={() => go(t.url)}
          >
            <View className={`tile__icon tile__icon--${t.tone}`}>{t.icon}</View>
            <Text className="tile__text">{t.text}</Text>
          </View>
        ))}
      </View>
      {progress.data && progress.data.deadlines.length > 0 && (
        <>
          <SectionTitle title="截止事项" />
          <View className="card" data-testid="leader-deadlines">
            <DeadlineList
              deadlines={progress.data.deadlines}
              asOf={asOf}
              role="leader"
              studioId={studioId}
              upcoming={5}
              withDone
            />
          </View>
        </>
      )}
      {progress.data && progress.data.findings.length > 0 && (
        <>
          <SectionTitle title="提醒" />
          <View className="list-card">
            {progress.data.findings.map((f, i) => (
              <View key={`${f.rule}-${i}`} className="list-item finding">
                <Text
                  className={`pill finding__badge ${f.severity === 'required' ? 'pill--danger' : 'pill--warn'}`}
                >
                  {label('severity', f.severity)}
                </Text>
                <Text className="finding__text">{citeZh(f.message)}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}
