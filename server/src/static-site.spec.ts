import { sep } from 'node:path';
import { fileUnder, isHashedAsset } from './static-site';

describe('fileUnder', () => {
  const root = `${sep}tmp${sep}x${sep}site${sep}h5`;
  it('maps request paths to files below the root', () => {
    expect(fileUnder(root, '/')).toBe(root);
    expect(fileUnder(root, '/assets/app.js?v=1')).toBe(`${root}${sep}assets${sep}app.js`);
    expect(fileUnder(root, '/%E4%B8%AD.png')).toBe(`${root}${sep}中.png`);
  });
  it('never leaves the root: absolute-form targets, dot segments, encoded slashes, sibling prefixes', () => {
    expect(fileUnder(root, 'http://../../h5.env')).toBe(`${root}${sep}h5.env`);
    expect(fileUnder(root, '/../h5.env')).toBe(`${root}${sep}h5.env`);
    expect(fileUnder(root, '/..%2F..%2Fh5.env')).toBeNull();
    expect(fileUnder(root, '/%2e%2e/h5.env')).toBe(`${root}${sep}h5.env`);
    expect(fileUnder(root, '/..%5Ch5.env')).toBe(sep === '\\' ? null : `${root}${sep}..\\h5.env`);
  });
  it('throws on malformed percent-encoding', () => {
    expect(() => fileUnder(root, '/%E0%A4%A')).toThrow(URIError);
  });
});

describe('isHashedAsset', () => {
  it("knows webpack's hashed names in the H5 build", () => {
    expect(isHashedAsset('/h5/js/app.3ca30311.js')).toBe(true);
    expect(isHashedAsset('/h5/js/400.32cd29a4.js')).toBe(true);
    expect(isHashedAsset('/h5/css/app.3ca30311fb193e54cdd5.css')).toBe(true);
    expect(isHashedAsset('/h5/static/images/logo.1a2b3c4d.png')).toBe(true);
  });
  it('leaves index.html, licence notes and unhashed names to revalidation', () => {
    expect(isHashedAsset('/h5/index.html')).toBe(false);
    expect(isHashedAsset('/h5/js/app.3ca30311.js.LICENSE.txt')).toBe(false);
    expect(isHashedAsset('/h5/favicon.ico')).toBe(false);
    expect(isHashedAsset('/h5/js/vendors.js')).toBe(false);
  });
});
