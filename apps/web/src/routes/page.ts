import type { ComponentType } from 'react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { loadAreas, type Area } from '../i18n/areas';

/**
 * A participant page's route component: its chunk and the messages of the areas it uses, fetched
 * together (in parallel, when the URL matches or a link is hovered) before it renders.
 * src/i18n/messageAreas.test.ts checks that `areas` covers every message key the page uses.
 */
export function page<K extends string, T extends Record<K, ComponentType>>(
  load: () => Promise<T>,
  name: K,
  areas: readonly Area[],
) {
  return lazyRouteComponent(async () => (await Promise.all([load(), loadAreas(areas)]))[0], name);
}
