import { createContext, useContext } from 'react';

/**
 * Template id → name for the Lab page's cards, through context so that the catalog arriving after
 * the guest list re-renders each card's template line, not every whole card.
 */
export const TemplateNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useTemplateName(templateId: string): string {
  return useContext(TemplateNamesContext).get(templateId) ?? templateId;
}
