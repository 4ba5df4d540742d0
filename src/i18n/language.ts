/** The base language of a BCP 47 tag, lower case: `fr-CA` → `fr`, `pt_BR` → `pt`; English when there is none. */
export function baseLanguage(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] || 'en';
}
