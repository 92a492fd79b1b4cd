/** `{{field}}`, spaces inside the braces tolerated (`{{ offer }}`), as users type them. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface PlaceholderScan {
  /** Field names in order of appearance, repeats kept. */
  names: string[];
  /** A `{{` or `}}` left after removing the well-formed placeholders: a typo such as `{{offer}`. */
  stray: boolean;
}

export function scanPlaceholders(text: string): PlaceholderScan {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  const rest = text.replace(PLACEHOLDER, '');
  return { names, stray: rest.includes('{{') || rest.includes('}}') };
}

/** Replaces each placeholder with `fill(name)`. */
export function replacePlaceholders(text: string, fill: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => fill(name));
}
