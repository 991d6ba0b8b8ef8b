/**
 * Permission requests from web content: all denied, except writing to the clipboard (the
 * Copy buttons) and only for the app's own page.
 */
const allowed = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, fromAppPage: boolean): boolean {
  return fromAppPage && allowed.has(permission);
}
