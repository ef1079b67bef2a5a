import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { rolesApi } from '@/services/roles-api';
import { RoleList } from '@/components/RoleList';
import { SectionTitle, StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';

/** The reviewer's people screen for one studio: its leader and its unit's contacts, removable. */
export default function ReviewerRoles() {
  const studioId = Number(useRouter().params.studioId);
  const studio = useAsync(() => studioApi.get(studioId), [studioId]);
  const unitId = studio.data?.unit.id;
  const leaders = useAsync(() => rolesApi.ofStudio(studioId), [studioId]);
  const contacts = useAsync(() => rolesApi.ofUnit(unitId ?? 0), [unitId], {
    skip: unitId === undefined,
  });
  return (
    <View className="page" data-testid="reviewer-roles">
      <View className="hero">
        <Text className="hero__title">人员与权限</Text>
        <Text className="hero__sub">{studio.data?.name ?? '工作室'}：移除后对方立即失去该角色</Text>
      </View>
      <View className="lift">
        <SectionTitle title="领办人" />
        <StateView
          state={leaders}
          isEmpty={(d) => d.items.length === 0}
          emptyText="该工作室暂无领办人账号"
          rows={2}
        >
          {(d) => (
            <RoleList
              items={d.items}
              scope={studio.data?.name ?? '该工作室'}
              onRemoved={leaders.reload}
              testId="studio-roles"
            />
          )}
        </StateView>
        <SectionTitle title={`单位联系人${studio.data ? `（${studio.data.unit.name}）` : ''}`} />
        <StateView state={studio} rows={2}>
          {(s) => (
            <StateView
              state={contacts}
              isEmpty={(d) => d.items.length === 0}
              emptyText="该单位暂无联系人账号"
              rows={2}
            >
              {(d) => (
                <RoleList
                  items={d.items}
                  scope={s.unit.name}
                  onRemoved={contacts.reload}
                  testId="unit-roles"
                />
              )}
            </StateView>
          )}
        </StateView>
      </View>
    </View>
  );
}
