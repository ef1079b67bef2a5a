import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { rows, studioApi } from '@/services/studio-api';
import { formatDate, todayISO } from '@/lib/format';
import { signoffState } from '@/lib/signoff';
import { label } from '@/lib/labels';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { RowActions } from '@/components/RowActions';
import { confirmAndDelete } from '@/services/record-actions';

/** One apprentice's certificates, as the leader sees them; add a new one. */
export default function ApprenticeCerts() {
  const { studioId, apprenticeId, name = '' } = useRouter().params;
  const certs = useAsync(
    () => studioApi.records(Number(studioId), 'certificates', { apprenticeId }),
    [studioId, apprenticeId],
  );
  const asOf = todayISO();
  const mine = rows(certs.data).filter((c) => String(c.apprenticeId) === String(apprenticeId));
  return (
    <View className="page pt-12">
      <View className="card">
        <Text className="fs-20 fw-700">{decodeURIComponent(name)}</Text>
        <Text className="muted block mt-4">取得高级工及以上证书的学徒计入「培养高技能人才」</Text>
      </View>
      <StateView state={certs} isEmpty={() => mine.length === 0} emptyText="还没有登记证书">
        {() => (
          <View className="list-card">
            {mine.map((c) => (
              <View key={c.id} className="record-row" data-testid="record-row">
                <View className="list-item">
                  <View className="grow">
                    <Text className="list-item__title">{label('skillLevel', c.level)}</Text>
                    <Text className="list-item__meta block">
                      {formatDate(c.awardedOn)}
                      {c.number ? ` · 编号 ${c.number}` : ''}
                    </Text>
                  </View>
                </View>
                <RowActions
                  signoff={signoffState('certificate', c, asOf)}
                  onEdit={() =>
                    void Taro.navigateTo({
                      url: `/pages/leader/record-edit/index?studioId=${studioId}&type=certificates&apprenticeId=${apprenticeId}&id=${c.id}&name=${name}`,
                    })
                  }
                  onDelete={() =>
                    void confirmAndDelete(Number(studioId), 'certificates', c).then(
                      (gone) => gone && certs.reload(),
                    )
                  }
                />
              </View>
            ))}
          </View>
        )}
      </StateView>
      <View className="bottom-bar">
        <Button
          type="primary"
          size="large"
          onClick={() =>
            void Taro.navigateTo({
              url: `/pages/leader/record-edit/index?studioId=${studioId}&type=certificates&apprenticeId=${apprenticeId}&name=${name}`,
            })
          }
        >
          登记证书
        </Button>
      </View>
    </View>
  );
}
