import Taro from '@tarojs/taro';
import type { PrivacyExport } from '@/services/privacy-api';

const FILE = '我的个人信息.json';

/**
 * Hands the export to the person as a file: a download on H5; on WeChat a file in the app's
 * user folder, offered to be sent to a chat (shareFileMessage), since a mini program cannot
 * save into the phone's folders.
 */
export async function saveExport(data: PrivacyExport): Promise<void> {
  const text = JSON.stringify(data, null, 2);
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = FILE;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  const path = `${Taro.env.USER_DATA_PATH}/${FILE}`;
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8');
  try {
    await Taro.shareFileMessage({ filePath: path, fileName: FILE });
  } catch {
    void Taro.showToast({ title: '已生成文件，可稍后再发送', icon: 'none' });
  }
}
