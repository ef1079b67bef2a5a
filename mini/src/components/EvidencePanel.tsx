import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { EvidenceFile } from '@/services/api';
import { describeError } from '@/services/errors';
import {
  evidenceApi,
  fileUrl,
  isQueuedUpload,
  openEvidence,
  pickError,
  pickFile,
  type PickedFile,
  type Subject,
  uploadEvidence,
} from '@/services/evidence';
import { useOutbox } from './OutboxBar';
import { StateView } from './StateView';
import { useAsync } from './useAsync';
import { Button } from './ui';
import './Evidence.css';

/** One file as a tile: the thumbnail of a photo, the name of a document; tap to open. */
export function EvidenceTile({
  file,
  all,
  small,
  onRemove,
}: {
  file: EvidenceFile;
  all: EvidenceFile[];
  small?: boolean;
  onRemove?: () => void;
}) {
  return (
    <View
      className={`evidence__tile${small ? ' evidence__tile--small' : ''}`}
      data-testid={`evidence-${file.id}`}
      onClick={() =>
        void openEvidence(file, all).catch((e: unknown) =>
          Taro.showToast({ title: describeError(e), icon: 'none' }),
        )
      }
    >
      {file.thumbUrl ? (
        <Image className="evidence__img" mode="aspectFill" src={fileUrl(file.thumbUrl)} />
      ) : (
        <Text className="evidence__doc">{file.fileName}</Text>
      )}
      {onRemove && (
        <View
          className="evidence__remove"
          data-testid={`evidence-remove-${file.id}`}
          onClick={(e) => {
            e.stopPropagation();
            onRemove();
          }}
        >
          <Text className="evidence__remove-dot">×</Text>
        </View>
      )}
    </View>
  );
}

/**
 * The files of one record or facility, with 拍照/相册 and 选择文件 when the caller may attach:
 * upload progress, a retry of a failed upload (the picked file is kept), the outbox offline.
 */
export function EvidencePanel({
  studioId,
  subject,
  title,
  canEdit,
  onChange,
}: {
  studioId: number;
  subject: Subject;
  title: string;
  canEdit: boolean;
  onChange?: () => void;
}) {
  const list = useAsync(
    () => evidenceApi.list(studioId, subject),
    [studioId, subject.subject, subject.key],
  );
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState<{ file: PickedFile; message: string } | null>(null);
  const tid = `${subject.subject}-${subject.key}`;
  // Files of this panel waiting in the outbox (attached offline); when one leaves it (sent),
  // the list is read again so the file shows up.
  const queued = useOutbox().filter(
    (c) =>
      isQueuedUpload(c.body) &&
      c.body.upload.studioId === studioId &&
      c.body.upload.subject === subject.subject &&
      c.body.upload.key === subject.key,
  );
  const waiting = queued.length;
  const refused = queued.filter((c) => c.status === 'failed').length;
  const waitingBefore = useRef(waiting);
  useEffect(() => {
    if (waiting < waitingBefore.current) {
      list.reload();
      onChange?.();
    }
    waitingBefore.current = waiting;
  }, [waiting]); // only when the count changes

  const send = async (file: PickedFile) => {
    setFailed(null);
    setProgress(0);
    try {
      const r = await uploadEvidence(studioId, subject, file, `上传${title}附件`, setProgress);
      void Taro.showToast({
        title: r.queued ? '无网络，已存入待发送' : '已上传',
        icon: r.queued ? 'none' : 'success',
      });
      list.reload();
      onChange?.();
    } catch (e) {
      setFailed({ file, message: describeError(e) });
    } finally {
      setProgress(null);
    }
  };

  const pick = async (camera: boolean) => {
    try {
      const file = await pickFile(camera);
      if (file) await send(file);
    } catch (e) {
      const message = pickError(e);
      if (message) void Taro.showModal({ title: '无法选择', content: message, showCancel: false });
    }
  };

  const remove = async (f: EvidenceFile) => {
    const ok = await Taro.showModal({ title: '删除附件', content: `删除“${f.fileName}”？` });
    if (!ok.confirm) return;
    try {
      await evidenceApi.remove(studioId, f.id);
      list.reload();
      onChange?.();
    } catch (e) {
      void Taro.showToast({ title: describeError(e), icon: 'none' });
    }
  };

  return (
    <View className="card evidence" data-testid={`evidence-panel-${tid}`}>
      <Text className="fs-15 fw-600">{title}</Text>
      <StateView state={list} rows={1}>
        {(l) =>
          l.items.length === 0 ? (
            waiting > 0 ? null : (
              <Text className="muted block mt-8" data-testid={`evidence-empty-${tid}`}>
                {canEdit ? '还没有附件：可拍照或选择文件' : '没有附件'}
              </Text>
            )
          ) : (
            <View className="evidence__grid">
              {l.items.map((f) => (
                <EvidenceTile
                  key={f.id}
                  file={f}
                  all={l.items}
                  onRemove={canEdit ? () => void remove(f) : undefined}
                />
              ))}
            </View>
          )
        }
      </StateView>
      {waiting > refused && (
        <Text className="text-warning fs-13 block mt-8" data-testid={`evidence-waiting-${tid}`}>
          {waiting - refused} 个文件等待发送，恢复网络后自动上传
        </Text>
      )}
      {refused > 0 && (
        <Text className="text-danger fs-13 block mt-8" data-testid={`evidence-refused-${tid}`}>
          {refused} 个文件未能上传，请在“待发送”中查看原因
        </Text>
      )}
      {progress !== null && (
        <View className="evidence__bar" data-testid="evidence-progress">
          {/* width follows the upload's progress: a dynamic value */}
          <View className="evidence__bar-fill" style={{ width: `${progress}%` }} />
        </View>
      )}
      {failed && (
        <View className="mt-8" data-testid="evidence-failed">
          <Text className="text-danger fs-13 block">上传失败：{failed.message}</Text>
          <Button size="small" className="tap-target mt-8" onClick={() => void send(failed.file)}>
            重试上传
          </Button>
        </View>
      )}
      {canEdit && (
        <View className="evidence__actions">
          <Button
            size="small"
            type="primary"
            className="tap-target"
            disabled={progress !== null}
            data-testid={`evidence-camera-${tid}`}
            onClick={() => void pick(true)}
          >
            拍照/相册
          </Button>
          <Button
            size="small"
            className="tap-target"
            disabled={progress !== null}
            data-testid={`evidence-file-${tid}`}
            onClick={() => void pick(false)}
          >
            选择文件
          </Button>
        </View>
      )}
    </View>
  );
}
