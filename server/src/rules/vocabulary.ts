/** The closed code lists themselves come from '@master-studio/shared-rules' (one copy); this adds the Chinese message. */
export const oneOf = (label: string, values: readonly string[]): string =>
  `${label}应为以下之一：${values.join('、')}`;
