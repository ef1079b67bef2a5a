import { useMemo } from 'react';
import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';

/**
 * A QR code as a GIF data URL: pure JavaScript, drawn by the platform's own
 * <Image>, so it looks the same in WeChat and in the browser.
 */
export function QrCode({
  text,
  size = 480,
  testId = 'checkin-qr',
}: {
  text: string;
  size?: number;
  testId?: string;
}) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const cell = Math.max(2, Math.floor(size / 2 / (qr.getModuleCount() + 8)));
    return qr.createDataURL(cell, cell * 4);
  }, [text, size]);
  return (
    <Image
      src={src}
      data-testid={testId}
      className="qr"
      // Dynamic: the side follows the `size` prop (half of it, in unscaled px).
      style={{ width: `${size / 2}px`, height: `${size / 2}px` }}
      mode="scaleToFill"
    />
  );
}
