import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  onboardingApi,
  type CreatedInvitation,
  type Invitation,
  type InviteRole,
} from '@/services/onboarding-api';
import { describeError } from '@/services/errors';
import { label } from '@/lib/labels';
import { InvitePanel, PendingInvitations } from '@/components/InvitePanel';
import { usePagedList } from '@/components/usePagedList';
import { Button } from '@/components/ui';

/** The leader invites one person of the roster or the team to sign in as themselves. */
export default function Invite() {
  const p = useRouter().params;
  const studioId = Number(p.studioId);
  const role = (p.role === 'member' ? 'member' : 'apprentice') as InviteRole;
  const recordId = Number(p.id);
  const name = decodeURIComponent(p.name ?? '');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A page at a time (issue 11 item 2); reloaded from page 1 after a new code or a revoke.
  const pending = usePagedList<Invitation>(
    (page, pageSize) => onboardingApi.pendingOfStudio(studioId, page, pageSize),
    [studioId],
  );

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCreated(
        await onboardingApi.createInvitation({
          role,
          studioId,
          ...(role === 'member' ? { memberId: recordId } : { apprenticeId: recordId }),
        }),
      );
      pending.reload();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page" data-testid="leader-invite">
      <View className="hero">
        <Text className="hero__title">邀请{name}</Text>
        <Text className="hero__sub">
          对方用自己的微信登录并输入邀请码后，以{label('role', role)}身份使用小程序
        </Text>
      </View>
      <View className="lift">
        {created ? (
          <InvitePanel invitation={created} />
        ) : (
          <View className="card">
            <Text className="muted block mb-12">
              邀请码 7 天内有效，只能使用一次；生成新的邀请码不会影响已发出的邀请。
            </Text>
            {error && <View className="field-error p-0-0-8">{error}</View>}
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              onClick={() => void create()}
              data-testid="invite-create"
            >
              生成邀请码
            </Button>
          </View>
        )}
        <Text className="block p-4-16-8 fw-600">待使用的邀请</Text>
        <PendingInvitations list={pending} onRevoked={pending.reload} />
      </View>
    </View>
  );
}
