/**
 * Permission requests from web content: all denied, except the clipboard (Copy buttons, and
 * Paste into a console), and only for the app's own page.
 */
const allowed = new Set(['clipboard-sanitized-write', 'clipboard-read']);

export function isPermissionAllowed(permission: string, fromAppPage: boolean): boolean {
  return fromAppPage && allowed.has(permission);
}
