import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/services/errors';
import { downloadExport, type ExportRequest } from '@/services/exports';
import { Button } from '@/components/ui';

/**
 * One export: a button that prepares the file and downloads it without blocking the screen;
 * long ones (the archive, a jurisdiction's workbook) show their progress under the button.
 */
export function ExportButton({
  request,
  text,
  testId,
  block,
}: {
  request: ExportRequest;
  text: string;
  testId: string;
  block?: boolean;
}) {
  const [state, setState] = useState<{ busy: boolean; percent: number; error?: string }>({
    busy: false,
    percent: 0,
  });
  const run = async () => {
    setState({ busy: true, percent: 0 });
    try {
      const link = await downloadExport(request, (percent) => setState((s) => ({ ...s, percent })));
      setState({ busy: false, percent: 100 });
      void Taro.showToast({ title: `已开始下载：${link.fileName}`, icon: 'none' });
    } catch (e) {
      setState({ busy: false, percent: 0, error: describeError(e) });
    }
  };
  return (
    <View className={block ? 'block' : 'inline-block'}>
      <Button
        size={block ? 'large' : 'small'}
        type="primary"
        fill="outline"
        block={block}
        loading={state.busy}
        data-testid={testId}
        onClick={() => void run()}
      >
        {text}
      </Button>
      {state.busy && state.percent > 0 && state.percent < 100 && (
        <Text className="muted block mt-4">正在下载 {state.percent}%</Text>
      )}
      {state.error && <Text className="block mt-4 text-danger fs-13">{state.error}</Text>}
    </View>
  );
}

/** The export that belongs with a record list: the roster with the apprentices and the team, the ledger with the funds. */
export function RecordsExport({ type, studioId }: { type: string; studioId: number }) {
  if (type === 'apprentices' || type === 'members')
    return (
      <ExportButton
        request={{ kind: 'roster', studioId }}
        text="导出花名册"
        testId="export-roster"
      />
    );
  if (type === 'funds')
    return (
      <ExportButton
        request={{ kind: 'ledger', studioId }}
        text="导出经费台账"
        testId="export-ledger"
      />
    );
  return null;
}
