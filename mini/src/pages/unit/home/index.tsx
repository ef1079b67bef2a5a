import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { todayISO } from '@/lib/format';
import { InboxBar } from '@/components/InboxBar';
import { OutboxBar } from '@/components/OutboxBar';
import { StudioBrowser } from '@/components/StudioBrowser';
import { StudioHeader } from '@/components/StudioHeader';

/** The unit contact's dashboard: the unit's studios and where each stands. */
export default function UnitHome() {
  const role = currentRole();
  const unitId = Number(useRouter().params.unitId || role?.unitId || 0);
  const asOf = todayISO();
  const [key, setKey] = useState(0);
  usePullDownRefresh(() => {
    setKey((k) => k + 1);
    setTimeout(() => Taro.stopPullDownRefresh(), 600);
  });
  return (
    <View className="page" data-testid="unit-home">
      <StudioHeader title={role?.unitName ?? '本单位'} sub="本单位的技能大师工作室，风险高的在前" />
      <View className="lift">
        <OutboxBar />
        <InboxBar />
        <StudioBrowser
          key={key}
          load={(query) => studioApi.unitDashboard(unitId, asOf, query)}
          asOf={asOf}
          role="unit_contact"
          emptyText="本单位还没有工作室"
          noun="技能大师工作室"
          onOpen={(id) => void Taro.navigateTo({ url: `/pages/unit/studio/index?studioId=${id}` })}
        />
      </View>
    </View>
  );
}
