// Reads a QR code the way a camera would: the pixels of the <img> the page drew (qrcode-generator's
// GIF data URL inside Taro's <Image>), decoded by jsQR. The e2e run asserts on what the code says,
// not on what the page claims it says.
import jsQR from 'jsqr';

/** The text of the QR code drawn by the <img> inside `locator`; throws when none can be read. */
export async function decodeQr(locator) {
  const img = locator.locator('img').first();
  const { width, height, pixels } = await img.evaluate(async (el) => {
    await el.decode();
    // Runs in the page.
    // eslint-disable-next-line no-undef
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(el, 0, 0);
    return {
      width: canvas.width,
      height: canvas.height,
      pixels: Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data),
    };
  });
  const found = jsQR(Uint8ClampedArray.from(pixels), width, height);
  if (!found) throw new Error(`no QR code readable in the ${width}×${height} image`);
  return found.data;
}
