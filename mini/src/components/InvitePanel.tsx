import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { onboardingApi, type CreatedInvitation, type Invitation } from '@/services/onboarding-api';
import { describeError } from '@/services/errors';
import { encodeInviteQr, expiryText, formatInviteCode } from '@/lib/invitation-code';
import { formatDate } from '@/lib/format';
import { label } from '@/lib/labels';
import { ListFooter } from './ListTools';
import { QrCode } from './QrCode';
import { StateView } from './StateView';
import type { PagedList } from './usePagedList';
import { Button } from './ui';
import './InvitePanel.css';

/** A fresh invitation: the code (shown once), its QR, its expiry, and a copy button. */
export function InvitePanel({ invitation }: { invitation: CreatedInvitation }) {
  const copy = () =>
    void Taro.setClipboardData({ data: invitation.code })
      .then(() => Taro.showToast({ title: '邀请码已复制', icon: 'success' }))
      .catch(() => undefined);
  return (
    <View className="card text-center" data-testid="invite-panel">
      <Text className="muted block">
        邀请{invitation.inviteeName ?? invitation.unitName ?? ''}成为
        {label('role', invitation.role)}
      </Text>
      <Text className="invite-code" data-testid="invite-code">
        {formatInviteCode(invitation.code)}
      </Text>
      <QrCode text={encodeInviteQr(invitation.code)} size={360} testId="invite-qr" />
      <Text className="muted block m-8-0-12">
        {formatDate(invitation.expiresAt.slice(0, 10))} 前有效（{expiryText(invitation.expiresAt)}
        ），只能使用一次
      </Text>
      <Button type="primary" size="large" block onClick={copy} data-testid="invite-copy">
        复制邀请码
      </Button>
      <Text className="muted block mt-10 fs-12">
        对方登录后在「加入工作室」输入邀请码或扫码即可。邀请码只显示这一次，请现在发给对方。
      </Text>
    </View>
  );
}

/**
 * Pending invitations, a page at a time (issue 11 item 2), with a revoke button each; loading,
 * empty and error states like the other paged lists.
 */
export function PendingInvitations({
  list,
  onRevoked,
}: {
  list: PagedList<Invitation>;
  onRevoked: () => void;
}) {
  const revoke = async (inv: Invitation) => {
    const ok = await Taro.showModal({
      title: '撤销邀请',
      content: `撤销后该邀请码立即失效。确定撤销给${inv.inviteeName ?? inv.unitName ?? ''}的邀请吗？`,
    });
    if (!ok.confirm) return;
    try {
      await Taro.showLoading({ title: '正在撤销' });
      await onboardingApi.revoke(inv.id);
      onRevoked();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    } finally {
      void Taro.hideLoading();
    }
  };
  return (
    <StateView state={list} isEmpty={(d) => d.items.length === 0} emptyText="没有待使用的邀请">
      {(d) => (
        <View className="list-card" data-testid="pending-invitations">
          {d.items.map((inv) => (
            <View key={inv.id} className="list-item" data-testid="pending-invitation">
              <View className="grow">
                <Text className="list-item__title">
                  {inv.inviteeName ?? inv.unitName ?? ''} · {label('role', inv.role)}
                </Text>
                <Text className="list-item__meta block">{expiryText(inv.expiresAt)}</Text>
              </View>
              <Button
                size="small"
                className="tap-target"
                onClick={() => void revoke(inv)}
                data-testid="invite-revoke"
              >
                撤销
              </Button>
            </View>
          ))}
          <ListFooter list={list} />
        </View>
      )}
    </StateView>
  );
}
