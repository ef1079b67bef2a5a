import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { meApi } from '@/services/studio-api';
import { describeError } from '@/services/errors';
import { parseCheckinInput } from '@/lib/checkin-code';
import { formatTime } from '@/lib/format';
import { Button } from '@/components/ui';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Scan the leader's QR code (WeChat) or type the code shown under it (browser). */
export default function ApprenticeCheckin() {
  const [text, setText] = useState(useRouter().params.code ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (raw: string) => {
    const code = parseCheckinInput(raw);
    if (!code) {
      setResult({ ok: false, text: '没有识别到签到码，请对准屏幕上的二维码，或输入二维码下方的字符' });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const r = await meApi.checkin(code);
      if (r.queued) setResult({ ok: true, text: '网络不可用：签到已存到手机，联网后自动提交' });
      else setResult({ ok: true, text: r.data.created ? `签到成功 · ${formatTime(r.data.attendance.checkedInAt)}` : '你已签到过本次活动' });
    } catch (e) {
      setResult({ ok: false, text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submit(r.result);
    } catch {
      setResult({ ok: false, text: '已取消扫码' });
    }
  };

  return (
    <View className='page' data-testid='apprentice-checkin' style={{ paddingTop: '12px' }}>
      {isWeapp && (
        <View className='card' style={{ textAlign: 'center' }}>
          <Button type='primary' size='large' block loading={busy} onClick={() => void scan()}>
            扫描签到二维码
          </Button>
          <Text className='muted' style={{ display: 'block', marginTop: '12px' }}>无法扫码时，可在下方输入签到码</Text>
        </View>
      )}
      <View className='card'>
        <Text style={{ fontSize: '16px', fontWeight: 600 }}>输入签到码</Text>
        <Text className='muted' style={{ display: 'block', margin: '4px 0 12px' }}>签到码显示在领办人手机的二维码下方，定时更换；也可直接打开签到链接</Text>
        <Input
          value={text}
          onInput={(e) => setText(e.detail.value)}
          placeholder='粘贴或输入签到码'
          data-testid='checkin-input'
          maxlength={64}
          style={{ fontSize: '15px', height: '52px', border: '1px solid #e5e6eb', borderRadius: '12px', padding: '0 16px', textAlign: 'center', fontFamily: 'monospace' }}
        />
        <Button type='primary' size='large' block loading={busy} data-testid='checkin-submit' style={{ marginTop: '16px' }} onClick={() => void submit(text)}>
          签到
        </Button>
      </View>
      {result && (
        <View className='card' data-testid='checkin-result' style={{ background: result.ok ? '#e8f7ee' : '#ffeceb', color: result.ok ? '#12a150' : '#e5362c', textAlign: 'center', fontSize: '16px', fontWeight: 600 }}>
          {result.ok ? '✓ ' : ''}
          {result.text}
        </View>
      )}
    </View>
  );
}
