/**
 * Certification schemes that include others: a holder of the larger scheme meets a requirement for the
 * one it includes. FSSC 22000 is ISO 22000 plus prerequisite programmes, and ISO 22000 takes in the
 * HACCP principles; IATF 16949, AS 9100 and API Q1 are built on the whole of ISO 9001.
 */
export const CERTIFICATION_INCLUDES: Readonly<Record<string, readonly string[]>> = {
  FSSC_22000: ['ISO_22000', 'HACCP'],
  ISO_22000: ['HACCP'],
  IATF_16949: ['ISO_9001'],
  AS_9100: ['ISO_9001'],
  API_Q1: ['ISO_9001'],
};

/** The held certification that covers `wanted`: itself when held, else a held scheme including it; null otherwise. */
export function coveringCertification(held: readonly string[], wanted: string): string | null {
  if (held.includes(wanted)) return wanted;
  for (const h of held) if (includes(h, wanted, 0)) return h;
  return null;
}

export const holdsCertification = (held: readonly string[], wanted: string): boolean =>
  coveringCertification(held, wanted) !== null;

function includes(scheme: string, wanted: string, depth: number): boolean {
  const inner = CERTIFICATION_INCLUDES[scheme];
  if (!inner || depth > 4) return false;
  return inner.includes(wanted) || inner.some((i) => includes(i, wanted, depth + 1));
}

/** Every code that meets a requirement for `wanted`: itself and the schemes that include it (for search filters). */
export function certificationsMeeting(wanted: string): string[] {
  return [wanted, ...Object.keys(CERTIFICATION_INCLUDES).filter((s) => includes(s, wanted, 0))];
}

/** The held certifications and every one they include: what a holder can show. */
export function coveredCertifications(held: readonly string[]): string[] {
  const out = [...held];
  for (let i = 0; i < out.length; i++)
    for (const inner of CERTIFICATION_INCLUDES[out[i]] ?? []) if (!out.includes(inner)) out.push(inner);
  return out;
}
