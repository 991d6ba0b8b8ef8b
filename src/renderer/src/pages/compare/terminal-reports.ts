/**
 * What the terminal itself answers to its shell's queries (cursor position, device attributes,
 * focus), which xterm reports as input too: they belong to that one console, not to the others.
 */
const csi = '\u001b\\[';
const terminalReports = new RegExp(`${csi}\\d+;\\d+R|${csi}[?>][\\d;]*c|${csi}[IO]`, 'g');

export function withoutTerminalReports(data: string): string {
  return data.replace(terminalReports, '');
}
