/**
 * The weapp branch of evidence picking and uploading, with Taro's API mocked (the real one needs
 * the WeChat base library): chooseMedia's options, compressImage to PHOTO_MAX_EDGE, and
 * uploadFile's URL, part name and Authorization header; a failed network puts the upload (a saved
 * file) in the outbox, sent once when it is flushed.
 */
type Handler = (...args: never[]) => unknown;
jest.mock('@tarojs/taro', () => {
  const store = new Map<string, string>();
  const taro = {
    store,
    chooseMedia: jest.fn(),
    chooseMessageFile: jest.fn(),
    getImageInfo: jest.fn(),
    compressImage: jest.fn(),
    uploadFile: jest.fn(),
    saveFile: jest.fn(),
    getStorageSync: jest.fn((k: string) => store.get(k) ?? ''),
    setStorageSync: jest.fn((k: string, v: string) => void store.set(k, v)),
    removeStorageSync: jest.fn((k: string) => void store.delete(k)),
  };
  return { __esModule: true, default: taro };
});

import { flushOutbox, outbox } from './http';
import { PHOTO_MAX_EDGE, pickFile, uploadEvidence } from './evidence';
import { setToken } from './token';

const { store: mockStore, ...fns } = (
  jest.requireMock('@tarojs/taro') as {
    default: Record<string, jest.Mock> & { store: Map<string, string> };
  }
).default;
const mockTaro = fns as Record<string, jest.Mock>;

interface UploadOption {
  url: string;
  filePath: string;
  name: string;
  fileName: string;
  header: Record<string, string>;
  success: Handler;
  fail: Handler;
}

/** uploadFile answering `status` with `body`, or failing like a lost network when status is 0. */
function uploadAnswers(status: number, body: unknown = {}): void {
  mockTaro.uploadFile!.mockImplementation((o: UploadOption) => {
    setTimeout(() =>
      status === 0
        ? (o.fail as (e: unknown) => void)({
            errMsg: 'uploadFile:fail net::ERR_INTERNET_DISCONNECTED',
          })
        : (o.success as (r: unknown) => void)({ statusCode: status, data: JSON.stringify(body) }),
    );
    return { onProgressUpdate: (cb: (p: { progress: number }) => void) => cb({ progress: 100 }) };
  });
}

const lastUpload = (): UploadOption => {
  const calls = mockTaro.uploadFile!.mock.calls;
  return calls[calls.length - 1]![0] as unknown as UploadOption;
};

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  mockStore.clear();
  for (const f of Object.values(mockTaro)) f.mockClear();
  for (const c of outbox.list()) outbox.remove(c.id);
  setToken('tok-123');
});

describe('pickFile on weapp', () => {
  it('asks chooseMedia for one photo from the camera or the album, compressed', async () => {
    mockTaro.chooseMedia!.mockResolvedValue({
      tempFiles: [{ tempFilePath: 'wxfile://a.jpg', size: 5e6 }],
    });
    mockTaro.getImageInfo!.mockResolvedValue({ width: 4000, height: 3000 });
    mockTaro.compressImage!.mockResolvedValue({ tempFilePath: 'wxfile://a-small.jpg' });
    const picked = await pickFile(true);
    expect(mockTaro.chooseMedia).toHaveBeenCalledWith({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
    });
    expect(mockTaro.compressImage).toHaveBeenCalledWith({
      src: 'wxfile://a.jpg',
      quality: 80,
      compressedWidth: PHOTO_MAX_EDGE,
    });
    expect(picked).toMatchObject({ path: 'wxfile://a-small.jpg', size: 5e6 });
    expect(picked!.name).toMatch(/^照片-\d+\.jpg$/);
  });

  it('limits the long edge of a portrait photo by its height, and leaves the size of a small one', async () => {
    mockTaro.chooseMedia!.mockResolvedValue({ tempFiles: [{ tempFilePath: 'p.jpg', size: 1 }] });
    mockTaro.compressImage!.mockResolvedValue({ tempFilePath: 'p2.jpg' });
    mockTaro.getImageInfo!.mockResolvedValueOnce({ width: 3000, height: 4000 });
    await pickFile(true);
    expect(mockTaro.compressImage).toHaveBeenLastCalledWith({
      src: 'p.jpg',
      quality: 80,
      compressedHeight: PHOTO_MAX_EDGE,
    });
    mockTaro.getImageInfo!.mockResolvedValueOnce({ width: 1200, height: 900 });
    await pickFile(true);
    expect(mockTaro.compressImage).toHaveBeenLastCalledWith({ src: 'p.jpg', quality: 80 });
  });

  it('uploads the original when compressing fails, and null when the user picks nothing', async () => {
    mockTaro.chooseMedia!.mockResolvedValueOnce({
      tempFiles: [{ tempFilePath: 'o.jpg', size: 9 }],
    });
    mockTaro.getImageInfo!.mockResolvedValue({ width: 5000, height: 5000 });
    mockTaro.compressImage!.mockRejectedValue({ errMsg: 'compressImage:fail' });
    expect((await pickFile(true))!.path).toBe('o.jpg');
    mockTaro.chooseMedia!.mockResolvedValueOnce({ tempFiles: [] });
    expect(await pickFile(true)).toBeNull();
  });

  it('takes documents from a WeChat chat with chooseMessageFile, uncompressed', async () => {
    mockTaro.chooseMessageFile!.mockResolvedValue({
      tempFiles: [{ path: 'wxfile://c.pdf', name: '证书.pdf', size: 1234 }],
    });
    expect(await pickFile(false)).toEqual({ path: 'wxfile://c.pdf', name: '证书.pdf', size: 1234 });
    expect(mockTaro.chooseMessageFile).toHaveBeenCalledWith(
      expect.objectContaining({
        count: 1,
        type: 'all',
        extension: expect.arrayContaining(['pdf', 'docx', 'jpg']),
      }),
    );
    expect(mockTaro.compressImage).not.toHaveBeenCalled();
  });
});

