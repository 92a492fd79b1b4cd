/** ¥ with up to two decimals: message costs are fractions of a yuan, which fmtMoney (whole yuan) would show as ¥0. */
export const yuan = (n: number): string => `¥${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
