import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  studioApi,
  type AttendanceRow,
  type CheckinCode,
  type RosterEntry,
} from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { keepScreenOn } from '@/services/screen';
import { encodeCheckinQr, formatShortCode, secondsLeft } from '@/lib/checkin-code';
import { formatTime } from '@/lib/format';
import { QrCode } from '@/components/QrCode';
import { ExportButton } from '@/components/ExportButton';
import { ListFooter } from '@/components/ListTools';
import { MissingRow } from '@/components/MissingRoster';
import { StateView } from '@/components/StateView';
import { Button } from '@/components/ui';
import { usePagedList } from '@/components/usePagedList';
import { PAGE_SIZE } from '@/lib/paging';
import './index.css';

/** The leader's screen during an activity: a rotating QR code and who has checked in so far. */
export default function Checkin() {
  const { studioId, activityId, title } = useRouter().params;
  const sid = Number(studioId);
  const aid = Number(activityId);
  const [code, setCode] = useState<CheckinCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [now, setNow] = useState(Date.now());

  const open = async () => {
    setOpening(true);
    setError(null);
    try {
      setCode(await studioApi.openCheckin(sid, aid));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setOpening(false);
    }
  };

  // Rotate: fetch the current code when the one on screen expires.
  useEffect(() => {
    if (!code) return;
    const t = setInterval(() => {
      setNow(Date.now());
      if (secondsLeft(code.expiresAt) <= 1) {
        studioApi.currentCode(sid, aid).then(setCode, (e: unknown) => setError(describeError(e)));
      }
    }, 1000);
    return () => clearInterval(t);
  }, [code, sid, aid]);

  // Keep the screen on while the QR code is up, so it stays scannable;
  // let it sleep again when the screen is hidden or left.
  const showing = code !== null;
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!showing || !visible) return;
    keepScreenOn(true);
    return () => keepScreenOn(false);
  }, [showing, visible]);

  // Who has not checked in and who has, a page at a time (issue 11 items 2 and 9): the missing
  // load more from their footer, the checked-in also on scrolling to the bottom of the screen.
  const missing = usePagedList<RosterEntry & { id: number }>(
    (page, pageSize) =>
      studioApi.missing(sid, aid, { page, pageSize }).then((p) => ({
        total: p.total,
        // Rows are told apart by person (the list's key when pages join).
        items: p.items.map((i) => ({ ...i, id: i.personId })),
      })),
    [sid, aid],
    PAGE_SIZE,
    false,
  );
  const list = usePagedList<AttendanceRow>(
    (page, pageSize) => studioApi.attendance(sid, aid, { page, pageSize }),
    [sid, aid],
  );
  const reloadBoth = () => {
    missing.reload();
    list.reload();
  };

  // Live: every 3 seconds while this screen is open, only the two counts are asked for; a list
  // whose count changed (someone checked in) is loaded again from its first page.
  const latest = useRef({ missing, list });
  latest.current = { missing, list };
  useEffect(() => {
    let stop = false;
    const t = setInterval(() => {
      void Promise.all([
        studioApi.missing(sid, aid, { page: 1, pageSize: 1 }),
        studioApi.attendance(sid, aid, { page: 1, pageSize: 1 }),
      ]).then(
        ([m, a]) => {
          if (stop) return;
          const now = latest.current;
          for (const [l, total] of [
            [now.missing, m.total],
            [now.list, a.total],
          ] as const)
            if (!l.loading && (l.data === undefined || l.total !== total)) l.reload();
        },
        () => undefined,
      );
    }, 3000);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [sid, aid]);

  const left = code ? secondsLeft(code.expiresAt, now) : 0;

  return (
    <View className="page pt-12" data-testid="checkin-page">
      <View className="card checkin-card">
        <Text className="fs-18 fw-700">{title ? decodeURIComponent(title) : '活动签到'}</Text>
        {code ? (
          <>
            <Text className="muted mt-4">
              学徒用微信或手机相机扫码，或在浏览器里输入下方6位数字
            </Text>
            <View className="checkin-qr-frame">
              {/* The link opens the mini program from WeChat's scanner and the H5 page from any camera. */}
              <QrCode text={code.link ?? encodeCheckinQr(code.code)} size={480} />
            </View>
            {code.shortCode && (
              <View className="checkin-short" data-testid="checkin-short">
                <Text className="fs-13 text-secondary">签到码</Text>
                <Text className="checkin-short__code" data-testid="checkin-short-code" userSelect>
                  {formatShortCode(code.shortCode)}
                </Text>
              </View>
            )}
            <Text
              className={
                left > 5 ? 'checkin-countdown' : 'checkin-countdown checkin-countdown--soon'
              }
              data-testid="checkin-countdown"
            >
              {left > 0 ? `${left} 秒后更换` : '正在更换…'}
            </Text>
            <Text className="muted mt-2 fs-12">过期的码无效，请以屏幕上最新的为准</Text>
            <Text className="checkin-link" data-testid="checkin-link" userSelect>
              {code.link ?? code.code}
            </Text>
          </>
        ) : (
          <>
            <Text className="muted m-16-0">开启后屏幕上会显示定时更换的签到二维码</Text>
            <Button
              type="primary"
              size="large"
              loading={opening}
              data-testid="open-checkin"
              onClick={() => void open()}
              className="checkin-open"
            >
              开启签到
            </Button>
          </>
        )}
        {error && <Text className="text-danger mt-12 fs-14">{error}</Text>}
      </View>
      {missing.total > 0 && (
        <>
          <View className="row row--between p-4-16-8">
            <Text className="fs-16 fw-600">未签到</Text>
            <Text className="fs-16 fw-700 text-warning" data-testid="missing-count">
              未签到 {missing.total} 人
            </Text>
          </View>
          <View className="list-card" data-testid="missing-list">
            {missing.items.map((r) => (
              <MissingRow
                key={r.personId}
                studioId={sid}
                activityId={aid}
                entry={r}
                onAdded={reloadBoth}
              />
            ))}
            <ListFooter list={missing} />
          </View>
        </>
      )}
      <View className="row row--between p-4-16-8">
        <Text className="fs-16 fw-600">已签到</Text>
        <Text className="fs-16 fw-700 text-primary" data-testid="attendance-count">
          {list.total} 人
        </Text>
      </View>
      <View className="list-card" data-testid="attendance-list">
        <StateView
          state={list}
          rows={3}
          isEmpty={(d) => d.items.length === 0}
          emptyText="还没有人签到"
        >
          {(d) => (
            <>
              {d.items.map((a) => (
                <View key={a.id} className="list-item">
                  <Text className="grow list-item__title">{a.name}</Text>
                  {a.source === 'leader' && (
                    <Text className="attendance-late" data-testid="attendance-late">
                      补签
                    </Text>
                  )}
                  <Text className="muted">{formatTime(a.checkedInAt)}</Text>
                </View>
              ))}
              <ListFooter list={list} />
            </>
          )}
        </StateView>
      </View>
      <View className="bottom-bar">
        <ExportButton
          request={{ kind: 'signin', studioId: Number(studioId), activityId: aid }}
          text="导出签到表"
          testId="export-signin"
        />
        <Button size="large" onClick={() => void Taro.navigateBack()}>
          完成
        </Button>
      </View>
    </View>
  );
}
