// The names of WeChat's `wx` API, read from miniprogram-api-typings (`interface Wx`), so the
// stub has exactly the methods WeChat has: a call to anything else is a TypeError, as on a phone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** @returns {{ methods: string[], properties: string[] }} */
export function wxApiNames() {
  const dir = join(dirname(require.resolve('miniprogram-api-typings/package.json')), 'types', 'wx');
  const methods = new Set();
  const properties = new Set();
  // `wx.cloud` is declared in lib.wx.cloud.d.ts, everything else in lib.wx.api.d.ts.
  for (const file of ['lib.wx.api.d.ts', 'lib.wx.cloud.d.ts']) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(dir, file), 'utf8'),
      ts.ScriptTarget.Latest,
      false,
    );
    const visit = (node) => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
        for (const member of node.members) {
          if (!member.name) continue;
          const name = member.name.getText(source);
          if (
            ts.isMethodSignature(member) ||
            (ts.isPropertySignature(member) && member.type && ts.isFunctionTypeNode(member.type))
          )
            methods.add(name);
          else properties.add(name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  if (methods.size < 300 || !methods.has('request'))
    throw new Error(
      `miniprogram-api-typings: found only ${methods.size} wx methods; has the package changed shape?`,
    );
  return { methods: [...methods].sort(), properties: [...properties].sort() };
}
