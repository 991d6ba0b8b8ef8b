/** Live connection state of the engines, pushed as the `engines.status` event. */
export type EngineName = 'docker' | 'libvirt';
/** The engines in the status bar: the two every lab needs, and LXD/Incus, which only system containers need. */
export type StatusEngineName = EngineName | 'lxd';

export type EngineStatus =
  | { state: 'connecting'; endpoint: string }
  | { state: 'up'; endpoint: string; version: string; since: string }
  | { state: 'down'; endpoint: string; reason: string; since: string };

export type EnginesStatus = Record<StatusEngineName, EngineStatus>;
