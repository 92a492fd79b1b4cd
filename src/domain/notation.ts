/** The compact, language-neutral notation of details ("R 112 > 90", "lastNps 6 ≤ 6"). */

export const compareOps = ['<', '<=', '>', '>=', '==', '!='] as const;
export type CompareOp = (typeof compareOps)[number];

const symbols: Record<CompareOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

function formatValue(v: number | boolean | string | null): string {
  return v === null ? 'null' : String(v);
}

/** `name actual op threshold`: the actual value sits beside the threshold it was compared with. */
export function comparison(name: string, actual: number | boolean | string | null, op: CompareOp, threshold: number | boolean | string): string {
  return `${name} ${formatValue(actual)} ${symbols[op]} ${formatValue(threshold)}`;
}