describe('uploadEvidence on weapp', () => {
  const photo = { path: 'wxfile://a-small.jpg', name: '照片-1.jpg', size: 300_000 };

  it('sends the file as the multipart part `file` with the Authorization header, reporting progress', async () => {
    uploadAnswers(201, { id: 41, mime: 'image/jpeg' });
    const progress: number[] = [];
    const r = await uploadEvidence(
      7,
      { subject: 'facility', key: 'sign' },
      photo,
      '标识牌照片',
      (p) => progress.push(p),
    );
    expect(r).toEqual({ queued: false, file: { id: 41, mime: 'image/jpeg' } });
    expect(lastUpload()).toMatchObject({
      url: '/api/studios/7/evidence?subject=facility&key=sign',
      filePath: 'wxfile://a-small.jpg',
      name: 'file',
      fileName: '照片-1.jpg',
      header: { Authorization: 'Bearer tok-123' },
    });
    expect(progress).toEqual([100]);
    expect(outbox.pendingCount()).toBe(0);
  });

  it('refuses with the server’s message, and queues nothing, when the server says no', async () => {
    uploadAnswers(415, { code: 'FILE_TYPE_REFUSED', message: '不支持的文件类型' });
    await expect(
      uploadEvidence(7, { subject: 'facility', key: 'sign' }, photo, '标识牌照片'),
    ).rejects.toMatchObject({ status: 415 });
    expect(outbox.pendingCount()).toBe(0);
  });

  it('offline: keeps a saved copy in the outbox and sends it once when flushed', async () => {
    uploadAnswers(0);
    mockTaro.saveFile!.mockResolvedValue({ savedFilePath: 'wxfile://store/a.jpg' });
    const r = await uploadEvidence(7, { subject: 'achievement', key: '12' }, photo, '成果证书');
    expect(r.queued).toBe(true);
    expect(mockTaro.saveFile).toHaveBeenCalledWith({ tempFilePath: 'wxfile://a-small.jpg' });
    expect(outbox.pendingCount()).toBe(1);
    expect(mockTaro.uploadFile).toHaveBeenCalledTimes(1);

    uploadAnswers(201, { id: 42 });
    await flushOutbox();
    expect(mockTaro.uploadFile).toHaveBeenCalledTimes(2);
    expect(lastUpload()).toMatchObject({
      url: '/api/studios/7/evidence?subject=achievement&key=12',
      filePath: 'wxfile://store/a.jpg',
      name: 'file',
      header: { Authorization: 'Bearer tok-123' },
    });
    expect(outbox.pendingCount()).toBe(0);
    await flushOutbox();
    expect(mockTaro.uploadFile).toHaveBeenCalledTimes(2);
  });
});
