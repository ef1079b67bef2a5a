import { sep } from 'node:path';
import { fileUnder } from './static-site';

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
