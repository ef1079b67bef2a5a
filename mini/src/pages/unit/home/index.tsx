import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { todayISO } from '@/lib/format';
import { InboxBar } from '@/components/InboxBar';
import { OutboxBar } from '@/components/OutboxBar';
import { StateView } from '@/components/StateView';
import { StudioHeader } from '@/components/StudioHeader';
import { StudioRiskList } from '@/components/StudioRiskList';
import { useAsync } from '@/components/useAsync';

/** The unit contact's dashboard: the unit's studios and where each stands. */
export default function UnitHome() {
  const role = currentRole();
  const unitId = Number(useRouter().params.unitId || role?.unitId || 0);
  const asOf = todayISO();
  const dash = useAsync(() => studioApi.unitDashboard(unitId, asOf), [unitId, asOf]);
  usePullDownRefresh(() => {
    dash.reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 600);
  });
  return (
    <View className="page" data-testid="unit-home">
      <StudioHeader
        title={role?.unitName ?? '本单位'}
        sub={`共 ${dash.data?.items.length ?? '—'} 个技能大师工作室`}
      />
      <View className="lift">
        <OutboxBar />
        <InboxBar />
        <StateView
          state={dash}
          isEmpty={(d) => d.items.length === 0}
          emptyText="本单位还没有工作室"
          rows={6}
        >
          {(d) => (
            <StudioRiskList
              items={d.items}
              asOf={d.asOf}
              onOpen={(id) =>
                void Taro.navigateTo({ url: `/pages/unit/studio/index?studioId=${id}` })
              }
            />
          )}
        </StateView>
      </View>
    </View>
  );
}
