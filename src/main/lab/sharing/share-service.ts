import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { ShareStatus } from '@shared/sharing';
import type { ShareServer } from './share-server';

/** The addresses attendees can reach: every IPv4 address of this computer that is not loopback. */
export function shareUrls(
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  return Object.values(interfaces)
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => `http://${address.address}:${port}/`);
}

/** Start, stop and describe "Share my images". Never started by itself; stopped with the lab. */
export class ShareService {
  constructor(
    private readonly server: ShareServer,
    /** Where it listens: every network (the point of sharing); tests keep it on loopback. */
    private readonly host = '0.0.0.0',
  ) {}

  async status(): Promise<ShareStatus> {
    const port = this.server.port;
    const index = await this.server.index();
    const counts = { artifacts: index.artifacts.length, images: index.images.length };
    if (port === undefined) return { running: false, urls: [], ...counts };
    const urls = this.host === '0.0.0.0' ? shareUrls(port) : [`http://${this.host}:${port}/`];
    return { running: true, port, urls, ...counts };
  }

  async start(port: number): Promise<ShareStatus> {
    await this.server.start(port, this.host);
    return this.status();
  }

  async stop(): Promise<ShareStatus> {
    await this.server.stop();
    return this.status();
  }
}
