/**
 * What a log line must never carry (个人信息保护法 第五十一条: security measures; issue 17): names,
 * phone numbers, ID-card numbers, tokens. Applied by JsonLogger to every message and field.
 * Names cannot be recognised in free text, so none is ever written on purpose (the request log
 * carries the account id, not its name) and the places a value can slip in by accident are
 * cut out here: a database error quoting a value, a field named like personal data.
 */
const RULES: [RegExp, string][] = [
  // JWTs and other bearer credentials, signed download links' tokens
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[token]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [token]'],
  [/([?&](?:token|code|access_token|secret)=)[^&\s"']+/gi, '$1[token]'],
  // mainland resident ID numbers, then mobile numbers (11 digits starting 1[3-9])
  [
    /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g,
    '[id-card]',
  ],
  [/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, '[phone]'],
  // values quoted back by MySQL/MariaDB errors: Duplicate entry '张三-1', Incorrect string value: '…'
  [/(Duplicate entry |value: |for value )'(?:[^'\\]|\\.)*'/g, "$1'[redacted]'"],
];

/** Field names whose values are personal data or credentials: replaced whole. */
const SENSITIVE_KEY =
  /^(name|.*Name|phone|mobile|tel|idCard|id_card|token|.*Token|authorization|cookie|openid|.*Openid|password|secret|code)$/i;

export function redactText(text: string): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to);
  return out;
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    out[k] = SENSITIVE_KEY.test(k) ? '[redacted]' : redactValue(v, depth + 1);
  return out;
}
