import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { currentRole } from '@/services/session';
import { todayISO } from '@/lib/format';
import { StudioBrowser } from '@/components/StudioBrowser';
import { StudioHeader } from '@/components/StudioHeader';
import { Button } from '@/components/ui';
import { ExportButton } from '@/components/ExportButton';
import { InboxBar } from '@/components/InboxBar';

/** The bureau reviewer's list: every studio in the jurisdiction, most at risk first. */
export default function ReviewerHome() {
  const role = currentRole();
  const jid = Number(useRouter().params.jurisdictionId || role?.jurisdictionId || 0);
  const asOf = todayISO();
  const [key, setKey] = useState(0);
  usePullDownRefresh(() => {
    setKey((k) => k + 1);
    setTimeout(() => Taro.stopPullDownRefresh(), 600);
  });
  return (
    <View className="page" data-testid="reviewer-home">
      <StudioHeader
        title={role?.jurisdictionName ?? '本辖区'}
        sub="按风险从高到低排列，点开查看考核评分表"
      />
      <View className="lift">
        <InboxBar />
        <StudioBrowser
          key={key}
          load={(query) => studioApi.jurisdictionDashboard(jid, asOf, query)}
          asOf={asOf}
          role="reviewer"
          emptyText="辖区内还没有工作室"
          onOpen={(id) =>
            void Taro.navigateTo({ url: `/pages/reviewer/sheet/index?studioId=${id}` })
          }
        />
        <View className="m-12">
          <ExportButton
            block
            request={{ kind: 'jurisdiction', jurisdictionId: jid, asOf }}
            text="导出全辖区考核表（Excel）"
            testId="export-jurisdiction"
          />
        </View>
        <View className="m-12">
          <Button
            type="primary"
            size="large"
            block
            data-testid="reviewer-new-studio"
            onClick={() => void Taro.navigateTo({ url: '/pages/reviewer/new-studio/index' })}
          >
            新建工作室
          </Button>
          <View className="mt-8">
            <Button
              fill="outline"
              type="primary"
              size="large"
              block
              data-testid="reviewer-import"
              onClick={() =>
                void Taro.navigateTo({ url: `/pages/reviewer/import/index?jurisdictionId=${jid}` })
              }
            >
              从表格批量登记工作室
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
