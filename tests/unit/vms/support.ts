/** `virsh net-info default` as libvirt 9.0 prints it. */
export function isNetworkActiveOutputForTest(active: 'yes' | 'no'): string {
  return [
    'Name:           default',
    'UUID:           3f6b5a2e-1c1d-4a43-9c1e-5b0e2f7d9a10',
    `Active:         ${active}`,
    'Persistent:     yes',
    'Autostart:      no',
    'Bridge:         virbr0',
    '',
  ].join('\n');
}
