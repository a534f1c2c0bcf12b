import ar from './messages/ar.json';
import en from './messages/en.json';
import fr from './messages/fr.json';
import type { Locale } from './locale';

export type MessageKey = keyof typeof ar;
export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { ar, fr, en };
