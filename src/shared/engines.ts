/** Live connection state of the two engines, pushed as the `engines.status` event. */
export type EngineName = 'docker' | 'libvirt';

export type EngineStatus =
  | { state: 'connecting'; endpoint: string }
  | { state: 'up'; endpoint: string; version: string; since: string }
  | { state: 'down'; endpoint: string; reason: string; since: string };

export type EnginesStatus = Record<EngineName, EngineStatus>;
